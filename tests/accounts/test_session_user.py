"""The session user is loaded with both profiles and the unread count in one query
(`accounts.backends`), and sessions started under the replaced backends stay signed in."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.urls import reverse

from listings.messaging.services import inbox_item_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "old_path",
    ["django.contrib.auth.backends.ModelBackend", "allauth.account.auth_backends.AuthenticationBackend"],
)
def test_a_session_from_before_the_switch_stays_signed_in(client, worker, old_path):
    client.force_login(worker)
    session = client.session
    session[BACKEND_SESSION_KEY] = old_path
    session.save()
    page = client.get(reverse("listings:my_applications"))
    assert page.status_code == 200 and "Keluar" in page.content.decode()
    assert client.session[BACKEND_SESSION_KEY].startswith("accounts.backends.")


def test_the_header_bell_costs_no_query_of_its_own(client_for, worker, django_assert_num_queries):
    for n in range(3):
        inbox_item_create(user=worker, kind="match", code="match", params={"title": f"Lowongan {n}"})
    client = client_for(worker)
    with django_assert_num_queries(1):  # the user, with profile and unread count
        page = client.get(reverse("accounts:terms")).content.decode()
    assert 'class="badge badge-count"' in page and ">3</span>" in page


def test_the_inbox_page_header_counts_what_is_left_unread(client_for, worker):
    for n in range(3):
        inbox_item_create(user=worker, kind="match", code="match", params={"title": f"Lowongan {n}"})
    client = client_for(worker)
    inbox = client.get(reverse("listings:inbox")).content.decode()
    assert 'class="badge badge-count"' not in inbox  # shown, so read, on this very page
    assert 'class="badge badge-count"' not in client.get("/").content.decode()
