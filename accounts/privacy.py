"""UU PDP: a worker can take their data with them and erase their account.

Deleting erases the person (user row, profile, availability, PDF, inbox, email addresses,
login-attempt records) but keeps employers' records consistent: applications stay as
anonymised rows (`worker` NULL, message blanked), and open ones are first withdrawn so the
employer is told.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from listings.applications.services import applications_anonymise_for_deleted_worker
from listings.models import Application, InboxItem, Review, WhatsAppOptIn

from .models import User


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def worker_data_export(*, user: User) -> dict[str, Any]:
    """Everything Loker CS stores about the worker, as JSON-ready data.

    Employers' private notes are theirs and are not included; neither is anyone else's
    phone number.
    """
    profile = getattr(user, "worker_profile", None)
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "role": user.role,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "worker_profile": None,
        "applications": [],
        "notifications": [],
        "reports": [],
        "reviews_written": [],
        "reviews_received": [],
        "whatsapp_notifications": None,
    }
    if profile is not None:
        data["worker_profile"] = {
            "display_name": profile.display_name,
            "headline": profile.headline,
            "city": profile.city,
            "open_to_remote": profile.open_to_remote,
            "whatsapp": profile.whatsapp.as_e164 if profile.whatsapp else "",
            "channels": profile.channels,
            "duties": profile.duties,
            "years_experience": profile.years_experience,
            "languages": profile.languages,
            "preferred_pay_models": profile.preferred_pay_models,
            "expected_pay_min": profile.expected_pay_min,
            "expected_pay_model": profile.expected_pay_model,
            "portfolio_text": profile.portfolio_text,
            "portfolio_links": profile.portfolio_links,
            "portfolio_pdf": (
                settings.SITE_URL + reverse("accounts:worker_portfolio") if profile.portfolio_pdf else None
            ),
            "availability": [
                {"day": w.day, "start": w.start.strftime("%H:%M"), "end": w.end.strftime("%H:%M")}
                for w in profile.availability.all()
            ],
            "created_at": _iso(profile.created_at),
            "updated_at": _iso(profile.updated_at),
        }
    applications = (
        Application.objects.filter(worker=user)
        .select_related("gig__employer__employer_profile")
        .prefetch_related("events")
        .order_by("created_at", "pk")
    )
    for application in applications:
        gig = application.gig
        data["applications"].append(
            {
                "gig": {
                    "id": gig.pk,
                    "title": gig.title,
                    "employer": gig.employer.display_name,
                    "url": settings.SITE_URL + gig.get_absolute_url(),
                },
                "status": application.status,
                "message": application.message,
                "screening_answer": application.screening_answer,
                "created_at": _iso(application.created_at),
                "history": [
                    {"from": e.from_status, "to": e.to_status, "at": _iso(e.created_at)}
                    for e in application.events.all()
                ],
            }
        )
    for item in InboxItem.objects.filter(user=user).order_by("created_at", "pk"):
        data["notifications"].append(
            {
                "kind": item.kind,
                "text": item.text,
                "created_at": _iso(item.created_at),
                "read_at": _iso(item.read_at),
            }
        )
    for report in user.gig_reports.order_by("created_at", "pk"):
        data["reports"].append(
            {
                "gig_id": report.gig_id,
                "reason": report.reason,
                "details": report.details,
                "created_at": _iso(report.created_at),
            }
        )
    for key, reviews in (
        ("reviews_written", Review.objects.filter(author=user)),
        ("reviews_received", Review.objects.filter(subject=user)),
    ):
        for review in reviews.order_by("created_at", "pk"):
            data[key].append(
                {
                    "application_id": review.application_id,
                    "rating": review.rating,
                    "tags": review.tags,
                    "comment": review.comment,
                    "created_at": _iso(review.created_at),
                    "visible_from": _iso(review.visible_from),
                    "hidden": review.is_hidden,
                }
            )
    opt_in = WhatsAppOptIn.objects.filter(worker=user).first()
    if opt_in is not None:
        data["whatsapp_notifications"] = {
            "phone": opt_in.phone,
            "active": opt_in.active,
            "verified_at": _iso(opt_in.verified_at),
            "opted_out_at": _iso(opt_in.opted_out_at),
        }
    return data


def worker_account_delete(*, user: User) -> None:
    """Erase the worker's account and personal data; anonymise their applications."""
    profile = getattr(user, "worker_profile", None)
    pdf_name = profile.portfolio_pdf.name if profile and profile.portfolio_pdf else ""
    storage = profile.portfolio_pdf.storage if profile else None
    email = user.email
    with transaction.atomic():
        applications_anonymise_for_deleted_worker(worker=user)
        _forget_login_attempts(email)
        user.delete()
    if pdf_name and storage is not None:
        transaction.on_commit(lambda: storage.delete(pdf_name))


def _forget_login_attempts(email: str) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
