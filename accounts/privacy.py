"""UU PDP: workers and employers can take their data with them and erase their account.

Deleting erases the person (user row, profile, availability, PDF, inbox, email addresses,
login-attempt records) but keeps employers' records consistent: applications stay as
anonymised rows (`worker` NULL, message blanked), and open ones are first withdrawn so the
employer is told. An employer's deletion closes their gigs and keeps an anonymous user row
for them instead (see `employer_account_delete`).
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from listings.applications.services import (
    applications_anonymise_for_deleted_worker,
    applications_close_for_deleted_employer,
)
from listings.gigs.services import gigs_retire_for_deleted_employer
from listings.messaging.services import inbox_item_text
from listings.models import Application, Gig, InboxItem, Review, WhatsAppOptIn

from .models import User


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _account_data(user: User) -> dict[str, Any]:
    """The login account itself, the same in every export."""
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "role": user.role,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
    }


def worker_data_export(*, user: User) -> dict[str, Any]:
    """Everything Loker CS stores about the worker, as JSON-ready data.

    Employers' private notes are theirs and are not included; neither is anyone else's
    phone number.
    """
    profile = getattr(user, "worker_profile", None)
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": _account_data(user),
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
                "text": inbox_item_text(item),
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


# --- employers -----------------------------------------------------------------------------


def employer_data_export(*, user: User) -> dict[str, Any]:
    """Everything Loker CS stores about the employer and their business, as JSON-ready data.

    Applicants' own data (messages, profiles, numbers) is theirs and is not included; the
    employer gets the pipeline of each gig (status and dates per application) and their own
    private notes.
    """
    profile = getattr(user, "employer_profile", None)
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": _account_data(user),
        "employer_profile": None,
        "gigs": [],
        "notifications": [],
        "reports": [],
    }
    if profile is not None:
        data["employer_profile"] = {
            "business_name": profile.business_name,
            "category": profile.category,
            "city": profile.city,
            "province": profile.province,
            "description": profile.description,
            "whatsapp": profile.whatsapp.as_e164 if profile.whatsapp else "",
            "instagram_url": profile.instagram_url,
            "marketplace_url": profile.marketplace_url,
            "website_url": profile.website_url,
            "logo": settings.SITE_URL + reverse("accounts:employer_logo", args=[profile.pk])
            if profile.logo
            else None,
            "is_verified": profile.is_verified,
            "verified_at": _iso(profile.verified_at),
            "created_at": _iso(profile.created_at),
            "updated_at": _iso(profile.updated_at),
        }
    gigs = (
        Gig.objects.filter(employer=user)
        .prefetch_related("time_windows", "events", "applications")
        .order_by("created_at", "pk")
    )
    for gig in gigs:
        data["gigs"].append(
            {
                "id": gig.pk,
                **{name: getattr(gig, name) for name in Gig.EDITABLE_FIELDS},
                "status": gig.status,
                "rejection_reason": gig.rejection_display,
                "url": settings.SITE_URL + gig.get_absolute_url(),
                "created_at": _iso(gig.created_at),
                "published_at": _iso(gig.published_at),
                "expires_at": _iso(gig.expires_at),
                "closed_at": _iso(gig.closed_at),
                "view_count": gig.view_count,
                "time_windows": [
                    {"day": w.day, "start": w.start.strftime("%H:%M"), "end": w.end.strftime("%H:%M")}
                    for w in gig.time_windows.all()
                ],
                "history": [
                    {"action": e.action, "from": e.from_status, "to": e.to_status, "at": _iso(e.created_at)}
                    for e in gig.events.all()
                ],
                "applications": [
                    {
                        "id": a.pk,
                        "status": a.status,
                        "created_at": _iso(a.created_at),
                        "your_note": a.employer_note,
                    }
                    for a in sorted(gig.applications.all(), key=lambda a: (a.created_at, a.pk))
                ],
            }
        )
    data["notifications"] = _inbox(user)
    data["reports"] = _reports(user)
    return data


def _inbox(user: User) -> list[dict]:
    return [
        {
            "kind": i.kind,
            "text": inbox_item_text(i),
            "created_at": _iso(i.created_at),
            "read_at": _iso(i.read_at),
        }
        for i in InboxItem.objects.filter(user=user).order_by("created_at", "pk")
    ]


def _reports(user: User) -> list[dict]:
    return [
        {"gig_id": r.gig_id, "reason": r.reason, "details": r.details, "created_at": _iso(r.created_at)}
        for r in user.gig_reports.order_by("created_at", "pk")
    ]


def employer_account_delete(*, user: User) -> None:
    """Erase the employer's personal and business data, keeping the records others rely on.

    Published gigs are closed and gigs in review rejected (audited), every gig's text beyond
    its title is replaced, open applications are declined with a notice to each applicant,
    private notes are erased. The user row stays as an anonymous tombstone (gigs and
    applications point at it): email, names and password are wiped, login is impossible.
    The business profile, its logo, inbox, email addresses and login records are deleted.
    """
    profile = getattr(user, "employer_profile", None)
    logo_name = profile.logo.name if profile and profile.logo else ""
    storage = profile.logo.storage if profile else None
    email = user.email
    with transaction.atomic():
        applications_close_for_deleted_employer(employer=user)
        gigs_retire_for_deleted_employer(employer=user)
        if profile is not None:
            profile.delete()
        InboxItem.objects.filter(user=user).delete()
        EmailAddress.objects.filter(user=user).delete()
        _forget_login_attempts(email)
        user.email = f"dihapus-{user.pk}@akun-dihapus.invalid"
        user.first_name = user.last_name = ""
        user.is_active = False
        user.deleted_at = timezone.now()
        user.set_unusable_password()
        user.save()
    if logo_name and storage is not None:
        transaction.on_commit(lambda: storage.delete(logo_name))
