"""Self-serve UMKM verification requests (see `listings.verification`)."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .audit import AuditEvent


def _private_name(folder: str, filename: str) -> str:
    """Unguessable names: evidence files are only ever served to moderators, by a view."""
    return f"verification/{folder}/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:6]}"


def shop_photo_upload_to(instance, filename: str) -> str:
    return _private_name("shop", filename)


def ktp_upload_to(instance, filename: str) -> str:
    return _private_name("ktp", filename)


class VerificationCheck(models.TextChoices):
    """What a moderator checked before granting the badge (shown next to the badge)."""

    NIB = "nib", _("NIB terdaftar di OSS")
    MARKETPLACE = "marketplace", _("Toko di marketplace aktif")
    INSTAGRAM = "instagram", _("Instagram usaha punya riwayat")
    SHOP_PHOTO = "shop_photo", _("Foto tempat usaha")
    IDENTITY = "identity", _("Identitas pemilik (KTP) cocok")


class VerificationRequest(models.Model):
    """An owner's request for the "UMKM terverifikasi" badge, with the evidence for it.

    The KTP scan is private: only moderators see it, and it is deleted as soon as the request
    is decided (`ktp` becomes empty). Status changes go through `listings.verification`.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu pemeriksaan")
        GRANTED = "granted", _("Disetujui")
        DECLINED = "declined", _("Ditolak")

    profile = models.ForeignKey(
        "accounts.EmployerProfile", on_delete=models.CASCADE, related_name="verification_requests"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    nib = models.CharField(
        _("NIB (Nomor Induk Berusaha)"),
        max_length=13,
        blank=True,
        help_text=_("13 angka dari OSS. Kosongkan jika belum punya, isi link toko marketplace."),
    )
    marketplace_url = models.URLField(_("link toko marketplace"), blank=True)
    instagram_url = models.URLField(_("link Instagram usaha"), blank=True)
    shop_photo = models.ImageField(
        _("foto tempat usaha atau stok barang"), upload_to=shop_photo_upload_to, blank=True
    )
    ktp = models.FileField(
        _("foto KTP pemilik"),
        upload_to=ktp_upload_to,
        blank=True,
        help_text=_("Hanya dilihat moderator dan dihapus setelah keputusan."),
    )
    note = models.TextField(_("catatan untuk moderator"), max_length=500, blank=True)
    checks = models.JSONField(_("yang diperiksa"), default=list, blank=True)
    decision_reason = models.TextField(_("alasan keputusan"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    ktp_deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("permintaan verifikasi")
        verbose_name_plural = _("permintaan verifikasi")
        constraints = [
            models.UniqueConstraint(
                fields=["profile"], condition=Q(status="pending"), name="one_pending_verification_per_profile"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile_id}: {self.status}"

    def check_labels(self) -> list[str]:
        return [
            str(VerificationCheck(code).label) for code in self.checks if code in VerificationCheck.values
        ]


class VerificationEvent(AuditEvent):
    """Audit log of a verification request: submitted, granted, declined."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Diajukan")
        GRANT = "grant", _("Disetujui")
        DECLINE = "decline", _("Ditolak")

    request = models.ForeignKey(VerificationRequest, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("riwayat verifikasi")
        verbose_name_plural = _("riwayat verifikasi")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.action}"
