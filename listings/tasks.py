"""Celery tasks: thin wrappers that take ids and call services."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from accounts.models import User

from . import emails, notifications, services
from .models import Application, Gig, Report


@shared_task
def expire_gigs() -> int:
    """Beat: expire published gigs past their expiry date."""
    return services.expire_due_gigs()


@shared_task(
    bind=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def send_gig_decision_email(self, gig_id: int, kind: str) -> None:
    gig = Gig.objects.select_related("employer").filter(pk=gig_id).first()
    if gig is not None:
        emails.send_gig_decision(gig=gig, kind=kind)


@shared_task(
    bind=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def send_application_email(self, application_id: int, action: str) -> None:
    application = (
        Application.objects.select_related("gig__employer", "worker__worker_profile")
        .filter(pk=application_id)
        .first()
    )
    if application is not None:
        emails.send_application_update(application=application, action=action)


@shared_task
def screen_gig(gig_id: int) -> None:
    """Screen a submitted, edited or renewed gig for scam signals (see listings.safety)."""
    from . import safety

    gig = Gig.objects.filter(pk=gig_id).first()
    if gig is not None:
        safety.gig_screen(gig=gig)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_kwargs={"max_retries": 5})
def send_report_outcome_email(self, report_id: int) -> None:
    report = Report.objects.select_related("gig", "reporter").filter(pk=report_id).first()
    if report is not None and report.reporter is not None:
        emails.send_report_outcome(report=report)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_kwargs={"max_retries": 5})
def send_account_email(self, user_id: int, template: str) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        emails.send_account_notice(user=user, template=template)


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
    """After publish: find matching alerts, fan out notification rows in chunks."""
    return notifications.gig_fan_out(gig_id=gig_id)


@shared_task(max_retries=8, **RELIABLE)
def create_notifications(gig_id: int, rows: list[list]) -> int:
    """One fan-out chunk: insert its rows (ON CONFLICT DO NOTHING), then schedule delivery."""
    ids = notifications.notifications_create(gig_id=gig_id, rows=rows)
    if ids:
        deliver_notifications.delay(ids)
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
    """Beat safety net for lost task messages: re-run fan-outs that are missing rows and
    re-schedule instant notifications whose delivery task never ran. Both are idempotent."""
    gig_ids = notifications.fan_outs_incomplete()
    for gig_id in gig_ids:
        match_gig.delay(gig_id)
    ids = notifications.notifications_stuck()
    size = notifications.fanout_chunk_size()
    for start in range(0, len(ids), size):
        deliver_notifications.delay(ids[start : start + size])
    return len(gig_ids) + len(ids)
