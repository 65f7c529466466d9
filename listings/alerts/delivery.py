"""How a match notification reaches a worker: one small interface, one registry.

A channel either talks to the outside world (`external = True`: email today, WhatsApp
later) and may fail and be retried, or only writes our own database (`external = False`:
the in-app inbox) and runs inside the transaction that marks the notification done, so it
happens exactly once. Add a channel by subclassing `DeliveryChannel` and calling `register`.
"""

from __future__ import annotations

from django.conf import settings
from django.core import mail
from django.urls import reverse

from listings.alerts.unsubscribe import unsubscribe_url
from listings.messaging import emails
from listings.messaging.services import inbox_item_create
from listings.models import Notification


class DeliveryChannel:
    code: str = ""
    external: bool = True

    def open(self):
        """A connection reused for a batch of sends (None when the channel needs none)."""
        return None

    def close(self, connection) -> None:
        return None

    def send(self, notification: Notification, *, connection=None) -> None:
        """Deliver one notification; raise on failure (the caller retries, then gives up)."""
        raise NotImplementedError


class EmailChannel(DeliveryChannel):
    code = "email"
    external = True

    def open(self):
        connection = mail.get_connection()
        connection.open()
        return connection

    def close(self, connection) -> None:
        connection.close()

    def send(self, notification: Notification, *, connection=None) -> None:
        gig, alert = notification.gig, notification.alert
        unsubscribe = unsubscribe_url(alert=alert) if alert else ""
        sent = emails.send_templated(
            to=notification.worker.email,
            template="gig_match",
            context={
                "gig": gig,
                "alert": alert,
                "gig_url": settings.SITE_URL + gig.get_absolute_url(),
                "alerts_url": settings.SITE_URL + reverse("listings:alert_list"),
                "unsubscribe_url": unsubscribe,
            },
            headers=list_unsubscribe_headers(unsubscribe, notification_id=notification.pk),
            connection=connection,
        )
        if not sent:
            raise OSError("email backend accepted no message")


class InAppChannel(DeliveryChannel):
    code = "in_app"
    external = False

    def send(self, notification: Notification, *, connection=None) -> None:
        gig = notification.gig
        inbox_item_create(
            user=notification.worker,
            kind="match",
            code="match",
            params={"title": gig.title},
            url=gig.get_absolute_url(),
        )


def list_unsubscribe_headers(url: str, *, notification_id: int | None = None) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe headers, plus a stable Message-ID per notification."""
    headers: dict[str, str] = {}
    if url:
        headers["List-Unsubscribe"] = f"<{url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if notification_id is not None:
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].rstrip(">")
        headers["Message-ID"] = f"<match-{notification_id}@{domain}>"
    return headers


CHANNELS: dict[str, DeliveryChannel] = {}


def register(channel: DeliveryChannel) -> None:
    CHANNELS[channel.code] = channel


def channel_for(code: str) -> DeliveryChannel:
    return CHANNELS[code]


# Every notification also lands in the in-app inbox.
ALWAYS = ("in_app",)

register(EmailChannel())
register(InAppChannel())
