import json
import re

import pytest
from django.urls import reverse

from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db

HIDDEN = [s for s in GigStatus if s != GigStatus.PUBLISHED]


@pytest.mark.smoke
def test_home_and_list_show_published_gigs_with_readable_pay(client):
    factories.PublishedGigFactory(title="Admin Shopee Harian", pay_model="daily", pay_min=75_000)
    factories.PendingGigFactory(title="Rahasia Pending")
    for url in (reverse("listings:home"), reverse("listings:gig_list")):
        html = client.get(url).content.decode()
        assert "Admin Shopee Harian" in html
        assert "Rp 75.000 / hari" in html
        assert "Rahasia Pending" not in html


@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_gigs_are_404_to_others(status, client_for, worker, other_employer):
    gig = factories.DraftGigFactory(status=status)
    for user in (None, worker, other_employer):
        assert client_for(user).get(gig.get_absolute_url()).status_code == 404


def test_unpublished_gig_visible_to_owner_and_moderator(client_for, employer, moderator):
    gig = factories.RejectedGigFactory(employer=employer, rejection_reason="Gaji tidak jelas.")
    owner_html = client_for(employer).get(gig.get_absolute_url()).content.decode()
    assert "Gaji tidak jelas." in owner_html
    assert client_for(moderator).get(gig.get_absolute_url()).status_code == 200


def test_expired_by_date_is_hidden_even_if_still_published(client):
    from datetime import timedelta

    from django.utils import timezone

    gig = factories.PublishedGigFactory(expires_at=timezone.now() - timedelta(minutes=1))
    # Its page says it has ended (410, see tests/listings/discovery); it is off the list.
    assert client.get(gig.get_absolute_url()).status_code == 410
    assert gig.title not in client.get(reverse("listings:gig_list")).content.decode()


def test_detail_has_jobposting_jsonld_with_escaped_user_text(client):
    gig = factories.PublishedGigFactory(
        title="Admin </script><script>alert(1)</script>", pay_model="monthly", pay_min=2_000_000
    )
    response = client.get(gig.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "JobPosting"
    assert data["title"] == gig.title
    assert data["baseSalary"]["currency"] == "IDR"
    assert data["baseSalary"]["value"]["unitText"] == "MONTH"


def test_wrong_slug_redirects_to_canonical(client):
    gig = factories.PublishedGigFactory()
    response = client.get(reverse("listings:gig_detail", args=[gig.pk, "salah"]))
    assert response.status_code == 301
    assert response["Location"] == gig.get_absolute_url()


def test_list_query_count_does_not_grow_with_gigs(client, django_assert_max_num_queries):
    factories.PublishedGigFactory.create_batch(25)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("listings:gig_list"))
    assert response.status_code == 200


def test_bad_filter_values_are_ignored_not_500(client):
    response = client.get(reverse("listings:gig_list"), {"pay_model": "<bad>", "page": "abc"})
    assert response.status_code == 200


def test_language_switch_to_english(client):
    factories.PublishedGigFactory()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_indonesian_is_the_default_even_for_english_browsers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="id"' in response.content.decode()
    assert response["Content-Language"] == "id"


def test_time_windows_are_summarised_by_day_runs():
    from datetime import time

    from listings.models import GigTimeWindow

    gig = factories.PublishedGigFactory()
    for day in (0, 1, 2, 3, 4):
        GigTimeWindow.objects.create(gig=gig, day=day, start=time(9), end=time(13))
    GigTimeWindow.objects.create(gig=gig, day=6, start=time(22), end=time(2))
    assert gig.time_window_summary() == ["Senin–Jumat 09:00–13:00", "Minggu 22:00–02:00"]
