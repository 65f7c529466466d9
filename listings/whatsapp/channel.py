"""WhatsApp as a delivery channel for match notifications.

Rows for workers with an active, verified opt-in are created with channel "whatsapp"; the
delivery loop in `listings.notifications` claims and sends them exactly like email rows. A
permanent refusal (number not on WhatsApp, template rejected) or a worker who opted out since
falls back to email, so nobody misses the gig; a rate limit is raised to be retried.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Case, CharField, Exists, Expression, OuterRef, Q, Value, When

from listings.alerts.delivery import DeliveryChannel, channel_for, register
from listings.alerts.unsubscribe import unsubscribe_url

from ..models import Alert, Notification
from . import client, services

CODE = "whatsapp"


class WhatsAppChannel(DeliveryChannel):
    code = CODE
    external = True

    def send(self, notification: Notification, *, connection=None) -> None:
        opt_in = services.active_opt_in(notification.worker_id)
        if opt_in is None or not client.enabled():
            channel_for("email").send(notification)
            return
        gig, alert = notification.gig, notification.alert
        employer = getattr(gig.employer, "employer_profile", None)
        parameters = [
            gig.title,
            gig.pay_display,
            employer.business_name if employer else gig.employer.display_name,
            settings.SITE_URL + gig.get_absolute_url(),
            unsubscribe_url(alert=alert) if alert else settings.SITE_URL,
        ]
        try:
            client.send_template(to=opt_in.phone, kind="match", parameters=parameters)
        except client.WhatsAppError as error:
            if error.retryable:
                raise services.WhatsAppRetry(str(error)) from error
            channel_for("email").send(notification)


def match_channel() -> Expression:
    """The channel of a match row, as SQL over an alert query: "whatsapp" for instant
    matches of workers with an active opt-in while WhatsApp is on, else "email"."""
    opted_in = services.active_opt_ins().filter(worker_id=OuterRef("worker_id"))
    return Case(
        When(Q(frequency=Alert.Frequency.INSTANT) & Exists(opted_in), then=Value(CODE)),
        default=Value("email"),
        output_field=CharField(),
    )


register(WhatsAppChannel())
