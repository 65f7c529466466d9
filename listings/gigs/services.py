"""The one door for every gig state change.

Each function validates the transition, writes the audit row (`GigEvent`) and schedules
follow-up work (emails, screening, matching) with `transaction.on_commit`. Views, admin
actions, the API and management commands all call these functions.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from listings import pagecache
from listings.hours import gig_time_tags
from listings.models import Gig, GigEvent, GigTimeWindow
from listings.schedule import Window, window_inputs
from listings.search.words import board_words_add, gig_text
from listings.traffic import services as traffic
from listings.vocabulary import REJECTION_LABELS, GigStatus
from listings.workflow import StateMachine, enqueue

Action = GigEvent.Action

# The workflow from DESIGN.md: (action, from-status) -> to-status.
TRANSITIONS: dict[str, dict[str, str]] = {
    Action.SUBMIT: {GigStatus.DRAFT: GigStatus.PENDING, GigStatus.REJECTED: GigStatus.PENDING},
    Action.APPROVE: {GigStatus.PENDING: GigStatus.PUBLISHED},
    Action.REJECT: {GigStatus.PENDING: GigStatus.REJECTED},
    Action.SUSPEND: {GigStatus.PUBLISHED: GigStatus.SUSPENDED},
    Action.REINSTATE: {GigStatus.SUSPENDED: GigStatus.PUBLISHED},
    Action.CLOSE: {GigStatus.PUBLISHED: GigStatus.CLOSED},
    Action.EXPIRE: {GigStatus.PUBLISHED: GigStatus.EXPIRED},
    Action.RENEW: {GigStatus.EXPIRED: GigStatus.PENDING, GigStatus.CLOSED: GigStatus.PENDING},
    Action.RESUBMIT: {GigStatus.PUBLISHED: GigStatus.PENDING},
}


class TransitionError(ValidationError):
    """The requested change is not allowed from the gig's current status."""


def _invalid(gig: Gig, action: str) -> str:
    return _("Lowongan berstatus “%(status)s” tidak bisa %(action)s.") % {
        "status": gig.get_status_display(),
        "action": Action(action).label.lower(),
    }


MACHINE = StateMachine(transitions=TRANSITIONS, error=TransitionError, invalid_message=_invalid)


def allowed_actions(gig: Gig) -> set[str]:
    return MACHINE.allowed_actions(gig.status)


def owner_actions(gig: Gig) -> set[str]:
    """What the owner may do now: the workflow's moves, and deleting a never-submitted draft."""
    return allowed_actions(gig) | ({"delete"} if gig.status == GigStatus.DRAFT else set())


def _require_owner(gig: Gig, by: User) -> None:
    if gig.employer_id != by.pk:
        raise PermissionDenied(_("Ini bukan lowongan Anda."))


def _require_moderator(by: User | None) -> None:
    if by is None or not by.is_moderator:
        raise PermissionDenied(_("Hanya moderator yang boleh melakukan ini."))


def _transition(
    *,
    gig: Gig,
    action: str,
    by: User | None,
    reason: str = "",
    reason_code: str = "",
    extra_fields: tuple[str, ...] = (),
) -> Gig:
    """Move `gig` along `action` (see `listings.workflow`), stamping the dates the new status
    implies and writing the `GigEvent`."""

    def stamp(from_status: str) -> list[str]:
        now = timezone.now()
        if gig.status == GigStatus.PENDING:
            gig.submitted_at = now
            gig.rejection_code = gig.rejection_reason = ""
        if gig.status == GigStatus.PUBLISHED and action == Action.APPROVE:
            # A gig's days run from when it goes live, not from when its draft was started.
            gig.published_at = now
            gig.expires_at = now + timedelta(days=settings.GIG_DEFAULT_LIFETIME_DAYS)
        if gig.status == GigStatus.CLOSED:
            gig.closed_at = now
        return [
            "submitted_at",
            "published_at",
            "closed_at",
            "expires_at",
            "rejection_code",
            "rejection_reason",
            "updated_at",
        ]

    def audit(from_status: str, to_status: str) -> None:
        GigEvent.objects.create(
            gig=gig,
            actor=by,
            action=action,
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            reason_code=reason_code,
        )
        if GigStatus.PUBLISHED in (from_status, to_status):  # on or off the public pages
            pagecache.bump()

    return MACHINE.move(gig, action=action, audit=audit, before_save=stamp, fields=extra_fields)


def gig_create(*, employer: User, data: dict, time_windows: list[dict] | None = None) -> Gig:
    """Create a draft gig for `employer` from cleaned form data."""
    if not employer.is_employer:
        raise PermissionDenied(_("Hanya akun pemilik usaha yang bisa memasang lowongan."))
    with transaction.atomic():
        gig = Gig(employer=employer, status=GigStatus.DRAFT, **data)
        gig.full_clean(exclude=["slug"])
        _store_time_tags(gig, time_windows)
        gig.save()
        _replace_time_windows(gig, time_windows)
        GigEvent.objects.create(gig=gig, actor=employer, action=Action.CREATE, to_status=gig.status)
    return gig


def _store_time_tags(gig: Gig, time_windows: list[dict] | None) -> None:
    """`Gig.time_tags` from the windows being saved (or those stored), else from the text."""
    if time_windows is None:
        windows = list(gig.time_windows.all()) if gig.pk else []
    else:
        windows = [Window(w["day"], w["start"], w["end"]) for w in time_windows]
    gig.time_tags = gig_time_tags(windows, gig_text(gig))


def _replace_time_windows(gig: Gig, time_windows: list[dict] | None) -> bool:
    if time_windows is None:
        return False
    old = sorted((w.day, w.start, w.end) for w in gig.time_windows.all())
    new = sorted((w["day"], w["start"], w["end"]) for w in time_windows)
    if old == new:
        return False
    gig.time_windows.all().delete()
    GigTimeWindow.objects.bulk_create(GigTimeWindow(gig=gig, **w) for w in time_windows)
    gig_windows_store(gig=gig)
    return True


def gig_windows_store(*, gig: Gig) -> None:
    """Copy the gig's time-window totals onto its row, where the SQL pay estimate reads them.

    Called whenever windows are written (here and by `seed_demo`); refreshes the estimate.
    """
    windows = list(gig.time_windows.all())
    gig.window_days, gig.window_minutes = window_inputs(windows)
    gig.time_tags = gig_time_tags(windows, gig_text(gig))
    gig.save(update_fields=["window_days", "window_minutes", "time_tags", "updated_at"])
    gig.refresh_from_db(fields=["pay_estimate_month", "pay_estimate_hour"])
    gig.__dict__.pop("pay_estimate", None)


def gig_update(*, gig: Gig, by: User, data: dict, time_windows: list[dict] | None = None) -> Gig:
    """Save the owner's edits. Substantive edits of a published gig send it back to review."""
    _require_owner(gig, by)
    if gig.status in (GigStatus.SUSPENDED,):
        raise TransitionError(_("Lowongan yang ditangguhkan tidak bisa diubah."), code="locked")
    stored = Gig.objects.get(pk=gig.pk)  # compare with the database, not a form-mutated instance
    changed = [name for name, value in data.items() if getattr(stored, name) != value]
    substantive = any(name in Gig.SUBSTANTIVE_FIELDS for name in changed)
    with transaction.atomic():
        for name, value in data.items():
            setattr(gig, name, value)
        gig.full_clean(exclude=["slug"])
        _store_time_tags(gig, time_windows)
        gig.save()
        windows_changed = _replace_time_windows(gig, time_windows)
        if not changed and not windows_changed:
            return gig
        GigEvent.objects.create(
            gig=gig,
            actor=by,
            action=Action.EDIT,
            from_status=gig.status,
            to_status=gig.status,
            reason=", ".join(changed),
        )
        if gig.status == GigStatus.PUBLISHED:
            pagecache.bump()
        if gig.status == GigStatus.PUBLISHED and substantive:
            _transition(gig=gig, action=Action.RESUBMIT, by=by, reason=_("Perubahan isi lowongan"))
        if gig.status == GigStatus.PENDING and substantive:
            _schedule_screening(gig)
    return gig


def gig_submit(*, gig: Gig, by: User) -> Gig:
    """Owner sends a draft (or a rejected gig after fixing it) to the review queue."""
    _require_owner(gig, by)
    gig = _transition(gig=gig, action=Action.SUBMIT, by=by)
    _schedule_screening(gig)
    return gig


def gig_approve(*, gig: Gig, by: User, note: str = "") -> Gig:
    """Moderator publishes a pending gig; the owner is emailed."""
    _require_moderator(by)
    gig = _transition(gig=gig, action=Action.APPROVE, by=by, reason=note)
    _notify_owner(gig, "approved")
    _went_live(gig)
    return gig


def gig_publish_automatically(*, gig: Gig, reason: str) -> Gig:
    """Publish without a human decision (trusted import, verified employer fast path)."""
    gig = _transition(gig=gig, action=Action.APPROVE, by=None, reason=reason)
    _went_live(gig)
    return gig


def gig_reject(*, gig: Gig, by: User, reason: str = "", code: str = "", notify: bool = True) -> Gig:
    """Moderator rejects a pending gig; the owner sees and is emailed the reason: a code of
    `REJECTION_LABELS` (read in the owner's language) and/or the moderator's own note."""
    _require_moderator(by)
    reason = (reason or "").strip()
    if code and code not in REJECTION_LABELS:
        raise ValidationError({"reason": _("Alasan penolakan tidak dikenal.")})
    if not reason and not code:
        raise ValidationError({"reason": _("Tuliskan alasan penolakan untuk pemilik lowongan.")})
    gig.rejection_code, gig.rejection_reason = code, reason
    gig = _transition(gig=gig, action=Action.REJECT, by=by, reason=reason, reason_code=code)
    if notify:
        _notify_owner(gig, "rejected")
    return gig


def gig_suspend(*, gig: Gig, by: User | None, reason: str, code: str = "", notify: bool = True) -> Gig:
    """Take a published gig down pending investigation (moderator, or automatic on reports).
    An account ban sends one email of its own instead (`notify=False`)."""
    if by is not None:
        _require_moderator(by)
    gig = _transition(gig=gig, action=Action.SUSPEND, by=by, reason=reason, reason_code=code)
    if notify:
        _notify_owner(gig, "suspended")
    return gig


def gig_reinstate(*, gig: Gig, by: User, note: str = "") -> Gig:
    _require_moderator(by)
    return _transition(gig=gig, action=Action.REINSTATE, by=by, reason=note)


def gig_close(*, gig: Gig, by: User) -> Gig:
    """Owner closes a published gig (filled or no longer needed)."""
    _require_owner(gig, by)
    return _transition(gig=gig, action=Action.CLOSE, by=by)


def gig_expire(*, gig: Gig) -> Gig:
    return _transition(gig=gig, action=Action.EXPIRE, by=None)


def gig_renew(*, gig: Gig, by: User) -> Gig:
    """Owner renews an expired or closed gig: new expiry date, back through review."""
    _require_owner(gig, by)
    gig.expires_at = timezone.now() + timedelta(days=settings.GIG_DEFAULT_LIFETIME_DAYS)
    gig = _transition(gig=gig, action=Action.RENEW, by=by, extra_fields=("expires_at",))
    _schedule_screening(gig)
    return gig


def gig_duplicate(*, gig: Gig, by: User) -> Gig:
    """Copy one of the owner's gigs into a new draft (screened like a new post when submitted)."""
    _require_owner(gig, by)
    data = {name: getattr(gig, name) for name in Gig.EDITABLE_FIELDS}
    data["title"] = (_("Salinan: ") + gig.title)[:120]
    data["copied_from"] = gig  # screening keeps copies of taken-down gigs for a moderator
    windows = [{"day": w.day, "start": w.start, "end": w.end} for w in gig.time_windows.all()]
    return gig_create(employer=by, data=data, time_windows=windows)


def gig_record_view(*, gig: Gig, viewer: User) -> None:
    """Count a visit to a live gig's page (the owner's own visits don't count); the counter
    is batched and written by the traffic flush task (`listings.traffic`)."""
    if gig.is_live and gig.employer_id != viewer.pk:
        traffic.gig_view_record(gig=gig)


def gigs_retire_for_deleted_employer(*, employer: User) -> int:
    """Before an employer's account is anonymised: close published gigs, reject the ones in
    review (no email: the owner is leaving), and replace what the owner wrote beyond the title
    with a neutral sentence. Titles stay so applicants' records still say what they applied
    for. Every change is audited. Returns how many gigs were taken off the board."""
    retired = 0
    for gig in Gig.objects.filter(employer=employer, status__in=(GigStatus.PUBLISHED, GigStatus.PENDING)):
        if gig.status == GigStatus.PUBLISHED:
            _transition(gig=gig, action=Action.CLOSE, by=None, reason_code="owner_deleted")
        else:
            gig.rejection_code, gig.rejection_reason = "owner_deleted", ""
            _transition(gig=gig, action=Action.REJECT, by=None, reason_code="owner_deleted")
        retired += 1
    Gig.objects.filter(employer=employer).update(
        description=_("Pemilik usaha sudah menghapus akunnya. Isi lowongan ini dihapus."),
        requirements="",
        screening_question="",
        updated_at=timezone.now(),
    )
    return retired


def gig_delete_draft(*, gig: Gig, by: User) -> Gig:
    """Owner deletes a draft nobody has seen (never submitted). Anything else is kept."""
    _require_owner(gig, by)
    with transaction.atomic():
        locked = Gig.objects.select_for_update().get(pk=gig.pk)
        if locked.status != GigStatus.DRAFT:
            raise TransitionError(_("Hanya draf yang bisa dihapus."), code="not_draft")
        locked.delete()
    return gig


def expire_due_gigs(*, now=None) -> int:
    """Expire every published gig past its expiry date; returns how many."""
    count = 0
    for gig in Gig.objects.due_to_expire(now).only("pk", "status"):
        try:
            gig_expire(gig=gig)
            count += 1
        except TransitionError:
            continue  # changed concurrently (closed/suspended): nothing to expire
    return count


def _schedule_screening(gig: Gig) -> None:
    enqueue("listings.trust.tasks.screen_gig", gig.pk)


def _notify_owner(gig: Gig, kind: str) -> None:
    enqueue("listings.messaging.tasks.send_gig_decision_email", gig.pk, kind)


def _went_live(gig: Gig) -> None:
    """A newly published gig: its words join the search vocabulary, matching alerts fire."""
    board_words_add(gig=gig)
    _match_alerts(gig)


def _match_alerts(gig: Gig) -> None:
    """Tell workers whose alerts match, once the publish is committed (one task per publish)."""
    enqueue("listings.alerts.tasks.match_gig", gig.pk)
