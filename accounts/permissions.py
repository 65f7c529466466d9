"""One permission vocabulary for views: who may open a page is said with `role_required`;
whose rows they see is said with queryset scoping (`Gig.objects.visible_to(user)`, …).

A signed-in user of the wrong role gets a 404, the same answer as for somebody else's gig
or application, so a page never tells whether it exists for another role.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from .models import User

WORKER = User.Role.WORKER
EMPLOYER = User.Role.EMPLOYER
MODERATOR = User.Role.MODERATOR


def has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if role == MODERATOR:
        return user.is_moderator
    return user.role == role and not user.is_moderator


def role_required(*roles: str):
    """Anonymous visitors are sent to log in; other roles get a 404."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not any(has_role(request.user, role) for role in roles):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
