from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..vocabulary import GigStatus, ReportReason
from .gig import rejection_text


class GigEvent(models.Model):
    """Audit log: one row per state change or moderation decision on a gig."""

    class Action(models.TextChoices):
        CREATE = "create", _("Dibuat")
        EDIT = "edit", _("Diubah")
        SUBMIT = "submit", _("Diajukan untuk review")
        APPROVE = "approve", _("Disetujui")
        REJECT = "reject", _("Ditolak")
        SUSPEND = "suspend", _("Ditangguhkan")
        REINSTATE = "reinstate", _("Ditayangkan kembali")
        CLOSE = "close", _("Ditutup")
        EXPIRE = "expire", _("Kedaluwarsa")
        RENEW = "renew", _("Diperpanjang")
        RESUBMIT = "resubmit", _("Diubah, kembali ke review")

    gig = models.ForeignKey("listings.Gig", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    from_status = models.CharField(max_length=12, choices=GigStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=GigStatus.choices, blank=True)
    reason_code = models.CharField(max_length=32, blank=True)  # a rejection's REJECTION_LABELS code
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("riwayat lowongan")
        verbose_name_plural = _("riwayat lowongan")

    def __str__(self) -> str:
        return f"{self.gig_id}: {self.from_status or '-'} → {self.to_status or '-'} ({self.action})"

    @property
    def reason_display(self) -> str:
        """The reason in the reader's language (a code's label), then the note as typed."""
        return rejection_text(self.reason_code, self.reason)


class Report(models.Model):
    """A user's report about a published gig; lands in the moderators' queue."""

    class Status(models.TextChoices):
        OPEN = "open", _("Terbuka")
        ACTIONED = "actioned", _("Ditindaklanjuti")
        DISMISSED = "dismissed", _("Ditolak")

    gig = models.ForeignKey("listings.Gig", on_delete=models.CASCADE, related_name="reports")
    # A deleted account leaves its reports behind, anonymised: the evidence stays.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="gig_reports"
    )
    reason = models.CharField(_("alasan"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("keterangan"), max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    resolution_note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        constraints = [
            models.UniqueConstraint(fields=["gig", "reporter"], name="one_report_per_user_per_gig"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} — {self.gig}"


class ReportEvent(models.Model):
    """Audit row for every decision on a report (who, when, from which status to which)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16)
    from_status = models.CharField(max_length=10, choices=Report.Status.choices)
    to_status = models.CharField(max_length=10, choices=Report.Status.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("riwayat laporan")
        verbose_name_plural = _("riwayat laporan")

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_status} → {self.to_status} ({self.action})"
