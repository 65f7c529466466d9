"""Celery tasks: thin wrappers that take ids and call services."""

from celery import shared_task

from . import emails, services
from .models import Application, Gig


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
