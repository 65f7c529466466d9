"""The transactional outbox: follow-up work recorded with the change that causes it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One Celery task to send, written in the same transaction as the state change.

    `listings.workflow.enqueue` writes the row and, after commit, hands the task to the broker
    and stamps `dispatched_at`. A broker that is down leaves the row waiting; the beat safety
    net (`listings.outbox.tasks.redrive_outbox`) sends it again once the broker is back, so a
    committed approval never loses its email.
    """

    task = models.CharField(_("task"), max_length=120)
    args = models.JSONField(_("argumen"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pesan outbox")
        verbose_name_plural = _("pesan outbox")
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(dispatched_at__isnull=True),
                name="outbox_waiting_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)}"
