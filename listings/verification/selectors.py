"""Reads about verification: the badge and what it means, the owner's latest request, the queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from accounts.models import EmployerProfile

from ..models import VerificationCheck, VerificationRequest

GRANTED = VerificationRequest.Status.GRANTED


@dataclass(frozen=True)
class Badge:
    """The "UMKM terverifikasi" badge and what a moderator checked before granting it."""

    verified_at: datetime | None
    checks: tuple[str, ...]

    @property
    def check_labels(self) -> list[str]:
        return [str(VerificationCheck(code).label) for code in self.checks]


def granted_prefetch(path: str = "verification_requests") -> Prefetch:
    """Prefetch for lists (API, cards): the latest granted request as `granted_verifications`."""
    return Prefetch(
        path,
        queryset=VerificationRequest.objects.filter(status=GRANTED).order_by("-decided_at", "-pk"),
        to_attr="granted_verifications",
    )


def verification_badge(profile: EmployerProfile | None) -> Badge | None:
    """None unless the business is verified now. Badges granted before self-serve requests
    existed (or from the admin) carry no list of checks."""
    if profile is None or not profile.is_verified:
        return None
    granted = getattr(profile, "granted_verifications", None)
    if granted is None:
        granted = list(
            profile.verification_requests.filter(status=GRANTED).order_by("-decided_at", "-pk")[:1]
        )
    latest = granted[0] if granted else None
    checks = tuple(c for c in (latest.checks if latest else []) if c in VerificationCheck.values)
    return Badge(verified_at=profile.verified_at, checks=checks)


def verification_latest(profile: EmployerProfile) -> VerificationRequest | None:
    return profile.verification_requests.order_by("-created_at", "-pk").first()


def verification_queue() -> QuerySet[VerificationRequest]:
    """Requests waiting for a moderator, oldest first."""
    return VerificationRequest.objects.filter(status=VerificationRequest.Status.PENDING).select_related(
        "profile__user"
    )


def verification_for_review(pk: int) -> VerificationRequest:
    return VerificationRequest.objects.select_related("profile__user", "decided_by").get(pk=pk)
