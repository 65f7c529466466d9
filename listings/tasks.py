"""Celery tasks: thin wrappers that take ids and call services."""

from celery import shared_task

from accounts.models import User

from . import emails, services
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
    if report is not None:
        emails.send_report_outcome(report=report)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, retry_kwargs={"max_retries": 5})
def send_account_email(self, user_id: int, template: str) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        emails.send_account_notice(user=user, template=template)
