from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InboxItem(models.Model):
    """An in-app notification shown in the user's inbox (bell in the header).

    Generic on purpose: application updates, match alerts and anything else that wants to
    tell a user something write one row via `listings.messaging.services.inbox_item_create`. `kind` is a
    short stable code chosen by the sender (e.g. "application", "match") for filtering/icons.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox_items")
    kind = models.CharField(_("jenis"), max_length=32)
    # What the notice says, as a code and its parameters (listings.messaging.texts): the
    # sentence is made in the reader's language when it is shown.
    code = models.CharField(_("kode pesan"), max_length=48, blank=True)
    params = models.JSONField(_("isi pesan"), default=dict, blank=True)
    # Rows from before codes existed: the sentence as it was stored (Indonesian).
    text = models.CharField(_("pesan"), max_length=300, blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("dibaca pada"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        indexes = [
            models.Index(fields=["user"], condition=models.Q(read_at__isnull=True), name="inbox_unread_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.code or self.text[:40]}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
