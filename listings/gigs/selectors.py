"""Read-side queries for gigs."""

from django.db.models import QuerySet, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from listings.applications.selectors import Commitments, worker_commitments
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


def gig_detail_for(*, user: User, pk: int) -> tuple[Gig, Commitments | None]:
    """The gig if `user` may see it, with its time windows, and for a worker who may apply
    their commitments (`worker_commitments`, which loads the windows of every gig involved in
    one query). Raises Gig.DoesNotExist when `user` may not see it (a 404 for views)."""
    gig = Gig.objects.visible_to(user).with_card_data().get(pk=pk)
    if user.is_authenticated and user.is_worker and gig.employer_id != user.pk:
        return gig, worker_commitments(worker=user, gig=gig)
    prefetch_related_objects([gig], "time_windows")
    return gig, None


def gig_list_for_owner(*, user: User) -> QuerySet[Gig]:
    """The owner's gigs, most recently changed first."""
    return Gig.objects.owned_by(user).order_by("-updated_at", "-pk")
