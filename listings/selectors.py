"""Read-side queries for gigs."""

from django.db.models import F, Q, QuerySet

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


def gig_review_queue() -> QuerySet[Gig]:
    """Pending gigs for moderators: highest screening risk first (flagged ones on top),
    then the oldest submission; gigs not screened yet come last."""
    return (
        Gig.objects.awaiting_review()
        .with_card_data()
        .select_related("screening")
        .order_by(F("screening__score").desc(nulls_last=True), "submitted_at", "pk")
    )


def employer_accounts(*, query: str = "") -> QuerySet[User]:
    """Employer accounts for the moderators' verify / ban tools, optionally searched."""
    qs = User.objects.filter(role=User.Role.EMPLOYER).select_related("employer_profile")
    if query:
        qs = qs.filter(Q(email__icontains=query) | Q(employer_profile__business_name__icontains=query))
    return qs.order_by(F("banned_at").desc(nulls_last=True), "email")
