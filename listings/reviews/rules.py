"""The review rules, written once: who may review which application, until when, with which tags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..models import Application, ApplicationEvent, Review, ReviewTag
from ..vocabulary import ApplicationStatus

S = ApplicationStatus
Direction = Review.Direction

# Both sides may write for this long after the hire (or the end of the trial).
REVIEW_WINDOW = timedelta(days=30)
# A review nobody answered becomes public after this long.
REVEAL_AFTER = timedelta(days=14)
# Trials end when the employer declines or the worker withdraws while on trial.
TRIAL_ENDINGS = (S.DECLINED, S.WITHDRAWN)

TAGS: dict[str, tuple[str, ...]] = {
    Direction.OF_EMPLOYER: (
        ReviewTag.PAYS_ON_TIME,
        ReviewTag.CLEAR_INSTRUCTIONS,
        ReviewTag.RESPONSIVE,
        ReviewTag.FRIENDLY,
    ),
    Direction.OF_WORKER: (
        ReviewTag.RESPONSIVE,
        ReviewTag.THOROUGH,
        ReviewTag.PUNCTUAL,
        ReviewTag.FAST_LEARNER,
        ReviewTag.FRIENDLY,
    ),
}


@dataclass(frozen=True)
class Eligibility:
    """Whether `user` may review `application` now, and if not, why (for the page)."""

    direction: str | None
    opens_at: datetime | None
    closes_at: datetime | None

    @property
    def is_party(self) -> bool:
        return self.direction is not None


def direction_for(application: Application, user) -> str | None:
    """The side `user` writes from on this application (None: not a party)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if application.worker_id is not None and application.worker_id == user.pk:
        return Direction.OF_EMPLOYER
    if application.gig.employer_id == user.pk and application.worker_id is not None:
        return Direction.OF_WORKER
    return None


def review_opened_at(application: Application) -> datetime | None:
    """When the work relationship this application describes ended in something reviewable:
    the hire, or the end of a trial. None: nothing to review (yet)."""
    if application.worker_id is None:
        return None
    if application.status == S.HIRED:
        return application.status_changed_at
    if application.status in TRIAL_ENDINGS:
        ended_trial = ApplicationEvent.objects.filter(
            application=application,
            from_status__in=(S.TRIAL_OFFERED, S.TRIAL_ACCEPTED),
            to_status=application.status,
        ).exists()
        return application.status_changed_at if ended_trial else None
    return None


def eligibility(application: Application, user) -> Eligibility:
    direction = direction_for(application, user)
    opened = review_opened_at(application) if direction else None
    return Eligibility(
        direction=direction, opens_at=opened, closes_at=opened + REVIEW_WINDOW if opened else None
    )
