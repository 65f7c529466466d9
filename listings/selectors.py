"""Read-side queries for gigs."""

from django.db.models import Count, F, Q, QuerySet

from accounts.models import User

from .models import Gig, Report
from .vocabulary import GigStatus


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
