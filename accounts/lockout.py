"""Login brute force: which account an attempt is for, when it is locked, and what a locked
visitor sees (see the hardening block of jobboard/settings.py).

django-axes records each failure per (account, address). An account is locked for one address
after AXES_FAILURE_LIMIT failures there, and for every address once all addresses together
reach LOGIN_ACCOUNT_FAILURE_LIMIT, so neither one address nor many rotating ones can keep
guessing. While locked, even the right password is refused; the owner can ask for a one-time
sign-in link by email instead (`accounts.login_links`).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .forms import LoginLinkForm

# allauth's form posts `login`, the admin's `username`; authenticate() receives `email` (allauth)
# or `username` (admin, axes' own calls).
USERNAME_KEYS = ("login", "email", "username")


def login_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the account an attempt is for, whichever login form sent it."""
    sources = [credentials or {}, getattr(request, "POST", None) or {}]
    for source in sources:
        for key in USERNAME_KEYS:
            value = source.get(key)
            if value:
                return str(value).strip().lower()
    return None


def account_failures(*, username: str, request: HttpRequest | None = None) -> int:
    """Failed logins for this account from all addresses within the cool-off window."""
    total = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=get_cool_off_threshold(request)
    ).aggregate(n=Sum("failures_since_start"))["n"]
    return total or 0


class AccountLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, plus the account-wide limit across addresses."""

    def get_failures(self, request, credentials=None) -> int:
        here = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if username and account_failures(username=username, request=request) >= (
            settings.LOGIN_ACCOUNT_FAILURE_LIMIT
        ):
            return max(here, get_failure_limit(request, credentials))
        return here


def locked_out_response(request: HttpRequest, *args) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: a 429 page in Indonesian that offers the emailed sign-in link."""
    form = LoginLinkForm(initial={"email": login_username(request) or ""})
    return render(request, "accounts/locked_out.html", {"form": form}, status=429)
