"""Trust & safety services: screening outcomes, verified UMKM, bans, report escalation.

Same rules as `listings.services`: keyword-only typed functions, moderator checks, an audit
row for every decision, follow-up work (emails) after commit. Gig status changes still go
through `listings.services`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import EmployerProfile, User

from . import duplicates, screening, services
from .models import EmployerEvent, Gig, GigScreening, Report
from .vocabulary import GigStatus

MAX_SCORE = 100  # the scale of GigScreening.score (signals.toml settings.max_score)


def _require_moderator(by: User) -> None:
    if by is None or not by.is_staff:
        raise PermissionDenied(_("Hanya moderator yang boleh melakukan ini."))


def gig_screen(*, gig: Gig) -> GigScreening:
    """Screen a gig for scam signals and store the result.

    A pending gig that is flagged stays in the queue, held with its reasons; a clean one from
    a verified, active employer is published straight away; anything else waits for review.
    """
    gig = Gig.objects.select_related("employer", "employer__employer_profile", "copied_from").get(pk=gig.pk)
    result = screening.screen(gig)
    lineage = duplicates.review_reasons(gig)
    flagged = result.flagged or bool(lineage)
    profile = getattr(gig.employer, "employer_profile", None)
    with transaction.atomic():
        status = Gig.objects.select_for_update().values_list("status", flat=True).get(pk=gig.pk)
        if status != GigStatus.PENDING:
            outcome = GigScreening.Outcome.NOT_PENDING
        elif flagged:
            outcome = GigScreening.Outcome.HELD
        elif result.clean and profile is not None and profile.is_verified and gig.employer.is_active:
            services.gig_publish_automatically(
                gig=gig, reason=_("UMKM terverifikasi dan lolos screening otomatis")
            )
            outcome = GigScreening.Outcome.AUTO_PUBLISHED
        else:
            outcome = GigScreening.Outcome.QUEUED
        record, _created = GigScreening.objects.update_or_create(
            gig=gig,
            defaults={
                "score": min(result.score + sum(r["weight"] for r in lineage), MAX_SCORE),
                "flagged": flagged,
                "reasons": result.reasons_as_json() + lineage,
                "outcome": outcome,
                "screened_at": timezone.now(),
            },
        )
    return record


def _employer_event(*, employer: User, by: User, action: str, reason: str) -> EmployerEvent:
    return EmployerEvent.objects.create(employer=employer, actor=by, action=action, reason=reason)


def employer_verify(*, profile: EmployerProfile, by: User, note: str = "") -> EmployerProfile:
    """Moderator marks an UMKM as verified after checking its shop link and business WhatsApp."""
    _require_moderator(by)
    if profile.user.banned_at:
        raise ValidationError(_("Akun yang diblokir tidak bisa diverifikasi."))
    with transaction.atomic():
        profile.is_verified = True
        profile.verified_at = timezone.now()
        profile.verified_by = by
        profile.save(update_fields=["is_verified", "verified_at", "verified_by", "updated_at"])
        _employer_event(employer=profile.user, by=by, action=EmployerEvent.Action.VERIFY, reason=note)
    return profile


def employer_unverify(*, profile: EmployerProfile, by: User, note: str = "") -> EmployerProfile:
    """Moderator withdraws the verified badge."""
    _require_moderator(by)
    with transaction.atomic():
        profile.is_verified = False
        profile.verified_at = None
        profile.verified_by = None
        profile.save(update_fields=["is_verified", "verified_at", "verified_by", "updated_at"])
        _employer_event(employer=profile.user, by=by, action=EmployerEvent.Action.UNVERIFY, reason=note)
    return profile


def employer_ban(*, user: User, by: User, reason: str) -> User:
    """Block an employer: live gigs are suspended, pending ones rejected, login is refused.

    Nothing is deleted. Open reports on their gigs are resolved as actioned (the reporters are
    told), the verified badge is withdrawn and the owner is emailed the reason.
    """
    _require_moderator(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan pemblokiran.")})
    if user.is_staff:
        raise PermissionDenied(_("Akun moderator tidak bisa diblokir dari sini."))
    with transaction.atomic():
        user.is_active = False
        user.banned_at = timezone.now()
        user.ban_reason = reason
        user.save(update_fields=["is_active", "banned_at", "ban_reason"])
        profile = EmployerProfile.objects.filter(user=user, is_verified=True).first()
        if profile is not None:
            profile.is_verified = False
            profile.save(update_fields=["is_verified", "updated_at"])
        gig_reason = _("Akun pemilik diblokir: %(reason)s") % {"reason": reason}
        # Pending gigs are rejected rather than suspended: the workflow only suspends published
        # gigs, and a reinstated suspension would publish a gig nobody reviewed.
        for gig in Gig.objects.filter(employer=user, status=GigStatus.PUBLISHED):
            services.gig_suspend(gig=gig, by=by, reason=gig_reason, notify=False)
        for gig in Gig.objects.filter(employer=user, status=GigStatus.PENDING):
            services.gig_reject(gig=gig, by=by, reason=gig_reason, notify=False)
        for report in Report.objects.filter(gig__employer=user, status=Report.Status.OPEN):
            services.report_resolve(report=report, by=by, actioned=True, note=_("Akun pemilik diblokir."))
        _employer_event(employer=user, by=by, action=EmployerEvent.Action.BAN, reason=reason)
    _notify_account(user, "account_banned")
    return user


def employer_unban(*, user: User, by: User, note: str = "") -> User:
    """Let a banned employer log in again. Their suspended gigs stay down until reinstated."""
    _require_moderator(by)
    with transaction.atomic():
        user.is_active = True
        user.banned_at = None
        user.save(update_fields=["is_active", "banned_at"])
        _employer_event(employer=user, by=by, action=EmployerEvent.Action.UNBAN, reason=note)
    return user


def report_escalate(*, gig: Gig) -> bool:
    """Suspend a published gig once enough different users have open reports on it.

    Called by `services.report_create`; returns True when this call took the gig down.
    """
    threshold = int(screening.load_rules().settings["auto_suspend_reports"])
    reporters = (
        Report.objects.filter(gig=gig, status=Report.Status.OPEN).values("reporter").distinct().count()
    )
    if reporters < threshold or gig.status != GigStatus.PUBLISHED:
        return False
    try:
        services.gig_suspend(
            gig=gig,
            by=None,
            reason=_("Otomatis: %(n)s laporan dari pengguna berbeda, menunggu pemeriksaan moderator.")
            % {"n": reporters},
        )
    except services.TransitionError:
        return False  # suspended concurrently
    return True


def _notify_account(user: User, template: str) -> None:
    from . import tasks

    transaction.on_commit(lambda: tasks.send_account_email.delay(user.pk, template))
