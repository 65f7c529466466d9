"""One rule for the client's address (TRUSTED_PROXY_COUNT): a forged X-Forwarded-For gets
nobody a fresh rate limit, in DRF's throttle, allauth, axes and django-ratelimit alike."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

REAL = "198.51.100.20"


def _forged(n: int) -> str:
    return f"10.{n}.{n}.{n}"


@pytest.fixture
def api_rate(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_bypass_the_api_throttle(client, api_rate):
    """No proxy configured: the header is ignored and the socket address is throttled."""
    url = "/api/v1/gigs/"
    statuses = [
        client.get(url, REMOTE_ADDR=REAL, HTTP_X_FORWARDED_FOR=_forged(n)).status_code for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.django_db
def test_behind_one_proxy_the_address_the_proxy_saw_is_the_client(client, api_rate, settings):
    """TRUSTED_PROXY_COUNT=1: only the right-most X-Forwarded-For entry counts; what the client
    wrote to its left is ignored, and another real client has its own allowance."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "127.0.0.1"
    for n in range(3):
        forwarded = f"{_forged(n)}, {REAL}"
        assert (
            client.get("/api/v1/gigs/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded).status_code == 200
        )
    blocked = client.get("/api/v1/gigs/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"{_forged(9)}, {REAL}")
    assert blocked.status_code == 429
    other = client.get("/api/v1/gigs/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert other.status_code == 200


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_bypass_allauths_signup_limit():
    """allauth's 20 signups a minute per address hold against a rotating header."""
    url = reverse("account_signup")
    statuses = [
        Client().post(url, {"email": f"bot{n}@contoh.id"}, REMOTE_ADDR=REAL, HTTP_X_FORWARDED_FOR=_forged(n))
        for n in range(21)
    ]
    assert [r.status_code for r in statuses][-1] == 429


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_bypass_django_ratelimit():
    """django-ratelimit's per-address limit (the login-link form, 20/h) holds too."""
    url = reverse("accounts:login_link_request")
    statuses = [
        Client()
        .post(url, {"email": f"orang{n}@contoh.id"}, REMOTE_ADDR=REAL, HTTP_X_FORWARDED_FOR=_forged(n))
        .status_code
        for n in range(21)
    ]
    assert statuses[:20] == [200] * 20
    assert statuses[20] == 429


@pytest.mark.django_db
@pytest.mark.parametrize(("proxies", "expected"), [(0, REAL), (1, "203.0.113.50")])
def test_axes_records_the_same_client_address(worker, settings, proxies, expected):
    """Axes keys lockouts on the address the one rule gives."""
    settings.TRUSTED_PROXY_COUNT = proxies
    Client().post(
        reverse("account_login"),
        {"login": worker.email, "password": "salah"},
        REMOTE_ADDR=REAL,
        HTTP_X_FORWARDED_FOR=f"{_forged(1)}, 203.0.113.50",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [expected]
