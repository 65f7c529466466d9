"""Authentication backends that load the signed-in user with what every page reads of them.

Django loads the session's user once per request (`backend.get_user`). These backends load,
in that one query, both profiles (the header, the apply box and most pages read one) and the
number of unread notifications (the header bell), so a signed-in page pays one query for
"who is this" instead of three.

They replace Django's `ModelBackend` and allauth's `AuthenticationBackend` in
`AUTHENTICATION_BACKENDS`; `SessionBackendUpgradeMiddleware` moves sessions that were
started under the old paths to the new ones, so nobody is logged out by the switch.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthAuthenticationBackend
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from listings.messaging.services import inbox_unread_subquery

from .models import User

# Session backend paths from before the switch -> the backend that now serves them.
UPGRADED_PATHS = {
    "django.contrib.auth.backends.ModelBackend": "accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": "accounts.backends.AuthenticationBackend",
}


def session_user(user_id) -> User | None:
    """The user with both profiles and the unread-notification count, in one query."""
    return (
        User._default_manager.select_related("worker_profile", "employer_profile")
        .annotate(inbox_unread_preloaded=inbox_unread_subquery())
        .filter(pk=user_id)
        .first()
    )


class SessionUserMixin:
    def get_user(self, user_id):
        user = session_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(SessionUserMixin, DjangoModelBackend):
    """Email + password (and the login links), as Django's ModelBackend."""


class AuthenticationBackend(SessionUserMixin, AllauthAuthenticationBackend):
    """allauth's backend, as before."""


class SessionBackendUpgradeMiddleware:
    """Point sessions started under a replaced backend path at its replacement (once each)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.session_key is not None:  # a visitor without a session cookie has nothing to move
            path = session.get(BACKEND_SESSION_KEY)
            if path in UPGRADED_PATHS:
                session[BACKEND_SESSION_KEY] = UPGRADED_PATHS[path]
        return self.get_response(request)
