"""The one door for every application state change.

Each function checks who may act, validates the transition against `TRANSITIONS`, locks the
row, writes an `ApplicationEvent`, puts a notice in the other side's inbox and schedules the
email (Celery, after commit). Views and commands call these functions, nothing else writes
`Application.status`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from listings.messaging import services as inbox
from listings.messaging.texts import message_text
from listings.models import Application, ApplicationEvent, Gig
from listings.models.application import TRIAL_MAX_DAYS
from listings.money import PAY_CEILING, format_rupiah
from listings.vocabulary import ApplicationStatus, GigStatus, TrialPayBasis
from listings.whatsapp.services import application_update_queue
from listings.workflow import StateMachine, enqueue

S = ApplicationStatus

# action -> {from status -> to status}. "submit" creates the row (from nothing).
TRANSITIONS: dict[str, dict[str, str]] = {
    "view": {S.SENT: S.VIEWED},
    "shortlist": {S.SENT: S.SHORTLISTED, S.VIEWED: S.SHORTLISTED},
    "offer_trial": {S.SHORTLISTED: S.TRIAL_OFFERED},
    # The worker answers a trial offer: on trial, or back on the shortlist (no trial held).
    "accept_trial": {S.TRIAL_OFFERED: S.TRIAL_ACCEPTED},
    "decline_trial": {S.TRIAL_OFFERED: S.SHORTLISTED},
    "hire": dict.fromkeys((S.SHORTLISTED, S.TRIAL_OFFERED, S.TRIAL_ACCEPTED), S.HIRED),
    "decline": dict.fromkeys(
        (S.SENT, S.VIEWED, S.SHORTLISTED, S.TRIAL_OFFERED, S.TRIAL_ACCEPTED), S.DECLINED
    ),
    "withdraw": dict.fromkeys(
        (S.SENT, S.VIEWED, S.SHORTLISTED, S.TRIAL_OFFERED, S.TRIAL_ACCEPTED), S.WITHDRAWN
    ),
}
# The worker deleting their account withdraws too, but the notice must not carry their name.
TRANSITIONS["account_deleted"] = TRANSITIONS["withdraw"]
# The employer deleting their account declines what is still open, with a notice that says so.
TRANSITIONS["employer_deleted"] = TRANSITIONS["decline"]
# Who acts: the gig's owner for employer actions, the applicant for worker actions.
WORKER_ACTIONS = frozenset({"withdraw", "account_deleted", "accept_trial", "decline_trial"})
# Which side hears about each change (the other one).
NOTIFY_EMPLOYER = frozenset({"submit", "withdraw", "account_deleted", "accept_trial", "decline_trial"})


class ApplicationError(ValidationError):
    """The application can't be made or changed this way; the message is for the user."""


def allowed_actions(application: Application) -> set[str]:
    return MACHINE.allowed_actions(application.status)


def application_submit(
    *, gig: Gig, worker: User, message: str = "", screening_answer: str = ""
) -> Application:
    """A worker applies to a live gig. One application per worker per gig, even when two
    requests race (the database constraint decides; the loser gets a friendly error)."""
    if not worker.is_authenticated or not worker.is_worker or worker.banned_at:
        raise PermissionDenied(_("Hanya akun pencari kerja yang bisa melamar."))
    gig = Gig.objects.select_related("employer").get(pk=gig.pk)
    if gig.employer_id == worker.pk:
        raise PermissionDenied(_("Anda tidak bisa melamar lowongan sendiri."))
    if not gig.is_live:
        if gig.status in (GigStatus.PUBLISHED, GigStatus.CLOSED, GigStatus.EXPIRED):
            reason = _("Lowongan ini sudah ditutup atau berakhir, lamaran tidak bisa dikirim lagi.")
        else:
            reason = _("Lowongan ini tidak sedang tayang, lamaran tidak bisa dikirim.")
        raise ApplicationError(reason, code="closed")
    application = Application(
        gig=gig,
        worker=worker,
        message=(message or "").strip(),
        screening_answer=(screening_answer or "").strip() if gig.screening_question else "",
    )
    application.full_clean(exclude=["gig", "worker", "status"], validate_unique=False)
    try:
        with transaction.atomic():
            application.save()
            ApplicationEvent.objects.create(
                application=application, actor=worker, action="submit", to_status=application.status
            )
            _notify(application, "submit")
    except IntegrityError:
        raise ApplicationError(
            _("Anda sudah melamar lowongan ini. Lihat statusnya di halaman Lamaran saya."),
            code="duplicate",
        ) from None
    return application


def _invalid(application: Application, action: str) -> str:
    return _("Lamaran berstatus “%(status)s” tidak bisa diubah seperti itu.") % {
        "status": application.get_status_display()
    }


MACHINE = StateMachine(transitions=TRANSITIONS, error=ApplicationError, invalid_message=_invalid)


def _change(*, application: Application, action: str, by: User, fields: dict | None = None) -> Application:
    """Move `application` along `action` (see `listings.workflow`); the other side is told.
    `fields` are set on the row in the same save (the terms of a trial offer)."""
    _require_party(application, action, by)

    def stamp(from_status: str) -> list[str]:
        application.status_changed_at = timezone.now()
        for name, value in (fields or {}).items():
            setattr(application, name, value)
        return ["status_changed_at", "updated_at", *(fields or {})]

    def audit(from_status: str, to_status: str) -> None:
        ApplicationEvent.objects.create(
            application=application, actor=by, action=action, from_status=from_status, to_status=to_status
        )
        _notify(application, action)

    return MACHINE.move(application, action=action, audit=audit, before_save=stamp)


def _require_party(application: Application, action: str, by: User) -> None:
    if action in WORKER_ACTIONS:
        if application.worker_id is None or application.worker_id != by.pk:
            raise PermissionDenied(_("Ini bukan lamaran Anda."))
    elif application.gig.employer_id != by.pk:
        raise PermissionDenied(_("Ini bukan lowongan Anda."))


def application_view(*, application: Application, by: User) -> Application:
    """The employer opens a new application: `sent` becomes `viewed` (no-op afterwards)."""
    if application.status != S.SENT:
        _require_party(application, "view", by)
        return application
    return _change(application=application, action="view", by=by)


def application_shortlist(*, application: Application, by: User) -> Application:
    """The employer shortlists: from now on both sides see each other's WhatsApp link."""
    return _change(application=application, action="shortlist", by=by)


def application_offer_trial(
    *, application: Application, by: User, days: int, pay: int | None = None, pay_basis: str = ""
) -> Application:
    """The employer offers the shortlisted worker a trial: `days` days (1–30), paid `pay`
    rupiah per day or in total (`pay_basis`), or unpaid. The worker sees the terms on the
    application page and in the notice, and accepts or declines."""
    errors = {}
    if not isinstance(days, int) or not 1 <= days <= TRIAL_MAX_DAYS:
        errors["days"] = _("Lama masa percobaan 1–%(max)d hari.") % {"max": TRIAL_MAX_DAYS}
    if pay is not None and (not isinstance(pay, int) or not 0 <= pay <= PAY_CEILING):
        errors["pay"] = _("Bayaran masa percobaan harus antara Rp 0 dan %(max)s.") % {
            "max": format_rupiah(PAY_CEILING)
        }
    if pay and pay_basis not in TrialPayBasis.values:
        errors["pay_basis"] = _("Pilih: dibayar per hari atau total untuk seluruh masa percobaan.")
    if errors:
        raise ApplicationError(errors)
    terms = {
        "trial_days": days,
        "trial_pay": pay or None,
        "trial_pay_basis": pay_basis if pay else "",
    }
    return _change(application=application, action="offer_trial", by=by, fields=terms)


def application_accept_trial(*, application: Application, by: User) -> Application:
    """The worker accepts the trial offered to them; the employer is told."""
    return _change(application=application, action="accept_trial", by=by)


def application_decline_trial(*, application: Application, by: User) -> Application:
    """The worker declines the trial offer: back on the shortlist (the employer may hire,
    offer other terms or end the application); the employer is told."""
    return _change(application=application, action="decline_trial", by=by)


def application_hire(*, application: Application, by: User) -> Application:
    """The employer hires a shortlisted (or on-trial) worker."""
    return _change(application=application, action="hire", by=by)


def application_decline(*, application: Application, by: User) -> Application:
    """The employer ends an application that is still in progress."""
    return _change(application=application, action="decline", by=by)


def application_withdraw(*, application: Application, by: User) -> Application:
    """The worker withdraws an application that is still in progress."""
    return _change(application=application, action="withdraw", by=by)


def application_bulk_decline(*, gig: Gig, by: User, application_ids: list[int]) -> int:
    """Decline several applications of one gig at once; skips ones already finished.

    Returns how many were declined. Ids from other gigs are ignored (never an error, never
    a change), so a tampered form can't touch somebody else's applicants.
    """
    if gig.employer_id != by.pk:
        raise PermissionDenied(_("Ini bukan lowongan Anda."))
    declined = 0
    candidates = Application.objects.select_related("gig").filter(
        gig=gig, pk__in=application_ids, status__in=TRANSITIONS["decline"].keys()
    )
    for application in candidates:
        try:
            _change(application=application, action="decline", by=by)
            declined += 1
        except ApplicationError:
            continue  # changed concurrently (e.g. withdrawn meanwhile)
    return declined


def application_note_save(*, application: Application, by: User, note: str) -> Application:
    """The employer's private note on an applicant (never shown to the worker)."""
    if application.gig.employer_id != by.pk:
        raise PermissionDenied(_("Ini bukan lowongan Anda."))
    application.employer_note = (note or "").strip()
    application.full_clean(exclude=["gig", "worker"], validate_unique=False)
    application.save(update_fields=["employer_note", "updated_at"])
    return application


def applications_anonymise_for_deleted_worker(*, worker: User) -> int:
    """Before a worker's account is erased: withdraw open applications (the employer is told)
    and blank what the worker wrote. The rows stay, so employers' pipelines stay consistent;
    deleting the user then sets `worker` to NULL. Returns how many applications were kept."""
    for application in Application.objects.select_related("gig").filter(
        worker=worker, status__in=TRANSITIONS["withdraw"].keys()
    ):
        _change(application=application, action="account_deleted", by=worker)
    return Application.objects.filter(worker=worker).update(message="", screening_answer="")


def applications_close_for_deleted_employer(*, employer: User) -> int:
    """Before an employer's account is anonymised: decline applications still in progress
    (each applicant is told why) and erase the employer's private notes. Hired and finished
    applications stay as they are, so workers keep their history. Returns how many were
    declined."""
    declined = 0
    for application in Application.objects.select_related("gig__employer", "worker").filter(
        gig__employer=employer, status__in=TRANSITIONS["employer_deleted"].keys()
    ):
        _change(application=application, action="employer_deleted", by=employer)
        declined += 1
    Application.objects.filter(gig__employer=employer).exclude(employer_note="").update(employer_note="")
    return declined


# --- notifications -------------------------------------------------------------------------


def _notify(application: Application, action: str) -> None:
    """In-app notice now (same transaction), email after commit, to the other side."""
    recipient = application.gig.employer if action in NOTIFY_EMPLOYER else application.worker
    if recipient is None:
        return
    code, params = notice_message(application, action)
    inbox.inbox_item_create(
        user=recipient, kind="application", code=code, params=params, url=application.get_absolute_url()
    )
    enqueue("listings.messaging.tasks.send_application_email", application.pk, action)
    with translation.override(settings.LANGUAGE_CODE):
        text = message_text(code, params)
    whatsapp_id = application_update_queue(application=application, action=action, text=text)
    if whatsapp_id is not None:
        enqueue("listings.whatsapp.tasks.send_whatsapp_message", whatsapp_id)


def notice_message(application: Application, action: str) -> tuple[str, dict]:
    """The inbox code and parameters describing a change (`listings.messaging.texts`)."""
    params = {
        "gig": application.gig.title,
        "name": application.worker.display_name if application.worker else "",
    }
    if action == "offer_trial":
        params.update(
            days=application.trial_days, pay=application.trial_pay, basis=application.trial_pay_basis
        )
    return f"application.{action}", params


def notice_text(application: Application, action: str) -> str:
    """One-line description of a change in the active language, for the email."""
    return message_text(*notice_message(application, action))
