from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from listings import pagecache
from listings.alerts.services import alert_sync_profile

from .models import EmployerProfile, User, WorkerAvailability, WorkerProfile


def user_set_role(*, user: User, role: str) -> User:
    """Give a freshly signed-up user their role and an empty profile to fill in."""
    with transaction.atomic():
        user.role = role
        user.save(update_fields=["role"])
        if role == User.Role.WORKER:
            WorkerProfile.objects.get_or_create(user=user)
    return user


def employer_profile_save(*, user: User, profile: EmployerProfile) -> EmployerProfile:
    """Create or update `user`'s business profile from a validated (unsaved) instance."""
    if not user.is_employer:
        raise PermissionDenied(_("Halaman ini khusus pemilik usaha."))
    profile.user = user
    profile.full_clean()
    profile.save()
    pagecache.bump()  # the business name and logo are on its gigs' cards and pages
    return profile


def worker_profile_save(*, profile: WorkerProfile, availability: list[dict] | None = None) -> WorkerProfile:
    """Save the worker's validated profile and, when given, replace their availability windows.

    A replaced or cleared portfolio PDF is removed from storage once the change is committed.
    """
    old_pdf = ""
    if profile.pk:
        old_pdf = (
            WorkerProfile.objects.filter(pk=profile.pk).values_list("portfolio_pdf", flat=True).first() or ""
        )
    with transaction.atomic():
        profile.full_clean(exclude=["user", "portfolio_pdf"])
        profile.save()
        if availability is not None:
            profile.availability.all().delete()
            WorkerAvailability.objects.bulk_create(
                WorkerAvailability(profile=profile, **w) for w in availability
            )
        alert_sync_profile(worker=profile.user)  # "gigs that fit my profile" follows the profile
    if old_pdf and old_pdf != profile.portfolio_pdf.name:
        storage = profile.portfolio_pdf.storage
        transaction.on_commit(lambda: storage.delete(old_pdf))
    return profile
