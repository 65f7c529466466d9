"""Login brute force, site and admin: locked per account (per address, and across addresses),
a locked attempt is refused even with the right password, and the owner gets in through a
one-time emailed link. Axes counts in PostgreSQL; addresses are test-client REMOTE_ADDRs."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests import factories

TOO_MANY = "Terlalu banyak percobaan"
WRONG = "salah-sandi"


def _site_login(client, email, password, ip="198.51.100.7"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def _admin_login(client, email, password, ip="198.51.100.7"):
    return client.post(
        reverse("admin:login"), {"username": email, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("login", [_site_login, _admin_login], ids=["site", "admin"])
def test_a_locked_account_is_refused_even_with_the_right_password(login, moderator, settings):
    """After AXES_FAILURE_LIMIT wrong passwords from one address, the right one gets the same
    429 as a wrong one: the answer no longer tells which guess was right."""
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, moderator.email, WRONG)
    wrong = login(client, moderator.email, WRONG)
    right = login(client, moderator.email, factories.PASSWORD)
    assert wrong.status_code == right.status_code == 429
    assert TOO_MANY in right.content.decode()
    assert not _signed_in(client)


@pytest.mark.django_db
@pytest.mark.parametrize("login", [_site_login, _admin_login], ids=["site", "admin"])
def test_guessing_from_rotating_addresses_locks_the_account_everywhere(login, moderator, settings):
    """A botnet gets LOGIN_ACCOUNT_FAILURE_LIMIT guesses per account in all, not per address."""
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 8
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": None}
    for n in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT):
        login(Client(), moderator.email, WRONG, ip=f"203.0.113.{n + 1}")
    fresh = Client()
    response = login(fresh, moderator.email, factories.PASSWORD, ip="192.0.2.200")
    assert response.status_code == 429
    assert not _signed_in(fresh)


@pytest.mark.django_db
def test_admin_guesses_are_recorded_against_the_account(moderator):
    """The admin form posts `username`; the failure is recorded under that account."""
    from axes.models import AccessAttempt

    _admin_login(Client(), moderator.email.upper(), WRONG)
    assert AccessAttempt.objects.filter(username=moderator.email).exists()


@pytest.mark.django_db
def test_someone_elses_failures_do_not_lock_the_owner_out(worker, settings):
    """Wrong passwords from the attacker's address lock only that address: the owner, from
    their own address, still signs in with their password."""
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        _site_login(attacker, worker.email, WRONG, ip="203.0.113.66")
    owner = Client()
    response = _site_login(owner, worker.email, factories.PASSWORD, ip="192.0.2.10")
    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(worker.pk)


def _without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _link_from(message) -> str:
    return re.search(r"https?://[^/\s]+(/masuk/link/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_a_locked_out_owner_gets_in_with_a_one_time_emailed_link(worker, settings):
    """The lockout page offers a link by email; the link shows a button (a mail scanner's GET
    signs nobody in), the POST signs in, and the same link does not work twice."""
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _site_login(client, worker.email, WRONG)
    locked = _site_login(client, worker.email, factories.PASSWORD)
    assert locked.status_code == 429
    assert reverse("accounts:login_link_request") in locked.content.decode()

    sent = client.post(reverse("accounts:login_link_request"), {"email": worker.email})
    assert sent.status_code == 200
    assert [m.to for m in mail.outbox] == [[worker.email]]
    path = _link_from(mail.outbox[0])

    assert client.get(path).status_code == 200
    assert not _signed_in(client)
    response = client.post(path)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(worker.pk)

    again = Client()
    assert again.post(path).status_code == 400
    assert not _signed_in(again)


@pytest.mark.django_db
def test_asking_for_a_link_does_not_reveal_whether_the_account_exists(client, worker):
    """Known and unknown addresses get the same page; only a real account gets mail."""
    known = client.post(reverse("accounts:login_link_request"), {"email": worker.email})
    unknown = client.post(reverse("accounts:login_link_request"), {"email": "tidak-ada@contoh.id"})
    assert known.status_code == unknown.status_code == 200
    assert _without_csrf(known) == _without_csrf(unknown)
    assert [m.to for m in mail.outbox] == [[worker.email]]


@pytest.mark.django_db
def test_forged_or_banned_links_sign_nobody_in(client, employer, moderator):
    """A tampered token, or a link to an account banned since, is refused."""
    from accounts.login_links import login_link_token
    from listings.trust.services import employer_ban

    token = login_link_token(user=employer)
    assert client.post(reverse("accounts:login_link", args=[token[:-2] + "xx"])).status_code == 400
    employer_ban(user=employer, by=moderator, reason="Penipuan")
    assert client.post(reverse("accounts:login_link", args=[token])).status_code == 400
    assert not _signed_in(client)


@pytest.mark.django_db
def test_sign_in_links_for_one_address_are_limited(worker):
    """Five links an hour per email address, from anywhere; then a 429 and no more mail."""
    url = reverse("accounts:login_link_request")
    statuses = [
        Client().post(url, {"email": worker.email.upper()}, REMOTE_ADDR=f"203.0.113.{n + 1}").status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    assert len(mail.outbox) == 5
