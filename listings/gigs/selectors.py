"""Read-side queries for gigs."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from listings.models import Gig
from listings.search import search_gigs
from listings.search.paging import bounded_count

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

    One bounded count (`listings.search.paging`) per active filter; only called when the
    page is empty.
    """
    suggestions = []
    for name, label in RELAXABLE:
        if params.get(name) in (None, "", []):
            continue
        count, capped = bounded_count(search_gigs({**params, name: None}, relax=False))
        if count:
            suggestions.append({"name": name, "label": label, "count": count, "capped": capped})
    return suggestions


def gig_detail_for(*, user: User, pk: int) -> Gig:
    """The gig if `user` may see it; raises Gig.DoesNotExist otherwise (a 404 for views)."""
    return Gig.objects.visible_to(user).with_card_data().prefetch_related("time_windows").get(pk=pk)


def gig_list_for_owner(*, user: User) -> QuerySet[Gig]:
    """The owner's gigs, most recently changed first."""
    return Gig.objects.owned_by(user).order_by("-updated_at", "-pk")
