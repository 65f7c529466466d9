"""Read-side queries for gigs."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from . import schedule
from .models import Application, Gig, Report
from .models.application import CONTACT_STAGES
from .search import search_gigs
from .vocabulary import ApplicationStatus, GigStatus

# Filters an empty search may suggest dropping, most restrictive first, with their label.
RELAXABLE = (
    ("q", _("kata kunci")),
    ("city", _("kota")),
    ("min_pay", _("gaji minimal")),
    ("work_mode", _("lokasi kerja")),
    ("pay_model", _("sistem gaji")),
    ("schedule", _("jadwal")),
    ("channel", _("channel")),
    ("duty", _("tugas")),
)


def gig_latest(*, limit: int = 8) -> QuerySet[Gig]:
    """The newest published gigs, with what a card shows."""
    return search_gigs({"sort": "newest"})[:limit]


def gig_similar_open(*, gig_id: int, limit: int = 4) -> list[Gig]:
    """Open gigs like a gone one (same pay model and work mode first), for its 404 page."""
    gone = Gig.objects.filter(pk=gig_id).values("pay_model", "work_mode").first()
    if gone is None:
        return list(gig_latest(limit=limit))
    alike = list(search_gigs({"sort": "newest", **gone}).exclude(pk=gig_id)[:limit])
    if len(alike) < limit:
        alike += list(
            search_gigs({"sort": "newest"}).exclude(pk__in=[gig_id, *(g.pk for g in alike)])[
                : limit - len(alike)
            ]
        )
    return alike


def gig_search_relaxations(*, params: dict) -> list[dict]:
    """For a search with no results: which single filter to drop, and how many gigs that finds.

    One COUNT per active filter; only called when the page is empty.
    """
    suggestions = []
    for name, label in RELAXABLE:
        if params.get(name) in (None, "", []):
            continue
        count = search_gigs({**params, name: None}).count()
        if count:
            suggestions.append({"name": name, "label": label, "count": count})
    return suggestions


def gig_detail_for(*, user: User, pk: int) -> Gig:
    """The gig if `user` may see it; raises Gig.DoesNotExist otherwise (a 404 for views)."""
    return Gig.objects.visible_to(user).with_card_data().prefetch_related("time_windows").get(pk=pk)


# --- applications --------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationCounts:
    total: int = 0
    new: int = 0  # not yet opened by the employer
    shortlisted: int = 0  # shortlisted, on trial or hired
    hired: int = 0


def applications_count_by_gig(gig_ids: Iterable[int]) -> dict[int, ApplicationCounts]:
    """Applicant counts per gig in one query, for the employer's "my gigs" page.

    Gigs without applications are missing from the dict; use `.get(pk, ApplicationCounts())`.
    """
    rows = (
        Application.objects.filter(gig_id__in=list(gig_ids))
        .values("gig_id")
        .annotate(
            total=Count("pk"),
            new=Count("pk", filter=Q(status=ApplicationStatus.SENT)),
            shortlisted=Count("pk", filter=Q(status__in=CONTACT_STAGES)),
            hired=Count("pk", filter=Q(status=ApplicationStatus.HIRED)),
        )
    )
    return {
        row["gig_id"]: ApplicationCounts(
            total=row["total"], new=row["new"], shortlisted=row["shortlisted"], hired=row["hired"]
        )
        for row in rows
    }


def application_for(*, user: User, pk: int) -> Application:
    """One application if `user` is its applicant or the gig's owner; DoesNotExist otherwise."""
    return (
        Application.objects.visible_to(user)
        .select_related("gig__employer__employer_profile", "worker__worker_profile")
        .prefetch_related("events", "gig__time_windows", "worker__worker_profile__availability")
        .get(pk=pk)
    )


def applicants_for_gig(*, gig: Gig, filters: dict | None = None) -> list[Application]:
    """The gig's applicants with what the list shows, filtered by status, channel and
    availability overlap with the gig's time windows (the last one in Python: it is
    circular weekly-time arithmetic, see `listings.schedule`)."""
    filters = filters or {}
    qs = (
        Application.objects.filter(gig=gig)
        .select_related("worker__worker_profile")
        .prefetch_related("worker__worker_profile__availability")
        .order_by("-created_at", "-pk")
    )
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("channel"):
        qs = qs.filter(worker__worker_profile__channels__has_code=filters["channel"])
    applications = list(qs)
    for application in applications:
        application.gig = gig  # one shared instance: no query per row for gig/employer
    if filters.get("available"):
        windows = list(gig.time_windows.all())
        applications = [
            a
            for a in applications
            if a.worker is not None
            and hasattr(a.worker, "worker_profile")
            and schedule.any_overlap(windows, a.worker.worker_profile.availability.all())
        ]
    return applications


def applications_of_worker(*, worker: User) -> QuerySet[Application]:
    """The worker's applications, newest first, with their history."""
    return (
        Application.objects.for_worker(worker)
        .select_related("gig__employer__employer_profile")
        .prefetch_related("events")
        .order_by("-created_at", "-pk")
    )


def hired_gigs_for(*, worker: User, exclude_gig_id: int | None = None) -> list[Gig]:
    """Gigs the worker was hired for (with their time windows). A gig the owner closed after
    filling it still counts: closing stops new applicants, the work goes on."""
    qs = (
        Gig.objects.filter(applications__worker=worker, applications__status=ApplicationStatus.HIRED)
        .prefetch_related("time_windows")
        .distinct()
    )
    if exclude_gig_id is not None:
        qs = qs.exclude(pk=exclude_gig_id)
    return list(qs)


def applied_gigs_for(*, worker: User, exclude_gig_id: int | None = None) -> list[Gig]:
    """Gigs the worker has an application still in play for (not yet hired, declined or
    withdrawn), with their time windows: a clash with one is worth knowing before applying."""
    in_play = (
        ApplicationStatus.SENT,
        ApplicationStatus.VIEWED,
        ApplicationStatus.SHORTLISTED,
        ApplicationStatus.TRIAL_OFFERED,
    )
    qs = (
        Gig.objects.filter(applications__worker=worker, applications__status__in=in_play)
        .prefetch_related("time_windows")
        .distinct()
    )
    if exclude_gig_id is not None:
        qs = qs.exclude(pk=exclude_gig_id)
    return list(qs)


def gig_list_for_owner(*, user: User) -> QuerySet[Gig]:
    """The owner's gigs, most recently changed first."""
    return Gig.objects.owned_by(user).order_by("-updated_at", "-pk")


def moderation_queue(*, filters: dict | None = None) -> QuerySet[Gig]:
    """Gigs for the moderators' queue: highest screening risk first (flagged gigs on top, see
    listings.screening), then most open reports, then oldest submission; unscreened gigs last."""
    filters = filters or {}
    status = filters.get("status") or GigStatus.PENDING
    qs = Gig.objects.filter(status=status).with_card_data().select_related("screening")
    if filters.get("pay_model"):
        qs = qs.filter(pay_model=filters["pay_model"])
    if filters.get("work_mode"):
        qs = qs.filter(work_mode=filters["work_mode"])
    if filters.get("verified") == "yes":
        qs = qs.filter(employer__employer_profile__is_verified=True)
    elif filters.get("verified") == "no":
        qs = qs.exclude(employer__employer_profile__is_verified=True)
    return qs.annotate(open_reports=Count("reports", filter=Q(reports__status=Report.Status.OPEN))).order_by(
        F("screening__score").desc(nulls_last=True), "-open_reports", "submitted_at", "pk"
    )


def open_reports() -> QuerySet[Report]:
    return (
        Report.objects.filter(status=Report.Status.OPEN)
        .select_related("gig", "reporter", "gig__employer__employer_profile")
        .order_by("created_at", "pk")
    )


def employer_accounts(*, query: str = "") -> QuerySet[User]:
    """Employer accounts for the moderators' verify / ban tools, optionally searched."""
    qs = User.objects.filter(role=User.Role.EMPLOYER).select_related("employer_profile")
    if query:
        qs = qs.filter(Q(email__icontains=query) | Q(employer_profile__business_name__icontains=query))
    return qs.order_by(F("banned_at").desc(nulls_last=True), "email")
