"""The worker's WhatsApp opt-in (verified by a one-time code) and the ledger of application
updates sent on WhatsApp. Match notifications use the `Notification` ledger instead (see
`listings.whatsapp.channel`)."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User

from ..models import Application, WhatsAppMessage, WhatsAppOptIn, WhatsAppOptInEvent
from . import client

CODE_TTL = timedelta(minutes=10)
RESEND_AFTER = timedelta(seconds=60)
MAX_CODE_ATTEMPTS = 5
Status = WhatsAppMessage.Status
# Application changes a worker hears about on WhatsApp, and the template kind for each.
APPLICATION_TEMPLATES = {
    "shortlist": "shortlist",
    "offer_trial": "application",
    "hire": "application",
    "decline": "application",
}


class WhatsAppOptInError(ValidationError):
    """The opt-in step failed; the message is for the worker."""


class WhatsAppRetry(OSError):
    """The API is busy (rate limit) or unreachable: the task retries later with backoff."""


def _code_hash(worker_id: int, code: str) -> str:
    return salted_hmac("listings.whatsapp.code", f"{worker_id}:{code}").hexdigest()


def _require_worker(worker: User) -> None:
    if not worker.is_authenticated or not worker.is_worker:
        raise PermissionDenied(_("Notifikasi WhatsApp khusus pencari kerja."))


def whatsapp_code_send(*, worker: User) -> WhatsAppOptIn:
    """Send a six-digit code to the WhatsApp number on the worker's profile."""
    _require_worker(worker)
    if not client.enabled():
        raise WhatsAppOptInError(_("Notifikasi WhatsApp belum tersedia."), code="disabled")
    profile = getattr(worker, "worker_profile", None)
    phone = str(profile.whatsapp) if profile is not None and profile.whatsapp else ""
    if not phone:
        raise WhatsAppOptInError(_("Isi nomor WhatsApp di profil Anda dulu."), code="no_number")
    opt_in = WhatsAppOptIn.objects.filter(worker=worker).first() or WhatsAppOptIn(worker=worker, phone=phone)
    now = timezone.now()
    if opt_in.code_sent_at and now - opt_in.code_sent_at < RESEND_AFTER:
        raise WhatsAppOptInError(
            _("Kode baru saja dikirim. Tunggu satu menit sebelum minta lagi."), code="wait"
        )
    code = f"{secrets.randbelow(10**6):06d}"
    try:
        client.send_template(to=phone, kind="verify", parameters=[code], code_button=code)
    except client.WhatsAppError as error:
        if error.retryable:
            raise WhatsAppOptInError(
                _("WhatsApp sedang sibuk. Coba kirim kode lagi beberapa menit lagi."), code="busy"
            ) from error
        raise WhatsAppOptInError(
            _("Kode tidak bisa dikirim ke nomor ini. Pastikan nomor di profil aktif di WhatsApp."),
            code="refused",
        ) from error
    if opt_in.phone != phone:
        opt_in.active = False
        opt_in.verified_at = None
    opt_in.phone = phone
    opt_in.code_hash = _code_hash(worker.pk, code)
    opt_in.code_sent_at = now
    opt_in.code_attempts = 0
    with transaction.atomic():
        opt_in.save()
        _event(opt_in, WhatsAppOptInEvent.Action.CODE_SENT)
    return opt_in


def _event(opt_in: WhatsAppOptIn, action: str) -> None:
    WhatsAppOptInEvent.objects.create(worker_id=opt_in.worker_id, action=action, phone=opt_in.phone)


CODE_PROBLEMS = {
    "no_code": gettext_lazy("Minta kode verifikasi dulu."),
    "attempts": gettext_lazy("Terlalu banyak percobaan. Minta kode baru."),
    "expired": gettext_lazy("Kode sudah kedaluwarsa. Minta kode baru."),
    "wrong": gettext_lazy("Kode salah. Periksa pesan WhatsApp dari Loker CS."),
}


def _code_problem(opt_in: WhatsAppOptIn | None, worker: User, code: str) -> str | None:
    if opt_in is None or not opt_in.code_hash:
        return "no_code"
    if opt_in.code_attempts >= MAX_CODE_ATTEMPTS:
        return "attempts"
    if timezone.now() - opt_in.code_sent_at > CODE_TTL:
        return "expired"
    if len(code) != 6 or not constant_time_compare(opt_in.code_hash, _code_hash(worker.pk, code)):
        return "wrong"
    return None


def whatsapp_code_confirm(*, worker: User, code: str) -> WhatsAppOptIn:
    """Check the code; a right one verifies the number and turns WhatsApp notifications on."""
    _require_worker(worker)
    code = re.sub(r"\D", "", code or "")
    with transaction.atomic():
        opt_in = WhatsAppOptIn.objects.select_for_update().filter(worker=worker).first()
        problem = _code_problem(opt_in, worker, code)
        if problem == "wrong":
            # Counted in this (committed) transaction: the error is raised after it.
            WhatsAppOptIn.objects.filter(pk=opt_in.pk).update(code_attempts=F("code_attempts") + 1)
        elif problem is None:
            opt_in.verified_at = timezone.now()
            opt_in.active = True
            opt_in.opted_out_at = None
            opt_in.code_hash = ""
            opt_in.code_attempts = 0
            opt_in.save()
            _event(opt_in, WhatsAppOptInEvent.Action.VERIFIED)
    if problem is not None:
        raise WhatsAppOptInError(CODE_PROBLEMS[problem], code=problem)
    return opt_in


def whatsapp_opt_out(*, worker: User) -> WhatsAppOptIn | None:
    """Stop WhatsApp notifications (email and the in-app inbox carry on)."""
    opt_in = WhatsAppOptIn.objects.filter(worker=worker).first()
    if opt_in is not None and opt_in.active:
        opt_in.active = False
        opt_in.opted_out_at = timezone.now()
        with transaction.atomic():
            opt_in.save(update_fields=["active", "opted_out_at", "updated_at"])
            _event(opt_in, WhatsAppOptInEvent.Action.OPTED_OUT)
    return opt_in


def active_opt_in(worker_id: int) -> WhatsAppOptIn | None:
    return WhatsAppOptIn.objects.filter(worker_id=worker_id, active=True).first()


def active_opt_ins() -> QuerySet[WhatsAppOptIn]:
    """Opt-ins whose workers get WhatsApp notifications now (none when WhatsApp is off)."""
    if not client.enabled():
        return WhatsAppOptIn.objects.none()
    return WhatsAppOptIn.objects.filter(active=True)


def active_worker_ids(worker_ids) -> set[int]:
    """Which of these workers get WhatsApp notifications now (empty when WhatsApp is off)."""
    return set(active_opt_ins().filter(worker_id__in=list(worker_ids)).values_list("worker_id", flat=True))


# --- application updates: ledger and delivery -----------------------------------------------


def application_update_queue(*, application: Application, action: str, text: str) -> int | None:
    """Record that the worker should hear about `action` on WhatsApp; returns the ledger row's id
    to deliver after commit, or None (not opted in, WhatsApp off, or already queued/sent)."""
    kind = APPLICATION_TEMPLATES.get(action)
    if kind is None or application.worker_id is None or not active_worker_ids([application.worker_id]):
        return None
    url = settings.SITE_URL + application.get_absolute_url()
    gig = application.gig
    parameters = [gig.title, gig.employer.display_name, url] if kind == "shortlist" else [text, url]
    message, created = WhatsAppMessage.objects.get_or_create(
        key=f"application-{application.pk}-{action}",
        defaults={"worker_id": application.worker_id, "template": kind, "parameters": parameters},
    )
    return message.pk if created else None


def _max_attempts() -> int:
    return int(getattr(settings, "NOTIFY_MAX_ATTEMPTS", 5))


def _lease() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "NOTIFY_CLAIM_LEASE_SECONDS", 600)))


def message_deliver(*, message_id: int) -> str:
    """Send one ledger row at most once. Returns its final status, or raises WhatsAppRetry
    (the row is back in the queue) when the API is busy or unreachable."""
    now = timezone.now()
    claimable = Q(status=Status.QUEUED) | Q(status=Status.SENDING, claimed_at__lt=now - _lease())
    if not WhatsAppMessage.objects.filter(claimable, pk=message_id).update(
        status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    ):
        return WhatsAppMessage.objects.filter(pk=message_id).values_list("status", flat=True).first() or ""
    message = WhatsAppMessage.objects.get(pk=message_id)
    opt_in = active_opt_in(message.worker_id)
    if opt_in is None or not client.enabled():
        return _finish(message, status=Status.SKIPPED)
    try:
        provider_id = client.send_template(
            to=opt_in.phone, kind=message.template, parameters=message.parameters
        )
    except client.WhatsAppError as error:
        if error.retryable and message.attempts < _max_attempts():
            WhatsAppMessage.objects.filter(
                pk=message.pk, status=Status.SENDING, claimed_at=message.claimed_at
            ).update(status=Status.QUEUED, claimed_at=None, last_error=str(error)[:2000])
            raise WhatsAppRetry(str(error)) from error
        return _finish(message, status=Status.FAILED, error=str(error))
    return _finish(message, status=Status.SENT, provider_id=provider_id)


def _finish(message: WhatsAppMessage, *, status: str, error: str = "", provider_id: str = "") -> str:
    fields = {"status": status, "claimed_at": None, "last_error": error[:2000]}
    if status == Status.SENT:
        fields.update(sent_at=timezone.now(), provider_id=provider_id[:128])
    WhatsAppMessage.objects.filter(
        pk=message.pk, status=Status.SENDING, claimed_at=message.claimed_at
    ).update(**fields)
    return status
