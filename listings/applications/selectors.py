"""Read-side queries for applications: counts per gig, an applicant list, a worker's jobs."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, prefetch_related_objects

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


def _counts(prefix: str = "") -> dict[str, Count]:
    pk = f"{prefix}pk"
    return {
        "total": Count(pk),
        "new": Count(pk, filter=Q(**{f"{prefix}status": ApplicationStatus.SENT})),
        "shortlisted": Count(pk, filter=Q(**{f"{prefix}status__in": CONTACT_STAGES})),
        "hired": Count(pk, filter=Q(**{f"{prefix}status": ApplicationStatus.HIRED})),
    }


def applications_count_by_gig(gig_ids: Iterable[int]) -> dict[int, ApplicationCounts]:
    """Applicant counts per gig in one query, for the employer's "my gigs" page.

    Gigs without applications are missing from the dict; use `.get(pk, ApplicationCounts())`.
    """
    rows = Application.objects.filter(gig_id__in=list(gig_ids)).values("gig_id").annotate(**_counts())
    return {
        row["gig_id"]: ApplicationCounts(
            total=row["total"], new=row["new"], shortlisted=row["shortlisted"], hired=row["hired"]
        )
        for row in rows
    }


def owned_gig_with_counts(*, user: User, pk: int) -> Gig:
    """The owner's gig with its applicant counts (`gig.counts`) in one query, and its time
    windows; DoesNotExist when it is not `user`'s."""
    gig = (
        Gig.objects.owned_by(user)
        .annotate(**{f"applications_{name}": count for name, count in _counts("applications__").items()})
        .prefetch_related("time_windows")
        .get(pk=pk)
    )
    gig.employer = user  # the owner is the signed-in user, loaded with the business profile
    gig.counts = ApplicationCounts(
        total=gig.applications_total,
        new=gig.applications_new,
        shortlisted=gig.applications_shortlisted,
        hired=gig.applications_hired,
    )
    return gig


def application_for(*, user: User, pk: int) -> Application:
    """One application if `user` is its applicant or the gig's owner; DoesNotExist otherwise.
    The owner also gets the applicant's availability (the applicant summary shows it)."""
    application = (
        Application.objects.visible_to(user)
        .select_related("gig__employer__employer_profile", "worker__worker_profile")
        .prefetch_related("events")
        .get(pk=pk)
    )
    if application.gig.employer_id == user.pk:
        prefetch_related_objects([application], "worker__worker_profile__availability")
    return application


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


IN_PLAY = (
    ApplicationStatus.SENT,
    ApplicationStatus.VIEWED,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.TRIAL_OFFERED,
    ApplicationStatus.TRIAL_ACCEPTED,
)


@dataclass(frozen=True)
class Commitments:
    """What a worker has going, seen from one gig: gigs they were hired for, gigs with an
    application still in play (neither excluding that gig), and their application to it."""

    hired: list[Gig]
    applied: list[Gig]
    application: Application | None


def worker_commitments(*, worker: User, gig: Gig | None = None) -> Commitments:
    """The worker's hired and in-play gigs (and application to `gig`) in one query, plus one
    for the time windows of all of them and of `gig` (the schedule-clash checks need them).
    A gig the owner closed after filling it still counts as hired."""
    wanted = Q(status__in=(ApplicationStatus.HIRED, *IN_PLAY))
    if gig is not None:
        wanted |= Q(gig=gig)
    applications = Application.objects.filter(wanted, worker=worker).select_related("gig")
    own, hired, applied = None, {}, {}
    for application in applications.order_by("-created_at", "-pk"):
        if gig is not None and application.gig_id == gig.pk:
            own = own or application
        elif application.status == ApplicationStatus.HIRED:
            hired.setdefault(application.gig_id, application.gig)
        else:
            applied.setdefault(application.gig_id, application.gig)

    def newest_first(gigs: dict[int, Gig]) -> list[Gig]:
        def key(g: Gig) -> tuple:
            return (g.published_at.timestamp() if g.published_at else 0, g.pk)

        return sorted(gigs.values(), key=key, reverse=True)

    result = Commitments(hired=newest_first(hired), applied=newest_first(applied), application=own)
    prefetch_related_objects([*result.hired, *result.applied, *([gig] if gig else [])], "time_windows")
    return result
