from django.db import models
from django.db.models import Q
from django.utils import timezone

from .vocabulary import GigStatus


class GigQuerySet(models.QuerySet):
    def published(self):
        """Gigs anyone may see: published and not past their expiry date."""
        return self.filter(status=GigStatus.PUBLISHED, expires_at__gt=timezone.now())

    def owned_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(employer=user)

    def visible_to(self, user):
        """Published gigs for everyone, plus the owner's own gigs and everything for staff."""
        if user.is_authenticated and user.is_moderator:
            return self.all()
        if user.is_authenticated:
            return self.filter(
                Q(status=GigStatus.PUBLISHED, expires_at__gt=timezone.now()) | Q(employer=user)
            )
        return self.published()

    def due_to_expire(self, now=None):
        return self.filter(status=GigStatus.PUBLISHED, expires_at__lte=now or timezone.now())

    def with_card_data(self):
        return self.select_related("employer", "employer__employer_profile")


class ApplicationQuerySet(models.QuerySet):
    """Scoping for applications: "not yours" is a 404 by construction."""

    def for_worker(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(worker=user)

    def visible_to(self, user):
        """The applicant and the gig's owner; nobody else (moderators use the admin)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(worker=user) | Q(gig__employer=user))
