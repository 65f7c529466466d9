"""WhatsApp notifications: the worker's verified opt-in and the ledger of sent messages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WhatsAppOptIn(models.Model):
    """A worker's consent to get notifications on WhatsApp, for one verified number.

    The number is verified by a one-time code sent to it; only a hash of the code is kept.
    `active` is True only while the number is verified and the worker has not opted out.
    """

    worker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="whatsapp_opt_in"
    )
    phone = models.CharField(_("nomor WhatsApp"), max_length=20)
    code_hash = models.CharField(max_length=128, blank=True)
    code_sent_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    verified_at = models.DateTimeField(_("terverifikasi pada"), null=True, blank=True)
    active = models.BooleanField(_("aktif"), default=False, db_index=True)
    opted_out_at = models.DateTimeField(_("berhenti pada"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("langganan WhatsApp")
        verbose_name_plural = _("langganan WhatsApp")

    def __str__(self) -> str:
        return f"{self.worker_id}: {self.phone} ({'aktif' if self.active else 'nonaktif'})"


class WhatsAppMessage(models.Model):
    """Ledger of WhatsApp messages other than match notifications (those use `Notification`).

    `key` names what the message is about (e.g. one application event), unique, so a task
    that runs twice sends nothing new; the row is claimed (queued -> sending) before sending.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Antre")
        SENDING = "sending", _("Sedang dikirim")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")
        SKIPPED = "skipped", _("Dilewati")

    key = models.CharField(max_length=80, unique=True)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="whatsapp_messages"
    )
    template = models.CharField(max_length=64)
    parameters = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(_("ID pesan WhatsApp"), max_length=128, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pesan WhatsApp")
        verbose_name_plural = _("pesan WhatsApp")

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"


class WhatsAppOptInEvent(models.Model):
    """Consent trail (UU PDP): when a code was sent, the number verified, notifications stopped."""

    class Action(models.TextChoices):
        CODE_SENT = "code_sent", _("Kode dikirim")
        VERIFIED = "verified", _("Nomor terverifikasi, notifikasi aktif")
        OPTED_OUT = "opted_out", _("Notifikasi dimatikan")

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="whatsapp_opt_in_events"
    )
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    phone = models.CharField(_("nomor WhatsApp"), max_length=20)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("riwayat langganan WhatsApp")
        verbose_name_plural = _("riwayat langganan WhatsApp")

    def __str__(self) -> str:
        return f"{self.worker_id}: {self.action}"
