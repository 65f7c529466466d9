"""Alert tasks: matching a published gig, fan-out, delivery, digests and the safety net.

Thin wrappers that take ids and call `listings.alerts.notifications`.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from listings.alerts import notifications

# Match notifications. Every task is idempotent, so a redelivery after a crash (acks_late,
# reject_on_worker_lost) or a retry is harmless: see listings/notifications.py.
TRANSIENT_ERRORS = (notifications.TransientDeliveryError, OSError, OperationalError, InterfaceError)
RELIABLE = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
}


@shared_task(max_retries=8, **RELIABLE)
def match_gig(gig_id: int) -> int:
    """After publish, the coordinator: confirm the alert texts once, record the ledger and
    enqueue one `fan_out_range` task per range of workers."""
    return len(notifications.gig_fan_out(gig_id=gig_id))


@shared_task(max_retries=8, **RELIABLE)
def fan_out_range(range_id: int) -> int:
    """One range: one set-based INSERT of its rows (ON CONFLICT DO NOTHING), marked done in
    the same transaction; then schedule delivery of its instant rows."""
    ids = notifications.fan_out_range_run(range_id=range_id)
    size = notifications.fanout_chunk_size()
    for start in range(0, len(ids), size):
        deliver_notifications.delay(ids[start : start + size])
    return len(ids)


@shared_task(max_retries=6, **RELIABLE)
def deliver_notifications(notification_ids: list[int]) -> dict:
    """Send a batch of instant notifications; failed ones are retried with backoff."""
    return notifications.notifications_deliver(ids=notification_ids)


@shared_task(**RELIABLE)
def send_daily_digests() -> int:
    """Beat, 07:00 Asia/Jakarta: one digest task per worker with daily matches waiting."""
    worker_ids = notifications.digest_workers()
    for worker_id in worker_ids:
        send_digest.delay(worker_id)
    return len(worker_ids)


@shared_task(max_retries=6, **RELIABLE)
def send_digest(worker_id: int) -> int:
    return notifications.digest_send(worker_id=worker_id)


@shared_task(**RELIABLE)
def requeue_stuck_notifications() -> int:
    """Beat safety net for lost task messages: run fan-outs that never started, redo ranges
    that never finished, and re-schedule instant notifications whose delivery task never ran.
    All are idempotent."""
    gig_ids = notifications.fan_outs_incomplete()
    for gig_id in gig_ids:
        match_gig.delay(gig_id)
    range_ids = notifications.fan_out_ranges_lost()
    for range_id in range_ids:
        fan_out_range.delay(range_id)
    ids = notifications.notifications_stuck()
    size = notifications.fanout_chunk_size()
    for start in range(0, len(ids), size):
        deliver_notifications.delay(ids[start : start + size])
    return len(gig_ids) + len(range_ids) + len(ids)
