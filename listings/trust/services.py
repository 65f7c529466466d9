"""Trust & safety services: screening outcomes, verified UMKM, bans, reports.

Keyword-only typed functions, moderator checks, an audit row for every decision, follow-up
work (emails) scheduled by task name after commit. Gig status changes go through
`listings.gigs.services`; reports move through their own `REPORT_MACHINE`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import EmployerProfile, User
from listings import pagecache, screening
from listings.gigs import services
from listings.messaging.services import inbox_item_create
from listings.models import EmployerEvent, Gig, GigScreening, Report, ReportEvent
from listings.trust import duplicates
from listings.vocabulary import GigStatus
from listings.workflow import StateMachine, enqueue

MAX_SCORE = 100  # the scale of GigScreening.score (signals.toml settings.max_score)


def _require_moderator(by: User | None) -> None:
    if by is None or not by.is_moderator:
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
        Gig.objects.filter(pk=gig.pk).update(text_fingerprint=result.fingerprint)
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
    pagecache.bump()  # verified badges and banned businesses show on the public pages
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
    if user.is_moderator:
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
        # Pending gigs are rejected rather than suspended: the workflow only suspends published
        # gigs, and a reinstated suspension would publish a gig nobody reviewed.
        for gig in Gig.objects.filter(employer=user, status=GigStatus.PUBLISHED):
            services.gig_suspend(gig=gig, by=by, reason=reason, code="owner_banned", notify=False)
        for gig in Gig.objects.filter(employer=user, status=GigStatus.PENDING):
            services.gig_reject(gig=gig, by=by, reason=reason, code="owner_banned", notify=False)
        for report in Report.objects.filter(gig__employer=user, status=Report.Status.OPEN):
            report_resolve(report=report, by=by, actioned=True, note=_("Akun pemilik diblokir."))
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

    Called by `report_create`; returns True when this call took the gig down.
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
    enqueue("listings.messaging.tasks.send_account_email", user.pk, template)


# --- reports ---------------------------------------------------------------------------------


class ReportError(ValidationError):
    """The report was decided already (by another moderator, or by a ban)."""


REPORT_TRANSITIONS: dict[str, dict[str, str]] = {
    "action": {Report.Status.OPEN: Report.Status.ACTIONED},
    "dismiss": {Report.Status.OPEN: Report.Status.DISMISSED},
}
REPORT_MACHINE = StateMachine(
    transitions=REPORT_TRANSITIONS,
    error=ReportError,
    invalid_message=lambda report, action: (
        _("Laporan ini sudah diputuskan (%(status)s).") % {"status": report.get_status_display()}
    ),
)


def report_create(*, gig: Gig, by: User, reason: str, details: str = "") -> Report:
    """A logged-in user reports a published gig. One report per user per gig; enough
    reports from different users suspend the gig (`report_escalate`)."""
    if not gig.is_live:
        raise ValidationError(_("Lowongan ini sudah tidak tayang."))
    report, created = Report.objects.get_or_create(
        gig=gig, reporter=by, defaults={"reason": reason, "details": details}
    )
    if not created:
        raise ValidationError(
            _("Anda sudah melaporkan lowongan ini. Terima kasih, tim kami sedang memeriksanya.")
        )
    report_escalate(gig=gig)
    return report


def report_resolve(*, report: Report, by: User, actioned: bool, note: str = "") -> Report:
    """Moderator decides an open report; the reporter hears the outcome."""
    _require_moderator(by)
    action = "action" if actioned else "dismiss"

    def stamp(from_status: str) -> list[str]:
        report.resolved_by = by
        report.resolved_at = timezone.now()
        report.resolution_note = note
        return ["resolved_by", "resolved_at", "resolution_note"]

    def audit(from_status: str, to_status: str) -> None:
        ReportEvent.objects.create(
            report=report, actor=by, action=action, from_status=from_status, to_status=to_status, note=note
        )

    REPORT_MACHINE.move(report, action=action, audit=audit, before_save=stamp)
    if report.reporter is None:  # the reporter deleted their account
        return report
    inbox_item_create(
        user=report.reporter,
        kind="report",
        code="report.actioned" if actioned else "report.dismissed",
        params={"title": report.gig.title},
    )
    enqueue("listings.messaging.tasks.send_report_outcome_email", report.pk)
    return report


def report_action(*, report: Report, by: User, note: str = "") -> list[Report]:
    """The report is right: take the gig down and close every open report on it.

    Each reporter gets the outcome, not only the one whose report the moderator opened.
    """
    _require_moderator(by)
    with transaction.atomic():
        if report.gig.status == GigStatus.PUBLISHED:
            services.gig_suspend(gig=report.gig, by=by, reason=note or report.get_reason_display())
        open_reports = Report.objects.select_for_update().filter(gig=report.gig, status=Report.Status.OPEN)
        return [report_resolve(report=item, by=by, actioned=True, note=note) for item in open_reports]
