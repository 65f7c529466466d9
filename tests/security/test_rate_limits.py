"""Brute force and flooding are cut off, with an Indonesian explanation (429 or lockout).

tests/conftest.py empties the cache (where the counters live) before every test."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests import factories
from tests.listings.test_views_employer import gig_post

TOO_MANY = "Terlalu banyak percobaan"


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.django_db
def test_axes_locks_the_account_out_for_this_address_after_ten_failures(client, worker, settings):
    """django-axes is the second line (allauth's per-account limit off here): ten failures
    from one address lock the account out there with a 429 in Indonesian."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": None}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, worker.email, "salah-sandi")
    response = _login(client, worker.email, factories.PASSWORD)
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_signup_floods_from_one_address_get_429(client):
    """Twenty signup attempts a minute per address; the next one is a 429 page."""
    url = reverse("account_signup")
    for i in range(20):
        assert client.post(url, {"email": f"bot{i}@contoh.id"}).status_code == 200
    response = client.post(url, {"email": "bot-final@contoh.id"})
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()


@pytest.mark.django_db
def test_password_reset_requests_for_one_email_are_limited(client, worker):
    """Five reset emails a minute for one address, then a 429: no mail-bombing a user."""
    url = reverse("account_reset_password")
    for _ in range(5):
        assert client.post(url, {"email": worker.email}).status_code == 302
    response = client.post(url, {"email": worker.email})
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert len(mail.outbox) == 5


def _page_text(response, email: str) -> str:
    """The page minus what legitimately differs: the email typed in and the CSRF token."""
    html = response.content.decode().replace(email, "")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_account_exists(client, worker):
    """A known and an unknown email get the same answer; the owner of an unknown address
    is told there is no account (by email, not on the page)."""
    url = reverse("account_reset_password")
    known = client.post(url, {"email": worker.email}, follow=True)
    unknown = client.post(url, {"email": "tidak-terdaftar@contoh.id"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert _page_text(known, worker.email) == _page_text(unknown, "tidak-terdaftar@contoh.id")
    assert [m.to for m in mail.outbox] == [[worker.email], ["tidak-terdaftar@contoh.id"]]


@pytest.mark.django_db
def test_reports_are_limited_per_user(client_for, worker):
    """Ten reports an hour per user; the eleventh is a 429 and creates nothing."""
    gigs = factories.PublishedGigFactory.create_batch(11)
    client = client_for(worker)
    for gig in gigs[:10]:
        url = reverse("listings:gig_report", args=[gig.pk, gig.slug])
        assert client.post(url, {"reason": "other"}).status_code == 302
    last = gigs[10]
    response = client.post(reverse("listings:gig_report", args=[last.pk, last.slug]), {"reason": "other"})
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert not last.reports.exists()


@pytest.mark.django_db
def test_gig_posting_is_limited_per_employer(client_for, employer):
    """Twenty gigs posted an hour per employer, then a 429 that keeps the form as typed.
    Submissions sent back with errors do not count."""
    client = client_for(employer)
    url = reverse("listings:gig_create")
    assert client.post(url, {"title": "x"}).status_code == 200
    for n in range(20):
        assert client.post(url, gig_post(title=f"Admin Olshop {n}")).status_code == 302
    response = client.post(url, gig_post(title="Admin Olshop Kelebihan"))
    assert response.status_code == 429
    assert "Isian Anda masih di sini" in response.content.decode()


@pytest.mark.django_db
def test_applications_are_limited_per_worker(client_for, worker, settings):
    """A worker sends at most APPLICATION_RATE applications an hour (default 30/h); the next
    one is a 429 and creates nothing."""
    allowed = int(settings.APPLICATION_RATE.split("/")[0])
    gigs = factories.PublishedGigFactory.create_batch(allowed + 1)
    client = client_for(worker)
    for gig in gigs[:allowed]:
        assert (
            client.post(reverse("listings:apply", args=[gig.pk, gig.slug]), {"message": "Halo"}).status_code
            == 302
        )
    last = gigs[allowed]
    response = client.post(reverse("listings:apply", args=[last.pk, last.slug]), {"message": "Halo"})
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert not last.applications.exists()
