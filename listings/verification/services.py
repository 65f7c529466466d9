"""The one door for verification requests: submit (owner), grant and decline (moderator).

Every change writes a `VerificationEvent`; granting also goes through
`safety.employer_verify` (which writes the account's `EmployerEvent`). The KTP scan is
deleted from storage once the decision is committed.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import EmployerProfile, User
from listings.messaging.services import inbox_item_create
from listings.trust import services as safety

from ..models import VerificationCheck, VerificationEvent, VerificationRequest
from .rules import (
    IMAGE_TYPES,
    KTP_TYPES,
    normalize_nib,
    validate_evidence_file,
    validate_instagram_url,
    validate_marketplace_url,
    validate_nib,
)

Status = VerificationRequest.Status
# Checks that show the business exists (at least one is needed to grant).
BUSINESS_CHECKS = {VerificationCheck.NIB, VerificationCheck.MARKETPLACE}


class VerificationError(ValidationError):
    """The request can't be made or decided this way; the message is for the user."""


def verification_request_submit(
    *,
    profile: EmployerProfile,
    by: User,
    nib: str = "",
    marketplace_url: str = "",
    instagram_url: str = "",
    shop_photo=None,
    ktp=None,
    note: str = "",
) -> VerificationRequest:
    """The owner asks for the "UMKM terverifikasi" badge with what a small shop has: an NIB
    or a marketplace shop link, optionally Instagram and a photo of the shop, and the KTP
    (private, for moderators only). One open request at a time."""
    if by.pk != profile.user_id or not by.is_employer or by.banned_at:
        raise PermissionDenied(_("Hanya pemilik usaha ini yang bisa meminta verifikasi."))
    if profile.is_verified:
        raise VerificationError(_("Usaha Anda sudah terverifikasi."), code="already")
    nib = normalize_nib(nib)
    marketplace_url = (marketplace_url or "").strip()
    instagram_url = (instagram_url or "").strip()
    errors: dict[str, list] = {}
    for field, check in (
        ("nib", lambda: validate_nib(nib)),
        ("marketplace_url", lambda: validate_marketplace_url(marketplace_url)),
        ("instagram_url", lambda: validate_instagram_url(instagram_url)),
        (
            "shop_photo",
            lambda: (
                shop_photo and validate_evidence_file(shop_photo, allowed=IMAGE_TYPES, label=_("Foto usaha"))
            ),
        ),
        ("ktp", lambda: ktp and validate_evidence_file(ktp, allowed=KTP_TYPES, label=_("Foto KTP"))),
    ):
        try:
            check()
        except ValidationError as error:
            errors[field] = error.messages
    if not nib and not marketplace_url and "nib" not in errors:
        errors["nib"] = [_("Isi NIB atau link toko di marketplace, salah satu cukup.")]
    if not ktp:
        errors["ktp"] = [_("Unggah foto KTP pemilik usaha.")]
    if errors:
        raise VerificationError(errors)
    request = VerificationRequest(
        profile=profile,
        nib=nib,
        marketplace_url=marketplace_url,
        instagram_url=instagram_url,
        note=(note or "").strip()[:500],
    )
    try:
        with transaction.atomic():
            if shop_photo:
                request.shop_photo.save(shop_photo.name, shop_photo, save=False)
            request.ktp.save(ktp.name, ktp, save=False)
            request.save()
            VerificationEvent.objects.create(
                request=request, actor=by, action=VerificationEvent.Action.SUBMIT
            )
    except IntegrityError:
        _delete_files_now(request)
        raise VerificationError(
            _("Permintaan verifikasi Anda masih diperiksa moderator."), code="duplicate"
        ) from None
    return request


def _require_moderator(by: User) -> None:
    if by is None or not by.is_staff:
        raise PermissionDenied(_("Hanya moderator yang boleh melakukan ini."))


def _lock_pending(request: VerificationRequest) -> VerificationRequest:
    locked = (
        VerificationRequest.objects.select_for_update().select_related("profile__user").get(pk=request.pk)
    )
    if locked.status != Status.PENDING:
        raise VerificationError(_("Permintaan ini sudah diputuskan."), code="decided")
    return locked


def verification_grant(
    *, request: VerificationRequest, by: User, checks: list[str], note: str = ""
) -> VerificationRequest:
    """The moderator grants the badge, recording what they checked (shown with the badge)."""
    _require_moderator(by)
    checks = [c for c in dict.fromkeys(checks or []) if c in VerificationCheck.values]
    if not BUSINESS_CHECKS & set(checks):
        raise VerificationError(
            {"checks": [_("Centang apa yang Anda periksa: minimal NIB atau toko marketplace.")]}
        )
    with transaction.atomic():
        locked = _lock_pending(request)
        safety.employer_verify(profile=locked.profile, by=by, note=note)
        _decide(locked, by=by, status=Status.GRANTED, reason=note, checks=checks)
    return locked


def verification_decline(*, request: VerificationRequest, by: User, reason: str) -> VerificationRequest:
    """The moderator declines with a reason the owner sees; they may ask again later."""
    _require_moderator(by)
    reason = (reason or "").strip()
    if not reason:
        raise VerificationError(
            {"reason": [_("Tuliskan alasan agar pemilik usaha tahu yang perlu diperbaiki.")]}
        )
    with transaction.atomic():
        locked = _lock_pending(request)
        _decide(locked, by=by, status=Status.DECLINED, reason=reason, checks=[])
    return locked


def _decide(request: VerificationRequest, *, by: User, status: str, reason: str, checks: list[str]) -> None:
    now = timezone.now()
    ktp_name = request.ktp.name
    request.status = status
    request.checks = checks
    request.decision_reason = reason[:1000]
    request.decided_by = by
    request.decided_at = now
    request.ktp = ""
    request.ktp_deleted_at = now if ktp_name else None
    request.save()
    action = VerificationEvent.Action.GRANT if status == Status.GRANTED else VerificationEvent.Action.DECLINE
    VerificationEvent.objects.create(request=request, actor=by, action=action, reason=reason)
    granted = status == Status.GRANTED
    inbox_item_create(
        user=request.profile.user,
        kind="verification",
        code="verification.granted" if granted else "verification.declined",
        params={} if granted else {"reason": reason},
        url=reverse("listings:verification_request"),
    )
    if ktp_name:
        storage = VerificationRequest._meta.get_field("ktp").storage
        transaction.on_commit(lambda: storage.delete(ktp_name))


def _delete_files_now(request: VerificationRequest) -> None:
    for field in (request.shop_photo, request.ktp):
        if field and field.name:
            field.storage.delete(field.name)
