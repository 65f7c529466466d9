"""Email tasks: take ids, load the rows, send through `listings.messaging.emails`.

Each retries on network errors (SMTP down) with backoff.
"""

from celery import shared_task

from accounts.models import User
from listings.messaging import emails
from listings.models import Application, Gig, Report

EMAIL_RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "retry_kwargs": {"max_retries": 5}}


@shared_task(**EMAIL_RETRY)
def send_gig_decision_email(gig_id: int, kind: str) -> None:
    gig = Gig.objects.select_related("employer").filter(pk=gig_id).first()
    if gig is not None:
        emails.send_gig_decision(gig=gig, kind=kind)


@shared_task(**EMAIL_RETRY)
def send_application_email(application_id: int, action: str) -> None:
    application = (
        Application.objects.select_related("gig__employer", "worker__worker_profile")
        .filter(pk=application_id)
        .first()
    )
    if application is not None:
        emails.send_application_update(application=application, action=action)


@shared_task(**EMAIL_RETRY)
def send_report_outcome_email(report_id: int) -> None:
    report = Report.objects.select_related("gig", "reporter").filter(pk=report_id).first()
    if report is not None and report.reporter is not None:
        emails.send_report_outcome(report=report)


@shared_task(**EMAIL_RETRY)
def send_account_email(user_id: int, template: str) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        emails.send_account_notice(user=user, template=template)
