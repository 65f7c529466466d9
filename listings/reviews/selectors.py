"""Reads about reviews: what the public sees, summaries for employer pages, trust for screening."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User

from ..models import Application, Review, ReviewTag
from .rules import Direction, eligibility

# "Well reviewed" for screening: enough reviews to mean something, and good ones.
TRUSTED_MIN_REVIEWS = 3
TRUSTED_MIN_AVERAGE = 4.0


@dataclass(frozen=True)
class ReviewSummary:
    count: int = 0
    average: float | None = None
    # Percent of the reviews that say the employer paid on time (None: no reviews).
    pays_on_time_percent: int | None = None

    @property
    def well_reviewed(self) -> bool:
        return self.count >= TRUSTED_MIN_REVIEWS and (self.average or 0) >= TRUSTED_MIN_AVERAGE


def reviews_about(user: User, *, direction: str) -> QuerySet[Review]:
    """Public reviews of `user`, newest first, with what a card shows."""
    return (
        Review.objects.visible()
        .filter(subject=user, direction=direction)
        .select_related("application__gig", "author__employer_profile", "author__worker_profile")
    )


def review_summary(user: User | int, *, direction: str = Direction.OF_EMPLOYER) -> ReviewSummary:
    """Average, count and pay-on-time share of the public reviews of `user` (one query)."""
    rows = list(
        Review.objects.visible().filter(subject=user, direction=direction).values_list("rating", "tags")
    )
    if not rows:
        return ReviewSummary()
    on_time = sum(1 for _rating, tags in rows if ReviewTag.PAYS_ON_TIME in (tags or []))
    return ReviewSummary(
        count=len(rows),
        average=round(sum(rating for rating, _tags in rows) / len(rows), 1),
        pays_on_time_percent=round(100 * on_time / len(rows)) if direction == Direction.OF_EMPLOYER else None,
    )


def employer_review_trust(employer_id: int | None) -> ReviewSummary:
    """What workers' reviews say about an employer, for screening: `well_reviewed` means
    at least three public reviews averaging four stars or more."""
    if employer_id is None:
        return ReviewSummary()
    return review_summary(employer_id, direction=Direction.OF_EMPLOYER)


@dataclass(frozen=True)
class ReviewState:
    """What the application page shows about reviews to one of its two parties."""

    can_write: bool
    mine: Review | None
    theirs_written: bool
    theirs: Review | None
    closes_at: object


def review_state(application: Application, user: User) -> ReviewState | None:
    """None when `user` is not a party or nothing is reviewable on this application."""
    rule = eligibility(application, user)
    if rule.opens_at is None:
        return None
    reviews = {r.direction: r for r in Review.objects.filter(application=application)}
    mine = reviews.get(rule.direction)
    other_direction = (
        Direction.OF_WORKER if rule.direction == Direction.OF_EMPLOYER else Direction.OF_EMPLOYER
    )
    theirs = reviews.get(other_direction)
    now = timezone.now()
    return ReviewState(
        can_write=mine is None and now <= rule.closes_at,
        mine=mine,
        theirs_written=theirs is not None,
        theirs=theirs if theirs is not None and theirs.visible_from <= now and not theirs.is_hidden else None,
        closes_at=rule.closes_at,
    )


def reviews_for_moderation() -> QuerySet[Review]:
    """Every review, newest first, for the moderators' list (hidden ones included)."""
    return Review.objects.select_related("application__gig", "author", "subject", "hidden_by")
