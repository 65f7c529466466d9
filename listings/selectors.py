"""Read-side queries for gigs."""

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from .models import Gig, Report
from .search import search_gigs
from .vocabulary import GigStatus

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


def gig_list_for_owner(*, user: User) -> QuerySet[Gig]:
    """The owner's gigs, most recently changed first."""
    return Gig.objects.owned_by(user).order_by("-updated_at", "-pk")


def moderation_queue(*, filters: dict | None = None) -> QuerySet[Gig]:
    """Gigs for the moderators' queue: pending gigs oldest first (by default)."""
    filters = filters or {}
    status = filters.get("status") or GigStatus.PENDING
    qs = Gig.objects.filter(status=status).with_card_data()
    if filters.get("pay_model"):
        qs = qs.filter(pay_model=filters["pay_model"])
    if filters.get("work_mode"):
        qs = qs.filter(work_mode=filters["work_mode"])
    if filters.get("verified") == "yes":
        qs = qs.filter(employer__employer_profile__is_verified=True)
    elif filters.get("verified") == "no":
        qs = qs.exclude(employer__employer_profile__is_verified=True)
    return qs.annotate(open_reports=Count("reports", filter=Q(reports__status=Report.Status.OPEN))).order_by(
        "submitted_at", "pk"
    )


def open_reports() -> QuerySet[Report]:
    return (
        Report.objects.filter(status=Report.Status.OPEN)
        .select_related("gig", "reporter", "gig__employer__employer_profile")
        .order_by("created_at", "pk")
    )
