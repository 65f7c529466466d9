"""Signed one-click unsubscribe links for alert emails (no login needed, no database token).

A token names either one alert (instant emails) or all of a worker's daily alerts (the
digest). It is signed with SECRET_KEY and expires after settings.ALERT_UNSUBSCRIBE_MAX_AGE seconds
(90 days: links in old emails keep working for a while).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from listings.models import Alert

SALT = "listings.alerts.services.unsubscribe"


def unsubscribe_token(*, alert: Alert | None = None, digest_worker_id: int | None = None) -> str:
    payload = {"a": alert.pk} if alert is not None else {"d": digest_worker_id}
    return signing.dumps(payload, salt=SALT, compress=True)


def unsubscribe_url(*, alert: Alert | None = None, digest_worker_id: int | None = None) -> str:
    token = unsubscribe_token(alert=alert, digest_worker_id=digest_worker_id)
    return settings.SITE_URL + reverse("listings:alert_unsubscribe", args=[token])


def unsubscribe_alerts(token: str) -> list[Alert]:
    """The alerts a token stands for; raises signing.BadSignature (incl. SignatureExpired)."""
    payload = signing.loads(token, salt=SALT, max_age=settings.ALERT_UNSUBSCRIBE_MAX_AGE)
    if not isinstance(payload, dict):
        raise signing.BadSignature("unexpected payload")
    if isinstance(payload.get("a"), int):
        return list(Alert.objects.filter(pk=payload["a"]))
    if isinstance(payload.get("d"), int):
        return list(Alert.objects.filter(worker_id=payload["d"], frequency=Alert.Frequency.DAILY))
    raise signing.BadSignature("unexpected payload")
