"""One-time sign-in links by email: the way in for an owner whose account is locked.

A link is a signed token (django.core.signing, LOGIN_LINK_MAX_AGE) over the account id and a
fingerprint of its password hash and last login. Signing in updates last_login, so a link
works once; changing the password voids it too.
"""

from django.conf import settings
from django.contrib.auth import login
from django.core import signing
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import User

SALT = "accounts.login_link"
BACKEND = "accounts.backends.ModelBackend"


def _fingerprint(user: User) -> str:
    return salted_hmac(SALT, f"{user.pk}|{user.password}|{user.last_login}").hexdigest()[:24]


def _signable() -> QuerySet[User]:
    return User.objects.filter(is_active=True, banned_at__isnull=True)


def login_link_token(*, user: User) -> str:
    return signing.dumps({"u": user.pk, "f": _fingerprint(user)}, salt=SALT)


def login_link_user(*, token: str) -> User | None:
    """The account a link signs in, or None when it is forged, expired, used or revoked."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.LOGIN_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user = _signable().filter(pk=data.get("u")).first()
    if user is None or not constant_time_compare(str(data.get("f", "")), _fingerprint(user)):
        return None
    return user


def login_link_send(*, email: str) -> None:
    """Email a sign-in link to the active account with this address, if there is one.

    The caller answers the same either way, so the page does not say whether it exists.
    """
    user = _signable().filter(email__iexact=email.strip()).first()
    if user is None:
        return
    context = {
        "user": user,
        "url": settings.SITE_URL + reverse("accounts:login_link", args=[login_link_token(user=user)]),
        "minutes": settings.LOGIN_LINK_MAX_AGE // 60,
    }
    send_mail(
        subject=render_to_string("emails/login_link_subject.txt", context).strip(),
        message=render_to_string("emails/login_link.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


def login_link_use(*, request: HttpRequest, token: str) -> User | None:
    """Sign the link's account in on this request; None when the link is no good."""
    user = login_link_user(token=token)
    if user is None:
        return None
    login(request, user, backend=BACKEND)
    return user
