"""Read-side queries for gigs."""

from django.db.models import QuerySet

from accounts.models import User

from .models import Gig


def gig_public_list(*, filters: dict | None = None) -> QuerySet[Gig]:
    """Published, unexpired gigs, newest first, with what a card shows."""
    qs = Gig.objects.published().with_card_data()
    filters = filters or {}
    if filters.get("pay_model"):
        qs = qs.filter(pay_model=filters["pay_model"])
    if filters.get("work_mode"):
        qs = qs.filter(work_mode=filters["work_mode"])
    if filters.get("city"):
        qs = qs.filter(city__iexact=filters["city"])
    if filters.get("channel"):
        qs = qs.filter(channels__has_code=filters["channel"])
    return qs.order_by("-published_at", "-pk")


def gig_detail_for(*, user: User, pk: int) -> Gig:
    """The gig if `user` may see it; raises Gig.DoesNotExist otherwise (a 404 for views)."""
    return Gig.objects.visible_to(user).with_card_data().prefetch_related("time_windows").get(pk=pk)
