"""Login, signup and session hardening beyond rate limits: CSRF, open redirects, enumeration."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests import factories


@pytest.mark.django_db
def test_state_changing_posts_without_a_csrf_token_are_refused(employer, worker):
    """Login, gig posting and reporting all need the CSRF token a real form carries."""
    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.post(
        reverse("account_login"), {"login": worker.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in anonymous.session

    owner = Client(enforce_csrf_checks=True)
    owner.force_login(employer)
    assert owner.post(reverse("listings:gig_create"), {"title": "x"}).status_code == 403

    gig = factories.PublishedGigFactory()
    reporter = Client(enforce_csrf_checks=True)
    reporter.force_login(worker)
    url = reverse("listings:gig_report", args=[gig.pk, gig.slug])
    assert reporter.post(url, {"reason": "other"}).status_code == 403
    assert not gig.reports.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/phish", "//evil.example/", "https:evil.example"])
def test_login_never_redirects_off_site(client, worker, target):
    """A crafted ?next= pointing elsewhere is ignored after login."""
    response = client.post(
        reverse("account_login") + f"?next={target}", {"login": worker.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert client.session["_auth_user_id"] == str(worker.pk)


@pytest.mark.django_db
def test_signing_up_with_a_taken_email_looks_the_same_and_tells_only_the_owner(client, worker):
    """No account enumeration on signup: the page is the usual "check your email", and the
    existing owner (not the visitor) gets a mail about the attempt. No second account."""
    data = {"email": worker.email, "password1": "Sandi-Baru-1234", "password2": "Sandi-Baru-1234"}
    response = client.post(reverse("account_signup"), {**data, "role": "worker"})
    fresh = Client().post(
        reverse("account_signup"), {**data, "email": "orang.baru@contoh.id", "role": "worker"}
    )
    assert response.status_code == fresh.status_code == 302
    assert response["Location"] == fresh["Location"]
    assert [m.to for m in mail.outbox] == [[worker.email], ["orang.baru@contoh.id"]]
    assert type(worker).objects.filter(email=worker.email).count() == 1


@pytest.mark.django_db
def test_logout_needs_a_post(client_for, worker):
    """A GET to the logout URL (e.g. an <img> on another site) does not log anyone out."""
    client = client_for(worker)
    client.get(reverse("account_logout"))
    assert client.session["_auth_user_id"] == str(worker.pk)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_session_cookie_is_not_readable_by_script_and_stays_first_party(client, worker):
    """The session cookie is HttpOnly and SameSite=Lax."""
    client.post(reverse("account_login"), {"login": worker.email, "password": factories.PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_a_banned_employer_is_signed_out_everywhere_and_cannot_sign_in(client_for, employer, moderator):
    """A ban takes effect at once: the open session stops working and the password no longer
    signs in."""
    from listings.trust.services import employer_ban

    session = client_for(employer)
    assert session.get(reverse("listings:my_gigs")).status_code == 200
    employer_ban(user=employer, by=moderator, reason="Minta biaya pendaftaran")
    response = session.get(reverse("listings:my_gigs"))
    assert response.status_code == 302 and "/akun/login/" in response["Location"]
    fresh = Client()
    fresh.post(reverse("account_login"), {"login": employer.email, "password": factories.PASSWORD})
    assert "_auth_user_id" not in fresh.session
