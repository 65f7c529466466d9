from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..money import PAY_CEILING, format_rupiah
from ..querysets import ApplicationQuerySet
from ..vocabulary import ApplicationStatus, TrialPayBasis

TRIAL_MAX_DAYS = 30

# Stages at which both sides see each other's WhatsApp (UU PDP: not before the shortlist).
CONTACT_STAGES = frozenset(
    {
        ApplicationStatus.SHORTLISTED,
        ApplicationStatus.TRIAL_OFFERED,
        ApplicationStatus.TRIAL_ACCEPTED,
        ApplicationStatus.HIRED,
    }
)
# Stages still in progress: the worker may withdraw, the employer may decline.
OPEN_STAGES = frozenset(
    {
        ApplicationStatus.SENT,
        ApplicationStatus.VIEWED,
        ApplicationStatus.SHORTLISTED,
        ApplicationStatus.TRIAL_OFFERED,
        ApplicationStatus.TRIAL_ACCEPTED,
    }
)


def trial_terms_text(*, days: int, pay: int | None, basis: str) -> str:
    """'3 hari, dibayar Rp 50.000 per hari' in the active language (inbox, pages, email)."""
    length = ngettext("%(days)d hari", "%(days)d hari", days) % {"days": days}
    if not pay:
        return gettext("%(length)s, tanpa bayaran") % {"length": length}
    if basis == TrialPayBasis.PER_DAY:
        paid = gettext("dibayar %(amount)s per hari")
    else:
        paid = gettext("dibayar %(amount)s untuk seluruh masa percobaan")
    return f"{length}, {paid % {'amount': format_rupiah(pay)}}"


class Application(models.Model):
    """A worker's application to a gig. Status changes go through `listings.applications.services` only.

    `worker` becomes NULL when the worker deletes their account: the employer keeps a
    consistent (anonymised) record of the applicant pipeline.
    """

    gig = models.ForeignKey("listings.Gig", on_delete=models.CASCADE, related_name="applications")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    message = models.TextField(_("pesan untuk pemberi kerja"), max_length=1000, blank=True)
    screening_answer = models.TextField(_("jawaban pertanyaan"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.SENT
    )
    # The trial the employer offered (offer_trial); the worker accepts or declines it.
    trial_days = models.PositiveSmallIntegerField(
        _("lama masa percobaan (hari)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(TRIAL_MAX_DAYS)],
    )
    trial_pay = models.PositiveIntegerField(
        _("bayaran masa percobaan (Rp)"), null=True, blank=True, validators=[MaxValueValidator(PAY_CEILING)]
    )
    trial_pay_basis = models.CharField(
        _("cara bayar masa percobaan"), max_length=8, choices=TrialPayBasis.choices, blank=True
    )
    employer_note = models.TextField(
        _("catatan pribadi"),
        max_length=2000,
        blank=True,
        help_text=_("Hanya terlihat oleh Anda, tidak oleh pelamar."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lamaran")
        verbose_name_plural = _("lamaran")
        constraints = [
            models.UniqueConstraint(fields=["gig", "worker"], name="one_application_per_worker_per_gig"),
        ]
        indexes = [
            models.Index(fields=["gig", "status"], name="application_gig_status_idx"),
            models.Index(fields=["worker", "status"], name="application_worker_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.worker_id} → {self.gig_id} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("listings:application_detail", args=[self.pk])

    @property
    def contact_revealed(self) -> bool:
        return self.worker_id is not None and self.status in CONTACT_STAGES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STAGES

    @property
    def trial_terms(self) -> str:
        """The offered trial in words, or "" when no trial was offered."""
        if not self.trial_days:
            return ""
        return trial_terms_text(days=self.trial_days, pay=self.trial_pay, basis=self.trial_pay_basis)


class ApplicationEvent(models.Model):
    """History of an application: one row per status change (and the submission)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16)
    from_status = models.CharField(max_length=16, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=ApplicationStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("riwayat lamaran")
        verbose_name_plural = _("riwayat lamaran")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status or '-'} → {self.to_status}"
