"""Employer insights: impressions and views counted in batches, the owner's dashboard."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from listings.applications import services as applications
from listings.models import GigDailyStat
from listings.traffic import counters
from listings.traffic.selectors import owner_dashboard
from listings.traffic.services import gig_traffic_flush
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_counter_keys(settings):
    settings.TRAFFIC_COUNTER_PREFIX = f"test-traffic:{uuid.uuid4().hex}"


@pytest.fixture(params=["redis", "in-process"])
def backend(request, settings):
    """Both counter backends: Redis (REDIS_URL) and the quick start's in-process buffer."""
    if request.param == "in-process":
        settings.REDIS_URL = ""
    elif not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set")
    return request.param


def _stat(gig):
    return GigDailyStat.objects.get(gig=gig, day=timezone.localdate())


def test_search_results_count_impressions_and_detail_views_are_flushed_in_batches(backend, client, worker):
    gigs = [factories.PublishedGigFactory() for _ in range(3)]
    client.get(reverse("listings:gig_list"))
    client.get(reverse("listings:gig_list"), {"q": "admin"})
    client.get(gigs[0].get_absolute_url())
    client.get(gigs[0].get_absolute_url())
    assert not GigDailyStat.objects.exists()  # nothing written per request
    assert gig_traffic_flush() == 3
    assert (_stat(gigs[0]).impressions, _stat(gigs[0]).views) == (2, 2)
    assert (_stat(gigs[1]).impressions, _stat(gigs[1]).views) == (2, 0)
    gigs[0].refresh_from_db()
    assert gigs[0].view_count == 2
    client.get(gigs[0].get_absolute_url())
    gig_traffic_flush()
    assert _stat(gigs[0]).views == 3  # added to the day's row, not replacing it
    assert gig_traffic_flush() == 0  # each hit is written once


def test_owner_views_of_their_own_gig_are_not_counted(backend, client_for, employer):
    gig = factories.PublishedGigFactory(employer=employer)
    client_for(employer).get(gig.get_absolute_url())
    gig_traffic_flush()
    assert not GigDailyStat.objects.filter(gig=gig, views__gt=0).exists()


def test_hits_of_a_deleted_gig_are_dropped_without_failing_the_flush(backend):
    gig = factories.PublishedGigFactory()
    kept = factories.PublishedGigFactory()
    counters.record(impressions=[gig.pk, kept.pk])
    gig.delete()
    assert gig_traffic_flush() == 1
    assert _stat(kept).impressions == 1


def test_counts_survive_a_failed_database_write(settings):
    """The Redis hash is renamed, not deleted, before the write: if the write fails the counts
    are drained again by the next run."""
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set")
    gig = factories.PublishedGigFactory()
    counters.record(views=[gig.pk, gig.pk])
    counts, keys = counters.drain()  # a flush that died before storing anything
    assert keys
    assert gig_traffic_flush() == 1
    assert _stat(gig).views == 2


def test_dashboard_shows_each_gig_per_day(employer, client_for, django_assert_max_num_queries):
    gig = factories.PublishedGigFactory(employer=employer, title="Admin Tokopedia Malam")
    other = factories.PublishedGigFactory(title="Lowongan Orang Lain")
    today = timezone.localdate()
    GigDailyStat.objects.create(gig=gig, day=today - timedelta(days=2), impressions=40, views=9)
    GigDailyStat.objects.create(gig=gig, day=today, impressions=10, views=1)
    GigDailyStat.objects.create(gig=gig, day=today - timedelta(days=40), impressions=999, views=999)
    GigDailyStat.objects.create(gig=other, day=today, impressions=77, views=77)
    picked = [
        applications.application_submit(gig=gig, worker=factories.WorkerFactory(), message="Halo")
        for _ in range(4)
    ]
    applications.application_shortlist(application=picked[0], by=employer)
    dashboard = owner_dashboard(user=employer)
    insight = dashboard.gigs[0]
    assert (insight.impressions.total, insight.views.total, insight.applications.total) == (50, 10, 4)
    assert insight.impressions.values[-3:] == [40, 0, 10]
    assert insight.rate_percent == 25
    assert insight.shortlist_rate.values[-1] == 25.0
    assert dashboard.overall.impressions.total == 50
    for _ in range(5):
        factories.PublishedGigFactory(employer=employer)
    client = client_for(employer)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("listings:owner_insights"))
    html = response.content.decode()
    assert "Admin Tokopedia Malam" in html
    assert "Lowongan Orang Lain" not in html
    assert "<polyline" in html
    assert "25%" in html


def test_sparkline_geometry_is_scaled_to_the_peak():
    from listings.traffic.selectors import Series

    assert Series([0, 5, 10]).points == "0,22 1,12 2,2"
    assert Series([0, 5, 10]).width == 2
    assert Series([0, 0]).points == "0,22 1,22"


def test_beat_task_flushes(backend):
    from listings.traffic.tasks import flush_gig_traffic

    gig = factories.PublishedGigFactory()
    counters.record(impressions=[gig.pk])
    assert flush_gig_traffic.delay().get() == 1
