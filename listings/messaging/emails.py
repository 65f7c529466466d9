"""Outgoing email, each message a subject/text/html template triple under templates/emails/."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation

from listings.applications.services import NOTIFY_EMPLOYER, notice_text
from listings.models import Gig, Report


def send_templated(
    *, to: str, template: str, context: dict, headers: dict | None = None, connection=None
) -> int:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(settings.LANGUAGE_CODE):
        # One line whatever the user typed: a newline in a header is refused by Django.
        subject = " ".join(_render_plain(f"emails/{template}_subject.txt", context).split())
        text = _render_plain(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[to], headers=headers or {}, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message.send()


def _render_plain(name: str, context: dict) -> str:
    """Subject and text body are not HTML: no autoescaping, so "Admin & CS" stays as typed
    instead of "Admin &amp; CS". Only the HTML part is escaped."""
    return get_template(name).template.render(Context(context, autoescape=False))


def send_gig_decision(*, gig: Gig, kind: str) -> int:
    """Tell the owner their gig was approved, rejected or suspended."""
    return send_templated(
        to=gig.employer.email,
        template=f"gig_{kind}",
        context={
            "gig": gig,
            "gig_url": settings.SITE_URL + gig.get_absolute_url(),
            # A rejected gig's page is the owner's only; the edit page asks them to log in first.
            "edit_url": settings.SITE_URL + reverse("listings:gig_edit", args=[gig.pk]),
        },
    )


def send_application_update(*, application, action: str) -> int:
    """Tell the other side of an application what changed (see `listings.applications`)."""
    recipient = application.gig.employer if action in NOTIFY_EMPLOYER else application.worker
    if recipient is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        notice = notice_text(application, action)
    return send_templated(
        to=recipient.email,
        template="application_update",
        context={
            "notice": notice,
            "gig": application.gig,
            "action": action,
            "application_url": settings.SITE_URL + application.get_absolute_url(),
        },
    )


def send_report_outcome(*, report: Report) -> int:
    """Tell a reporter what became of their report (actioned or dismissed)."""
    return send_templated(
        to=report.reporter.email,
        template="report_outcome",
        context={"report": report, "gig": report.gig, "actioned": report.status == Report.Status.ACTIONED},
    )


def send_account_notice(*, user, template: str) -> int:
    """Account-level notices (e.g. `account_banned`) with the reason on the user record."""
    return send_templated(to=user.email, template=template, context={"user": user})
