"""Read-side queries for applications: counts per gig, an applicant list, a worker's jobs."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from listings import schedule
from listings.models import Application, Gig
from listings.models.application import CONTACT_STAGES
from listings.vocabulary import ApplicationStatus


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
        ApplicationStatus.TRIAL_ACCEPTED,
    )
    qs = (
        Gig.objects.filter(applications__worker=worker, applications__status__in=in_play)
        .prefetch_related("time_windows")
        .distinct()
    )
    if exclude_gig_id is not None:
        qs = qs.exclude(pk=exclude_gig_id)
    return list(qs)
