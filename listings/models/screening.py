from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GigScreening(models.Model):
    """The latest automatic scam screening of a gig (one row per gig, replaced on re-screen)."""

    class Outcome(models.TextChoices):
        QUEUED = "queued", _("Masuk antrean review biasa")
        HELD = "held", _("Ditahan: tanda penipuan")
        AUTO_PUBLISHED = "auto_published", _("Tayang otomatis (UMKM terverifikasi)")
        NOT_PENDING = "not_pending", _("Tidak sedang menunggu review")

    gig = models.OneToOneField(
        "listings.Gig", on_delete=models.CASCADE, related_name="screening", verbose_name=_("lowongan")
    )
    score = models.PositiveSmallIntegerField(_("skor risiko"), default=0, db_index=True)
    flagged = models.BooleanField(_("ditandai"), default=False, db_index=True)
    reasons = models.JSONField(
        _("alasan"), default=list, blank=True, help_text=_("Daftar {code, label, weight, evidence}.")
    )
    outcome = models.CharField(_("hasil"), max_length=16, choices=Outcome.choices, default=Outcome.QUEUED)
    screened_at = models.DateTimeField(_("diperiksa pada"))

    class Meta:
        verbose_name = _("hasil screening")
        verbose_name_plural = _("hasil screening")
        ordering = ["-score", "-screened_at"]

    def __str__(self) -> str:
        return f"{self.gig_id}: {self.score}"


class EmployerEvent(models.Model):
    """Audit log of trust decisions about an employer account (verify, ban and their undo)."""

    class Action(models.TextChoices):
        VERIFY = "verify", _("Diverifikasi")
        UNVERIFY = "unverify", _("Verifikasi dicabut")
        BAN = "ban", _("Diblokir")
        UNBAN = "unban", _("Blokir dibuka")

    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trust_events",
        verbose_name=_("akun"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    reason = models.TextField(_("alasan/catatan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("riwayat akun")
        verbose_name_plural = _("riwayat akun")

    def __str__(self) -> str:
        return f"{self.employer_id}: {self.action}"
