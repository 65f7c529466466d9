from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..cities import canonical_city
from ..money import PAY_CEILING, format_rupiah
from ..pay import (
    PayEstimate,
    gig_estimate,
    hourly_estimate_expression,
    is_estimate_only,
    monthly_estimate_expression,
)
from ..querysets import GigQuerySet
from ..schedule import WeeklyWindow, window_summary
from ..vocabulary import (
    PAY_UNIT,
    REJECTION_LABELS,
    Channel,
    Duty,
    GigStatus,
    PayModel,
    Schedule,
    WorkMode,
    clean_code_lists,
    labels_for,
)


def rejection_text(code: str, note: str) -> str:
    """A stored rejection (code + note) as the reader reads it; unknown codes show the note."""
    label = REJECTION_LABELS.get(code)
    return "\n".join(part for part in (str(label) if label else "", note) if part)


def default_expiry():
    return timezone.now() + timedelta(days=settings.GIG_DEFAULT_LIFETIME_DAYS)


class Gig(models.Model):
    """A customer-service gig posted by an UMKM owner.

    Status changes go through `listings.gigs.services` only; see DESIGN.md for the workflow.
    """

    # Fields the owner fills in (the gig form, duplication, import).
    EDITABLE_FIELDS = (
        "title",
        "description",
        "requirements",
        "pay_model",
        "pay_min",
        "pay_max",
        "commission_description",
        "work_mode",
        "city",
        "hours_per_week",
        "schedule",
        "channels",
        "duties",
        "screening_question",
        "trial_days",
        "trial_pay",
        "openings",
    )
    # Fields whose change on a published gig sends it back to review.
    SUBSTANTIVE_FIELDS = (
        "title",
        "description",
        "pay_model",
        "pay_min",
        "pay_max",
        "commission_description",
        "work_mode",
        "city",
        "requirements",
        "channels",
        "duties",
        "trial_days",
        "trial_pay",
    )

    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="gigs", verbose_name=_("pemilik")
    )
    title = models.CharField(_("judul"), max_length=120)
    slug = models.SlugField(max_length=140, blank=True)
    description = models.TextField(_("deskripsi pekerjaan"), max_length=5000)
    requirements = models.TextField(_("syarat"), max_length=2000, blank=True)
    pay_model = models.CharField(_("sistem gaji"), max_length=16, choices=PayModel.choices)
    pay_min = models.PositiveIntegerField(_("gaji minimum (Rp)"), validators=[MaxValueValidator(PAY_CEILING)])
    pay_max = models.PositiveIntegerField(
        _("gaji maksimum (Rp)"), null=True, blank=True, validators=[MaxValueValidator(PAY_CEILING)]
    )
    commission_description = models.CharField(
        _("rincian komisi"),
        max_length=200,
        blank=True,
        help_text=_("Contoh: Rp 5.000 per pesanan atau 3% dari penjualan."),
    )
    work_mode = models.CharField(_("lokasi kerja"), max_length=10, choices=WorkMode.choices)
    city = models.CharField(_("kota"), max_length=80, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("jam per minggu"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(84)],
    )
    schedule = models.JSONField(_("jadwal"), default=list, blank=True)
    channels = models.JSONField(_("channel"), default=list, blank=True)
    duties = models.JSONField(_("tugas"), default=list, blank=True)
    screening_question = models.CharField(_("pertanyaan untuk pelamar"), max_length=200, blank=True)
    trial_days = models.PositiveSmallIntegerField(
        _("masa percobaan (hari)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    trial_pay = models.PositiveIntegerField(
        _("bayaran masa percobaan (Rp)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(PAY_CEILING)],
    )
    openings = models.PositiveSmallIntegerField(
        _("jumlah posisi"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    status = models.CharField(
        _("status"), max_length=12, choices=GigStatus.choices, default=GigStatus.DRAFT, db_index=True
    )
    # Why the gig was rejected: a code of REJECTION_LABELS (shown in the reader's language)
    # and the moderator's own note as typed. Older rows hold the whole sentence in the note.
    rejection_code = models.CharField(_("kode alasan penolakan"), max_length=32, blank=True, db_default="")
    rejection_reason = models.TextField(_("alasan penolakan"), blank=True)
    expires_at = models.DateTimeField(_("berlaku sampai"), default=default_expiry)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies", editable=False
    )
    import_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    # Simhash of the normalised text (listings.screening.fingerprint), written by screening:
    # reposts of rejected, suspended or banned posts are found by comparing integers.
    text_fingerprint = models.BigIntegerField(null=True, blank=True, editable=False)
    # Maintained by a PostgreSQL trigger (migration 0006_search); always NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # Derived from the gig's time windows by the services (`schedule.window_inputs`), so the
    # generated pay estimate below can read them from the gig row.
    window_days = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    window_minutes = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # `TimeBand` codes the windows cover (`schedule.window_tags`): "siang", "malam minggu".
    time_tags = models.JSONField(_("waktu kerja"), default=list, blank=True, editable=False)
    # Normalised pay for sorting, min_pay and alerts; one definition in listings/pay.py.
    pay_estimate_month = models.GeneratedField(
        expression=monthly_estimate_expression(), output_field=models.BigIntegerField(), db_persist=True
    )
    pay_estimate_hour = models.GeneratedField(
        expression=hourly_estimate_expression(), output_field=models.BigIntegerField(), db_persist=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GigQuerySet.as_manager()

    class Meta:
        verbose_name = _("lowongan")
        verbose_name_plural = _("lowongan")
        ordering = ["-published_at", "-pk"]
        # GIN indexes over the JSON code lists are PostgreSQL-only: see migration 0002.
        indexes = [
            models.Index(fields=["status", "expires_at"], name="gig_status_expiry_idx"),
            models.Index(fields=["employer", "status"], name="gig_employer_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pay_max__isnull=True) | models.Q(pay_max__gte=models.F("pay_min")),
                name="gig_pay_max_gte_min",
            ),
            models.CheckConstraint(
                condition=models.Q(work_mode="remote") | ~models.Q(city=""),
                name="gig_city_unless_remote",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:140] or "lowongan"
        self.city = canonical_city(self.city)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("listings:gig_detail", args=[self.pk, self.slug or "lowongan"])

    def clean(self) -> None:
        """Rules shared by the web form, the admin and `import_gigs`."""
        errors: dict[str, str] = {}
        if self.pay_max is not None and self.pay_min is not None and self.pay_max < self.pay_min:
            errors["pay_max"] = _("Gaji maksimum harus ≥ %(amount)s (gaji minimum).") % {
                "amount": format_rupiah(self.pay_min)
            }
        if self.pay_model != PayModel.COMMISSION and self.pay_min is not None and self.pay_min < 1000:
            errors["pay_min"] = _("Isi gaji dalam rupiah penuh, minimal Rp 1.000.")
        if self.pay_model == PayModel.COMMISSION and not self.commission_description.strip():
            errors["commission_description"] = _("Jelaskan komisinya, misalnya Rp 5.000 per pesanan.")
        self.city = canonical_city(self.city)
        if self.work_mode in (WorkMode.ONSITE, WorkMode.HYBRID) and not self.city:
            errors["city"] = _("Isi kota untuk kerja di lokasi atau hybrid.")
        errors.update(clean_code_lists(self, {"schedule": Schedule, "channels": Channel, "duties": Duty}))
        if not self.channels and "channels" not in errors:
            errors["channels"] = _("Pilih minimal satu channel.")
        if not self.duties and "duties" not in errors:
            errors["duties"] = _("Pilih minimal satu tugas.")
        if errors:
            raise ValidationError(errors)

    @property
    def pay_display(self) -> str:
        """'Rp 75.000 / hari', 'Rp 2.000.000 – Rp 3.000.000 / bulan', 'Komisi …'."""
        unit = PAY_UNIT[PayModel(self.pay_model)]
        amount = format_rupiah(self.pay_min)
        if self.pay_max and self.pay_max != self.pay_min:
            amount = f"{amount} – {format_rupiah(self.pay_max)}"
        if self.pay_model == PayModel.COMMISSION:
            parts = [str(_("Komisi"))]
            if self.commission_description:
                parts.append(self.commission_description)
            if self.pay_min:
                parts.append(f"+ {amount} / {unit}")
            return " ".join(parts)
        return f"{amount} / {unit}"

    @property
    def rejection_display(self) -> str:
        """The reason the owner reads, in the reader's language, then the moderator's note."""
        return rejection_text(self.rejection_code, self.rejection_reason)

    @property
    def pay_is_estimate(self) -> bool:
        """Commission and per-project figures are guesses, not promises (listings/pay.py)."""
        return is_estimate_only(self.pay_model)

    @cached_property
    def pay_estimate(self) -> PayEstimate:
        """The same figures as the generated columns, with the range and how they were made."""
        return gig_estimate(self)

    @property
    def is_live(self) -> bool:
        return self.status == GigStatus.PUBLISHED and self.expires_at > timezone.now()

    @property
    def location_display(self) -> str:
        if self.work_mode == WorkMode.REMOTE:
            return str(WorkMode.REMOTE.label)
        return f"{self.city} ({self.get_work_mode_display()})"

    def time_window_summary(self) -> list[str]:
        """Group days with the same hours: ['Senin–Jumat 09:00–13:00', 'Sabtu 10:00–14:00']."""
        return window_summary(self.time_windows.all())

    def channel_labels(self) -> list[str]:
        return labels_for(Channel, self.channels)

    def duty_labels(self) -> list[str]:
        return labels_for(Duty, self.duties)

    def schedule_labels(self) -> list[str]:
        return labels_for(Schedule, self.schedule)


class GigTimeWindow(WeeklyWindow):
    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="time_windows")

    class Meta(WeeklyWindow.Meta):
        verbose_name = _("jam kerja")
        verbose_name_plural = _("jam kerja")
        constraints = [
            models.CheckConstraint(condition=~models.Q(start=models.F("end")), name="window_not_empty"),
        ]
