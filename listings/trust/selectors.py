"""Read-side queries for moderators: the review queue, open reports, employer accounts."""

from django.db.models import Count, F, Q, QuerySet

from listings.models import Gig, Report
from listings.vocabulary import GigStatus


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
