"""Match notifications: fan-out on publish, exactly-once delivery, the daily digest.

Exactly once, step by step:
- `Notification` has a unique (worker, gig); rows are inserted with ON CONFLICT DO NOTHING,
  so a fan-out task that runs twice (retry, redelivery after a crash) creates nothing new.
- Delivery claims each row with a conditional UPDATE (queued -> sending); only the task
  whose UPDATE hit the row sends it. A claim older than the lease (its worker died) may be
  taken over. The row is marked sent in the same transaction that writes the in-app item.
- The one step no database can make atomic is "the mail server accepted it" -> "we wrote
  sent": a crash inside that sub-millisecond window resends that one email on recovery.
  Each email carries a stable Message-ID (`match-<id>@…`) so mail systems can drop it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from listings.alerts.delivery import ALWAYS, channel_for, list_unsubscribe_headers
from listings.alerts.matching import chunks, gig_matching_alerts
from listings.alerts.unsubscribe import unsubscribe_url
from listings.messaging import emails
from listings.models import Alert, Gig, GigFanOut, Notification
from listings.whatsapp.channel import instant_channels
from listings.workflow import dispatch

Status = Notification.Status
INSTANT = Alert.Frequency.INSTANT
DAILY = Alert.Frequency.DAILY


class TransientDeliveryError(Exception):
    """Some notifications could not be sent this time; they are queued for a retry."""


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def fanout_chunk_size() -> int:
    return _setting("NOTIFY_FANOUT_CHUNK", 1000)


def max_attempts() -> int:
    return _setting("NOTIFY_MAX_ATTEMPTS", 5)


def claim_lease() -> timedelta:
    return timedelta(seconds=_setting("NOTIFY_CLAIM_LEASE_SECONDS", 600))


def gig_fan_out(*, gig_id: int) -> int:
    """Find every alert the published gig matches and queue notification rows in chunks.

    Returns the number of matched workers. Safe to run more than once.
    """
    gig = Gig.objects.published().filter(pk=gig_id).first()
    if gig is None:
        return 0
    matches = gig_matching_alerts(gig=gig)
    GigFanOut.objects.update_or_create(
        gig=gig, defaults={"matched": len(matches), "matched_at": timezone.now()}
    )
    for chunk in chunks(matches, fanout_chunk_size()):
        dispatch(
            "listings.alerts.tasks.create_notifications",
            gig_id,
            [[m.alert_id, m.worker_id, m.frequency] for m in chunk],
        )
    return len(matches)


def notifications_create(*, gig_id: int, rows: Sequence[Sequence]) -> list[int]:
    """Insert one row per (worker, gig), ignoring rows that already exist.

    Returns the ids of instant rows of this chunk still waiting to be sent — including rows
    an earlier, interrupted run created — so the caller can (re)schedule their delivery.
    """
    # Instant matches of workers who opted in to WhatsApp go there instead of email.
    whatsapp = instant_channels(worker_id for _, worker_id, frequency in rows if frequency == INSTANT)
    Notification.objects.bulk_create(
        [
            Notification(
                gig_id=gig_id,
                alert_id=alert_id,
                worker_id=worker_id,
                frequency=frequency,
                channel=whatsapp.get(worker_id, "email") if frequency == INSTANT else "email",
            )
            for alert_id, worker_id, frequency in rows
        ],
        ignore_conflicts=True,
    )
    return list(
        Notification.objects.filter(
            gig_id=gig_id,
            worker_id__in=[worker_id for _, worker_id, _ in rows],
            frequency=INSTANT,
            status=Status.QUEUED,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _claim(pk: int, now) -> bool:
    """Take the row for sending; False when it is sent, failed or being sent by someone else."""
    claimable = Q(status=Status.QUEUED) | Q(status=Status.SENDING, claimed_at__lt=now - claim_lease())
    return bool(
        Notification.objects.filter(claimable, pk=pk).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def _finish(notification: Notification, *, status: str, error: str = "", digest: bool = False) -> bool:
    """Record the outcome and write the in-app item, in one transaction guarded by our claim."""
    now = timezone.now()
    fields = {"status": status, "last_error": error[:2000], "claimed_at": None}
    if status == Status.SENT:
        fields["sent_at"] = now
        if digest:
            fields["digest_sent_at"] = now
    with transaction.atomic():
        won = Notification.objects.filter(
            pk=notification.pk, status=Status.SENDING, claimed_at=notification.claimed_at
        ).update(**fields)
        if won and status in (Status.SENT, Status.FAILED):
            for code in ALWAYS:
                if code != notification.channel:
                    channel_for(code).send(notification)
    return bool(won)


def _release(notification: Notification, *, error: str) -> None:
    """Give the row back to the queue after a failed attempt (or fail it for good)."""
    if notification.attempts >= max_attempts():
        _finish(notification, status=Status.FAILED, error=error)
        return
    Notification.objects.filter(
        pk=notification.pk, status=Status.SENDING, claimed_at=notification.claimed_at
    ).update(status=Status.QUEUED, last_error=error[:2000], claimed_at=None)


def _still_wanted(notification: Notification) -> bool:
    """Not worth sending any more: the gig went down, or the alert was paused or deleted."""
    alert = notification.alert
    return notification.gig.is_live and alert is not None and not alert.paused


def notifications_deliver(*, ids: Sequence[int]) -> dict[str, int]:
    """Send the given instant notifications, each at most once.

    Raises TransientDeliveryError when some must be retried (the task retries with backoff).
    """
    outcome = {"sent": 0, "skipped": 0, "failed": 0, "retry": 0}
    rows = (
        Notification.objects.filter(pk__in=list(ids), frequency=INSTANT)
        .exclude(status__in=[Status.SENT, Status.FAILED, Status.SKIPPED])
        .select_related("gig", "gig__employer", "worker", "alert")
        .order_by("pk")
    )
    connections: dict[str, object] = {}
    try:
        for notification in rows:
            now = timezone.now()
            if not _claim(notification.pk, now):
                continue
            notification.claimed_at = now
            notification.attempts += 1
            if not _still_wanted(notification):
                _finish(notification, status=Status.SKIPPED)
                outcome["skipped"] += 1
                continue
            channel = channel_for(notification.channel)
            try:
                if channel.code not in connections:
                    connections[channel.code] = channel.open()
                channel.send(notification, connection=connections[channel.code])
            except Exception as exc:  # every failure is recorded, retried, then visible in admin
                _release(notification, error=f"{type(exc).__name__}: {exc}")
                failed = notification.attempts >= max_attempts()
                outcome["failed" if failed else "retry"] += 1
                continue
            _finish(notification, status=Status.SENT)
            outcome["sent"] += 1
    finally:
        for code, connection in connections.items():
            if connection is not None:
                channel_for(code).close(connection)
    if outcome["retry"]:
        raise TransientDeliveryError(f"{outcome['retry']} notification(s) queued for retry")
    return outcome


def stuck_after() -> timedelta:
    return timedelta(seconds=_setting("NOTIFY_STUCK_AFTER_SECONDS", 600))


def fan_outs_incomplete(*, window: timedelta = timedelta(days=1)) -> list[int]:
    """Gigs published recently whose fan-out lost work: fewer rows than matches, or no
    fan-out at all. Only gigs quiet for `stuck_after()` count (a running fan-out is not stuck)."""
    now = timezone.now()
    since, until = now - window, now - stuck_after()
    short = (
        GigFanOut.objects.filter(matched_at__range=(since, until), gig__status="published")
        .annotate(rows=Count("gig__match_notifications"))
        .filter(rows__lt=F("matched"))
        .values_list("gig_id", flat=True)
    )
    missing = Gig.objects.filter(
        status="published", published_at__range=(since, until), fan_out__isnull=True
    ).values_list("pk", flat=True)
    return sorted({*short, *missing})


def notifications_stuck() -> list[int]:
    """Instant rows nobody is working on: queued for long, or claimed by a dead worker."""
    older_than = stuck_after()
    now = timezone.now()
    return list(
        Notification.objects.filter(frequency=INSTANT)
        .filter(
            Q(status=Status.QUEUED, created_at__lt=now - older_than)
            | Q(status=Status.SENDING, claimed_at__lt=now - claim_lease())
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:50_000]
    )


def digest_workers() -> list[int]:
    """Workers with daily-digest rows waiting."""
    return list(
        Notification.objects.filter(frequency=DAILY, status=Status.QUEUED)
        .order_by("worker_id")
        .values_list("worker_id", flat=True)
        .distinct()
    )


def digest_send(*, worker_id: int) -> int:
    """Send one worker their daily digest of new matches; returns how many gigs it listed.

    Gigs that were sent instantly are never in it (one row per worker and gig); gigs no
    longer live, and matches of alerts paused or deleted since (unsubscribed), are dropped.
    Running it twice sends nothing the second time.
    """
    now = timezone.now()
    waiting = list(
        Notification.objects.filter(worker_id=worker_id, frequency=DAILY, status=Status.QUEUED).values_list(
            "pk", flat=True
        )
    )
    claimed = [pk for pk in waiting if _claim(pk, now)]
    if not claimed:
        return 0
    rows = list(
        Notification.objects.filter(pk__in=claimed)
        .select_related("gig", "gig__employer", "worker", "alert")
        .order_by("-gig__published_at", "pk")
    )
    for row in rows:
        row.claimed_at = now
        row.attempts += 1
    live = [row for row in rows if _still_wanted(row)]
    for row in rows:
        if not _still_wanted(row):
            _finish(row, status=Status.SKIPPED)
    if not live:
        return 0
    worker = live[0].worker
    unsubscribe = unsubscribe_url(digest_worker_id=worker_id)
    items = [{"gig": row.gig, "url": settings.SITE_URL + row.gig.get_absolute_url()} for row in live]
    try:
        emails.send_templated(
            to=worker.email,
            template="gig_digest",
            context={
                "items": items,
                "alerts_url": settings.SITE_URL + reverse("listings:alert_list"),
                "unsubscribe_url": unsubscribe,
            },
            headers=list_unsubscribe_headers(unsubscribe),
        )
    except Exception as exc:
        for row in live:
            _release(row, error=f"{type(exc).__name__}: {exc}")
        raise TransientDeliveryError(str(exc)) from exc
    for row in live:
        _finish(row, status=Status.SENT, digest=True)
    return len(live)
