"""Match notifications: fan-out on publish, exactly-once delivery, the daily digest.

Fan-out, set-based (a million alerts never pass through Python):
- `gig_fan_out` (the coordinator, task `match_gig`) reads the distinct query texts of the
  active alerts (from an index; when there are more than ALERT_FANOUT_CONFIRM_ALL_TEXTS, only
  those of alerts whose structured criteria accept the gig), confirms them with search once
  per text,
  records the ledger (`GigFanOut`: the texts, and the workers split into ALERT_FANOUT_RANGES
  id ranges, `GigFanOutRange`) and enqueues one `fan_out_range` task per range;
- `fan_out_range_run` inserts a range's rows with ONE statement on PostgreSQL —
  INSERT … SELECT DISTINCT ON (worker_id) … ON CONFLICT (worker_id, gig_id) DO NOTHING
  RETURNING — marks the range done in the same transaction, then the task schedules the
  delivery of the range's instant rows. Digest rows wait for the 07:00 digest.

Exactly once, step by step:
- `Notification` has a unique (worker, gig); rows are inserted with ON CONFLICT DO NOTHING,
  so a fan-out or range task that runs twice (retry, redelivery after a crash, the safety
  net) creates nothing new.
- Delivery claims each row with a conditional UPDATE (queued -> sending); only the task
  whose UPDATE hit the row sends it. A claim older than the lease (its worker died) may be
  taken over. The row is marked sent in the same transaction that writes the in-app item.
- The one step no database can make atomic is "the mail server accepted it" -> "we wrote
  sent": a crash inside that sub-millisecond window resends that one email on recovery.
  Each email carries a stable Message-ID (`match-<id>@…`) so mail systems can drop it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from listings.alerts.delivery import ALWAYS, channel_for, list_unsubscribe_headers
from listings.alerts.matching import (
    active_texts_and_span,
    candidate_texts_and_span,
    fan_out_candidates,
    text_keys_matching,
)
from listings.alerts.unsubscribe import unsubscribe_url
from listings.messaging import emails
from listings.models import Alert, Gig, GigFanOut, GigFanOutRange, Notification
from listings.whatsapp.channel import match_channel
from listings.workflow import dispatch

Status = Notification.Status
INSTANT = Alert.Frequency.INSTANT
DAILY = Alert.Frequency.DAILY


class TransientDeliveryError(Exception):
    """Some notifications could not be sent this time; they are queued for a retry."""


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def fanout_chunk_size() -> int:
    """Notification ids per delivery task."""
    return _setting("NOTIFY_FANOUT_CHUNK", 1000)


def max_attempts() -> int:
    return _setting("NOTIFY_MAX_ATTEMPTS", 5)


def claim_lease() -> timedelta:
    return timedelta(seconds=_setting("NOTIFY_CLAIM_LEASE_SECONDS", 600))


def worker_ranges(first: int, last: int, *, ranges: int, min_width: int = 1) -> list[tuple[int, int]]:
    """Split worker ids first..last (inclusive) into at most `ranges` contiguous inclusive
    ranges of nearly equal width, none narrower than `min_width` (except when the span is)."""
    span = last - first + 1
    count = max(1, min(ranges, span // max(1, min_width)))
    width, extra = divmod(span, count)
    bounds, start = [], first
    for index in range(count):
        end = start + width + (1 if index < extra else 0) - 1
        bounds.append((start, end))
        start = end + 1
    return bounds


def gig_fan_out(*, gig_id: int) -> list[int]:
    """Coordinator: confirm the gig's alert texts, record the ledger and its worker ranges,
    and enqueue one `fan_out_range` task per range. Returns the range ids.

    Safe to run more than once: the ranges are replaced, and rows already created stay
    (their unique (worker, gig) makes the new ranges skip them).
    """
    gig = Gig.objects.published().filter(pk=gig_id).first()
    if gig is None:
        return []
    # Few distinct texts board-wide: confirm them all, read from an index. Many: narrow them
    # to the texts of alerts whose structured criteria accept the gig (one scan) first.
    texts_and_span = active_texts_and_span(limit=_setting("ALERT_FANOUT_CONFIRM_ALL_TEXTS", 500))
    texts, span = texts_and_span if texts_and_span is not None else candidate_texts_and_span(gig=gig)
    text_keys = sorted(text_keys_matching(gig=gig, keys=texts)) if texts else []
    bounds = (
        worker_ranges(
            *span,
            ranges=_setting("ALERT_FANOUT_RANGES", 8),
            min_width=_setting("ALERT_FANOUT_MIN_RANGE", 10_000),
        )
        if span
        else []
    )
    with transaction.atomic():
        fan_out, _ = GigFanOut.objects.update_or_create(
            gig=gig, defaults={"matched": 0, "matched_at": timezone.now(), "text_keys": text_keys}
        )
        fan_out.ranges.all().delete()
        ranges = GigFanOutRange.objects.bulk_create(
            GigFanOutRange(fan_out=fan_out, first_worker_id=first, last_worker_id=last)
            for first, last in bounds
        )
    range_ids = [worker_range.pk for worker_range in ranges]
    for range_id in range_ids:
        dispatch("listings.alerts.tasks.fan_out_range", range_id)
    return range_ids


@dataclass(frozen=True)
class RangeResult:
    matched: int  # workers of the range the gig matches (rows that exist now)
    created: int  # rows this call inserted
    instant_ids: list[int]  # instant rows of the range still queued, to (re)schedule delivery


def notifications_create(
    *,
    gig: Gig,
    text_keys: Iterable[str],
    first_worker_id: int,
    last_worker_id: int,
    set_based: bool | None = None,
) -> RangeResult:
    """Insert one row per matching worker of the range, ignoring rows that already exist.

    PostgreSQL: one INSERT … SELECT DISTINCT ON (worker_id) … ON CONFLICT DO NOTHING. Other
    databases (the SQLite quick start), or `set_based=False`, take each worker's first
    candidate in Python: same query, same rows. The instant ids include rows an earlier,
    interrupted run created.
    """
    candidates = fan_out_candidates(
        gig=gig, text_keys=text_keys, first_worker_id=first_worker_id, last_worker_id=last_worker_id
    ).annotate(channel=match_channel())
    if set_based is None:
        set_based = connection.vendor == "postgresql"
    if set_based:
        return _insert_set_based(gig, candidates, first_worker_id, last_worker_id)
    return _insert_row_by_row(gig, candidates, first_worker_id, last_worker_id)


# The candidate query's columns, by alias; the rest of a new row is fixed.
_INSERT = """
WITH picked AS ({picked}),
fresh AS (
    INSERT INTO listings_notification
        (gig_id, alert_id, worker_id, frequency, channel, status, attempts, last_error, created_at)
    SELECT %s, alert_id, worker_id, frequency, channel, %s, 0, '', %s FROM picked
    ON CONFLICT (worker_id, gig_id) DO NOTHING
    RETURNING id, frequency
)
SELECT
    (SELECT count(*) FROM picked),
    (SELECT count(*) FROM fresh),
    ARRAY(SELECT id FROM fresh WHERE frequency = %s ORDER BY id),
    ARRAY(
        SELECT id FROM listings_notification
        WHERE gig_id = %s AND worker_id BETWEEN %s AND %s AND frequency = %s AND status = %s
        ORDER BY id
    )
"""


def _insert_set_based(gig: Gig, candidates, first_worker_id: int, last_worker_id: int) -> RangeResult:
    picked = candidates.distinct("worker_id").values("worker_id", "frequency", "channel", alert_id=F("pk"))
    sql, params = picked.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            _INSERT.format(picked=sql),
            [
                *params,
                *(gig.pk, Status.QUEUED, timezone.now()),
                INSTANT,
                *(gig.pk, first_worker_id, last_worker_id, INSTANT, Status.QUEUED),
            ],
        )
        matched, created, fresh, earlier = cursor.fetchone()
    # The outer SELECT sees the table as it was before the INSERT: `earlier` are rows of a
    # previous run of this range still waiting, `fresh` the ones just made.
    return RangeResult(matched=matched, created=created, instant_ids=sorted([*fresh, *earlier]))


def _insert_row_by_row(gig: Gig, candidates, first_worker_id: int, last_worker_id: int) -> RangeResult:
    best: dict[int, tuple] = {}
    for alert_id, worker_id, frequency, channel in candidates.values_list(
        "pk", "worker_id", "frequency", "channel"
    ):
        best.setdefault(worker_id, (alert_id, frequency, channel))  # ordered: the first is preferred
    existing = set(
        Notification.objects.filter(gig=gig, worker_id__in=list(best)).values_list("worker_id", flat=True)
    )
    Notification.objects.bulk_create(
        [
            Notification(
                gig=gig, alert_id=alert_id, worker_id=worker_id, frequency=frequency, channel=channel
            )
            for worker_id, (alert_id, frequency, channel) in best.items()
            if worker_id not in existing
        ],
        ignore_conflicts=True,
    )
    queued = Notification.objects.filter(
        gig=gig,
        worker_id__gte=first_worker_id,
        worker_id__lte=last_worker_id,
        frequency=INSTANT,
        status=Status.QUEUED,
    )
    return RangeResult(
        matched=len(best),
        created=len(set(best) - existing),
        instant_ids=list(queued.order_by("pk").values_list("pk", flat=True)),
    )


def fan_out_range_run(*, range_id: int) -> list[int]:
    """One range of a fan-out: insert its rows and mark it done, in one transaction.

    Returns the ids of the range's instant rows waiting for delivery. Safe to run more than
    once; a range of a gig taken down meanwhile is closed without rows.
    """
    worker_range = (
        GigFanOutRange.objects.select_related("fan_out__gig")
        .filter(pk=range_id, done_at__isnull=True)
        .first()
    )
    if worker_range is None:  # done already, or replaced by a new run of the coordinator
        return _waiting_instant_ids(range_id)
    fan_out, gig = worker_range.fan_out, worker_range.fan_out.gig
    with transaction.atomic():
        result = (
            notifications_create(
                gig=gig,
                text_keys=fan_out.text_keys,
                first_worker_id=worker_range.first_worker_id,
                last_worker_id=worker_range.last_worker_id,
            )
            if gig.is_live
            else RangeResult(matched=0, created=0, instant_ids=[])
        )
        closed = GigFanOutRange.objects.filter(pk=range_id, done_at__isnull=True).update(
            done_at=timezone.now(), matched=result.matched
        )
        if closed:
            GigFanOut.objects.filter(pk=fan_out.pk).update(matched=F("matched") + result.matched)
    return result.instant_ids


def _waiting_instant_ids(range_id: int) -> list[int]:
    """A redelivered range task whose range is done: the rows it queued may still wait."""
    worker_range = GigFanOutRange.objects.select_related("fan_out").filter(pk=range_id).first()
    if worker_range is None:
        return []
    return list(
        Notification.objects.filter(
            gig_id=worker_range.fan_out.gig_id,
            worker_id__gte=worker_range.first_worker_id,
            worker_id__lte=worker_range.last_worker_id,
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
    """Gigs published recently without any fan-out ledger (the coordinator's task was lost).
    Only gigs quiet for `stuck_after()` count (a fan-out about to start is not stuck)."""
    now = timezone.now()
    since, until = now - window, now - stuck_after()
    return list(
        Gig.objects.filter(status="published", published_at__range=(since, until), fan_out__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def fan_out_ranges_lost(*, window: timedelta = timedelta(days=1)) -> list[int]:
    """Ranges of recent fan-outs still not done `stuck_after()` after the coordinator made
    them: their task was lost (or its worker died before committing)."""
    now = timezone.now()
    since, until = now - window, now - stuck_after()
    return list(
        GigFanOutRange.objects.filter(
            done_at__isnull=True,
            fan_out__matched_at__range=(since, until),
            fan_out__gig__status="published",
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


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
