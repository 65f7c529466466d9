"""Reads about verification: the badge and what it means, the owner's latest request, the queue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

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


def badges_attach(profiles: Iterable[EmployerProfile | None]) -> None:
    """For lists (API pages): load what every verified profile's badge says in one query,
    and none at all when no profile on the page is verified."""
    verified = {p.pk: p for p in profiles if p is not None and p.is_verified}
    for profile in verified.values():
        profile.granted_verifications = []
    if not verified:
        return
    for request in VerificationRequest.objects.filter(status=GRANTED, profile_id__in=verified).order_by(
        "-decided_at", "-pk"
    ):
        verified[request.profile_id].granted_verifications.append(request)


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
