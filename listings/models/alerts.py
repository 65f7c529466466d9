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
            # The distinct texts of active alerts, read by the fan-out's coordinator.
            models.Index(
                fields=["q_key"],
                condition=models.Q(paused=False) & ~models.Q(q_key=""),
                name="alert_active_text_idx",
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

    The foreign keys are kept by Django (`on_delete` runs in the ORM's delete collector), not
    by database constraints: a constraint check locks every referenced user and alert row
    (FOR KEY SHARE), which for a 50,000-row fan-out dirtied those whole tables and cost more
    than the insert itself (README, "Job alerts"). Rows are only ever deleted through the ORM.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Antre")
        SENDING = "sending", _("Sedang dikirim")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")
        SKIPPED = "skipped", _("Dilewati")

    # No index of its own: the unique (worker, gig) starts with it.
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="match_notifications",
        db_constraint=False,
        db_index=False,
    )
    # Indexed with the worker below: a gig's rows, and one range of them.
    gig = models.ForeignKey(
        "listings.Gig",
        on_delete=models.CASCADE,
        related_name="match_notifications",
        db_constraint=False,
        db_index=False,
    )
    alert = models.ForeignKey(
        Alert,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
        db_constraint=False,
    )
    frequency = models.CharField(max_length=10, choices=Alert.Frequency.choices)
    channel = models.CharField(_("saluran"), max_length=16, default="email")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    digest_sent_at = models.DateTimeField(_("masuk ringkasan pada"), null=True, blank=True)
    # Not indexed: rows are listed newest first by id (the same order), and every secondary
    # index costs each fan-out insert (README, "Job alerts").
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("kiriman notifikasi")
        verbose_name_plural = _("kiriman notifikasi")
        constraints = [
            models.UniqueConstraint(fields=["worker", "gig"], name="one_notification_per_worker_gig"),
        ]
        indexes = [
            models.Index(fields=["gig", "worker"], name="notification_gig_worker_idx"),
            # Rows being sent (the lease sweep) and failed ones (the admin's delivery log): few,
            # and a new row (queued) is not in it, so a fan-out insert does not touch it.
            models.Index(
                fields=["status"],
                condition=models.Q(status__in=["sending", "failed"]),
                name="notification_attention_idx",
            ),
            models.Index(
                fields=["frequency", "worker"],
                condition=models.Q(status="queued"),
                name="notification_queued_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worker_id} ← {self.gig_id} ({self.status})"


class GigFanOut(models.Model):
    """Ledger of a gig's fan-out: the query texts the gig matched and the worker-id ranges.

    The coordinator (`listings.alerts.notifications.gig_fan_out`) confirms the texts once and
    splits the workers into ranges; each range is one set-based INSERT in its own task and
    is marked done in that INSERT's transaction. A broker can lose a task message (e.g. a
    worker killed between Redis handing it over and recording it as unacknowledged): the
    safety net runs every range not done after a while again (idempotent), and the whole
    fan-out when this row is missing. `matched` is the sum over the ranges done.
    """

    gig = models.OneToOneField("listings.Gig", on_delete=models.CASCADE, related_name="fan_out")
    matched = models.PositiveIntegerField(default=0)
    matched_at = models.DateTimeField(db_index=True)
    # Normalised alert texts (`Alert.q_key`) a search finds this gig with.
    text_keys = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("penyebaran notifikasi")
        verbose_name_plural = _("penyebaran notifikasi")

    def __str__(self) -> str:
        return f"{self.gig_id}: {self.matched}"


class GigFanOutRange(models.Model):
    """Workers with ids first_worker_id..last_worker_id (inclusive) of one fan-out."""

    fan_out = models.ForeignKey(GigFanOut, on_delete=models.CASCADE, related_name="ranges")
    first_worker_id = models.BigIntegerField()
    last_worker_id = models.BigIntegerField()
    matched = models.PositiveIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["fan_out", "first_worker_id"]
        verbose_name = _("rentang penyebaran")
        verbose_name_plural = _("rentang penyebaran")

    def __str__(self) -> str:
        return f"{self.fan_out_id}: {self.first_worker_id}–{self.last_worker_id}"
