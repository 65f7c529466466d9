from django.db import transaction

from .models import EmployerProfile, User, WorkerProfile


def user_set_role(*, user: User, role: str) -> User:
    """Give a freshly signed-up user their role and an empty profile to fill in."""
    with transaction.atomic():
        user.role = role
        user.save(update_fields=["role"])
        if role == User.Role.WORKER:
            WorkerProfile.objects.get_or_create(user=user)
    return user


def employer_profile_save(*, user: User, data: dict) -> EmployerProfile:
    """Create or update the employer's business profile."""
    profile = EmployerProfile.objects.filter(user=user).first() or EmployerProfile(user=user)
    for key, value in data.items():
        setattr(profile, key, value)
    profile.full_clean()
    profile.save()
    return profile
