"""The anonymous page cache (`listings.pagecache`): served without the database, retired by
the services that change what the pages show, never mixing people or languages."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from listings.applications.services import application_submit
from listings.gigs import services as gig_services
from listings.traffic.services import gig_traffic_flush
from tests import factories

pytestmark = pytest.mark.django_db

SEARCH = "/lowongan/"


@pytest.fixture
def gig():
    return factories.PublishedGigFactory(title="Admin Chat Toko Kue Harian")


def test_a_second_anonymous_visit_costs_no_query(client, gig, django_assert_num_queries):
    api = reverse("api:gig_list")
    urls = ("/", SEARCH, SEARCH + "?q=admin", gig.get_absolute_url(), reverse("listings:gig_feed"), api)
    for url in (*urls, api + "?q=admin", reverse("api:gig_detail", args=[gig.pk])):
        first = client.get(url)
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second.status_code == first.status_code == 200
        assert second.content == first.content or b"csrfmiddlewaretoken" in first.content


def test_publishing_a_gig_shows_it_on_the_next_anonymous_request(
    client, gig, moderator, django_assert_num_queries
):
    assert b"Admin Chat Toko Kue Harian" in client.get(SEARCH).content
    pending = factories.PendingGigFactory(title="Admin Shopee Malam Baru")
    with django_assert_num_queries(0):  # served from the cache: nothing announced a change
        assert b"Admin Shopee Malam Baru" not in client.get(SEARCH).content
    gig_services.gig_approve(gig=pending, by=moderator)
    assert b"Admin Shopee Malam Baru" in client.get(SEARCH).content
    assert b"Admin Shopee Malam Baru" in client.get("/").content
    gig_services.gig_close(gig=pending, by=pending.employer)
    assert b"Admin Shopee Malam Baru" not in client.get(SEARCH).content


def test_an_edit_changes_the_etag_and_304_until_then(client, gig, django_assert_num_queries):
    first = client.get(gig.get_absolute_url())
    etag = first["ETag"]
    with django_assert_num_queries(0):
        assert client.get(gig.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    gig_services.gig_update(gig=gig, by=gig.employer, data={"openings": 7})
    changed = client.get(gig.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert client.get(gig.get_absolute_url(), HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


def test_feeds_answer_conditional_requests(client, gig):
    url = reverse("listings:gig_feed")
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_no_cached_page_shows_someone_else(
    client, client_for, gig, worker, other_worker, django_assert_num_queries
):
    application_submit(gig=gig, worker=worker, message="Saya berminat")
    mine = client_for(worker)
    assert "Keluar" not in client.get(gig.get_absolute_url()).content.decode()  # cached now
    for _ in range(2):  # a signed-in page is neither stored nor served from the cache
        page = mine.get(gig.get_absolute_url()).content.decode()
        assert "Anda sudah melamar." in page and "Keluar" in page
    for visitor in (client, client_for(other_worker)):
        page = visitor.get(gig.get_absolute_url()).content.decode()
        assert "Anda sudah melamar." not in page
        assert worker.worker_profile.display_name not in page
    with django_assert_num_queries(0):
        assert "Keluar" not in client.get(gig.get_absolute_url()).content.decode()
    assert "Keluar" in client_for(other_worker).get(SEARCH).content.decode()
    assert "Keluar" not in client.get(SEARCH).content.decode()


def test_languages_are_cached_apart(gig, django_assert_num_queries):
    indonesian, english = Client(), Client()
    english.cookies["django_language"] = "en"
    assert "Cari lowongan" in indonesian.get(SEARCH).content.decode()
    assert "Find jobs" in english.get(SEARCH).content.decode()
    with django_assert_num_queries(0):
        assert "Find jobs" in english.get(SEARCH).content.decode()
        indonesian_page = indonesian.get(SEARCH).content.decode()
    assert "Cari lowongan" in indonesian_page and "Find jobs" not in indonesian_page


def test_each_visitor_gets_a_working_csrf_token(gig, django_assert_max_num_queries):
    for cached in (False, True):  # the second visitor is served the cached copy
        visitor = Client(enforce_csrf_checks=True)
        with django_assert_max_num_queries(0 if cached else 10):
            page = visitor.get(SEARCH).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        switched = visitor.post(
            reverse("set_language"), {"language": "en", "next": SEARCH, "csrfmiddlewaretoken": token}
        )
        assert switched.status_code == 302


def test_visits_served_from_the_cache_still_count(client, gig, django_assert_num_queries):
    client.get(gig.get_absolute_url())
    client.get(SEARCH)
    with django_assert_num_queries(0):
        for _ in range(2):
            client.get(gig.get_absolute_url())
            client.get(SEARCH)
    gig_traffic_flush()
    gig.refresh_from_db()
    assert gig.view_count == 3
    assert gig.daily_stats.get().impressions == 3
