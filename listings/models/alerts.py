"""Job alerts (saved searches, profile matching) and the match notifications they produce."""

from django.conf import settings
from django.db import models
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ..money import format_rupiah
from ..vocabulary import Channel, Duty, PayModel, Schedule, WorkMode, labels_for


class Alert(models.Model):
    """A worker's standing request to hear about new gigs.

    Criteria live in plain, indexed columns so the matcher finds candidate alerts for a
    freshly published gig in SQL (see `listings.matching`). Empty criteria mean "any".
    A `profile` alert mirrors the worker's profile ("gigs that fit my profile") and is kept
    in sync by `listings.alerts.alert_sync_profile`.
    """

    class Kind(models.TextChoices):
        SEARCH = "search", _("Pencarian tersimpan")
        PROFILE = "profile", _("Sesuai profil saya")

    class Frequency(models.TextChoices):
        INSTANT = "instant", _("Langsung")
        DAILY = "daily", _("Ringkasan harian")

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.SEARCH)
    name = models.CharField(_("nama notifikasi"), max_length=80)
    q = models.CharField(_("kata kunci"), max_length=200, blank=True)
    # Lower-cased, whitespace-collapsed `q`: alerts with the same text are checked once.
    q_key = models.CharField(max_length=200, blank=True, editable=False)
    pay_model = models.CharField(_("sistem gaji"), max_length=16, choices=PayModel.choices, blank=True)
    work_mode = models.CharField(_("lokasi kerja"), max_length=10, choices=WorkMode.choices, blank=True)
    city = models.CharField(_("kota"), max_length=80, blank=True)
    # `city` as search understands it ('jogja' -> 'yogyakarta'), matched against gig cities.
    city_key = models.CharField(max_length=80, blank=True, editable=False)
    # Profile alerts: a gig in another city still fits when it can be done from home.
    remote_ok = models.BooleanField(_("termasuk WFH"), default=False)
    min_pay = models.PositiveIntegerField(_("gaji minimal (Rp)"), null=True, blank=True)
    # When set, `min_pay` is per this pay model (compared with the gig's minimum) and gigs
    # paid another way are not compared; when empty it is rupiah per month, compared with the
    # gig's monthly estimate — the same rule as the search filter.
    min_pay_unit = models.CharField(max_length=16, choices=PayModel.choices, blank=True)
    channels = models.JSONField(_("channel"), default=list, blank=True)
    duties = models.JSONField(_("tugas"), default=list, blank=True)
    schedule = models.JSONField(_("jadwal"), default=list, blank=True)
    frequency = models.CharField(
        _("frekuensi"), max_length=10, choices=Frequency.choices, default=Frequency.INSTANT
    )
    paused = models.BooleanField(_("dijeda"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notifikasi lowongan")
        verbose_name_plural = _("notifikasi lowongan")
        # GIN indexes over channels/duties/schedule are PostgreSQL-only: see the alerts migration.
        indexes = [
            models.Index(fields=["worker", "kind"], name="alert_worker_kind_idx"),
            models.Index(
                fields=["pay_model", "work_mode"],
                condition=models.Q(paused=False),
                name="alert_active_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["worker"], condition=models.Q(kind="profile"), name="one_profile_alert_per_worker"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def search_params(self) -> dict:
        """The alert's criteria as search parameters (what `listings.search` understands)."""
        params: dict = {}
        for name in ("q", "pay_model", "work_mode", "city"):
            if getattr(self, name):
                params[name] = getattr(self, name)
        if self.min_pay is not None:
            params["min_pay"] = self.min_pay
        for name, key in (("channels", "channel"), ("duties", "duty"), ("schedule", "schedule")):
            if getattr(self, name):
                params[key] = list(getattr(self, name))
        return params

    def criteria_labels(self) -> list[str]:
        """The criteria in words: ['cs wfh', 'Harian', 'Bandung', 'min. Rp 75.000', 'Shopee']."""
        parts = [self.q] if self.q else []
        if self.pay_model:
            parts.append(str(PayModel(self.pay_model).label))
        if self.work_mode:
            parts.append(str(WorkMode(self.work_mode).label))
        if self.city:
            parts.append(self.city)
        if self.min_pay:
            parts.append(f"min. {format_rupiah(self.min_pay)}")
        parts += labels_for(Channel, self.channels) + labels_for(Duty, self.duties)
        parts += labels_for(Schedule, self.schedule)
        return [str(part) for part in parts]

    def search_querystring(self) -> str:
        """The alert as a search page query string (for "Lihat hasil")."""
        return urlencode(self.search_params(), doseq=True)


def normalize_query(q: str) -> str:
    return " ".join((q or "").lower().split())


class Notification(models.Model):
    """One worker told about one gig — at most once, whatever retries or crashes happen.

    Rows are created with ON CONFLICT DO NOTHING on (worker, gig); delivery claims a row
    with a conditional UPDATE (queued -> sending) so only one task ever sends it.
    `digest_sent_at` marks rows that went out in a daily digest instead.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Antre")
        SENDING = "sending", _("Sedang dikirim")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")
        SKIPPED = "skipped", _("Dilewati")

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="match_notifications"
    )
    gig = models.ForeignKey("listings.Gig", on_delete=models.CASCADE, related_name="match_notifications")
    alert = models.ForeignKey(
        Alert, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    frequency = models.CharField(max_length=10, choices=Alert.Frequency.choices)
    channel = models.CharField(_("saluran"), max_length=16, default="email")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    digest_sent_at = models.DateTimeField(_("masuk ringkasan pada"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("kiriman notifikasi")
        verbose_name_plural = _("kiriman notifikasi")
        constraints = [
            models.UniqueConstraint(fields=["worker", "gig"], name="one_notification_per_worker_gig"),
        ]
        indexes = [
            models.Index(
                fields=["frequency", "worker"],
                condition=models.Q(status="queued"),
                name="notification_queued_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worker_id} ← {self.gig_id} ({self.status})"


class GigFanOut(models.Model):
    """Ledger of a gig's fan-out: how many workers it matched when matching ran.

    A broker can lose a task message (e.g. a worker killed between Redis handing it over and
    recording it as unacknowledged). The safety net compares this count with the rows that
    exist and runs the (idempotent) fan-out again when some are missing.
    """

    gig = models.OneToOneField("listings.Gig", on_delete=models.CASCADE, related_name="fan_out")
    matched = models.PositiveIntegerField(default=0)
    matched_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("penyebaran notifikasi")
        verbose_name_plural = _("penyebaran notifikasi")

    def __str__(self) -> str:
        return f"{self.gig_id}: {self.matched}"
