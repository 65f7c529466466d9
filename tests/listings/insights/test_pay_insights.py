"""Pay insights: precomputed medians and middle ranges of the estimated monthly pay."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from listings.insights.selectors import gig_pay_note, pay_benchmarks
from listings.insights.services import MIN_SAMPLE, pay_insights_refresh
from listings.models import Gig, PayInsight
from listings.money import format_rupiah
from listings.pay import per_month
from tests import factories

pytestmark = pytest.mark.django_db


def _daily(pays, **extra):
    return [factories.PublishedGigFactory(pay_model="daily", pay_min=pay, **extra) for pay in pays]


def _row(dimension, value="", pay_model=""):
    return PayInsight.objects.get(dimension=dimension, value=value, pay_model=pay_model)


@pytest.mark.smoke
def test_refresh_stores_median_and_middle_range_of_the_monthly_estimate():
    """Daily pay × 22 days: the figures are percentiles (linear interpolation) of the estimate
    from listings.pay, for the group and for all pay models together."""
    _daily([50_000, 60_000, 70_000, 80_000, 90_000])
    pay_insights_refresh()
    row = _row("all", pay_model="daily")
    assert row.sample_size == 5
    assert (row.p25, row.median, row.p75) == tuple(
        per_month(amount, "daily") for amount in (60_000, 70_000, 80_000)
    )
    assert _row("all").sample_size == 5
    assert _row("channel", "whatsapp", "daily").median == per_month(70_000, "daily")
    assert _row("work_mode", "remote").sample_size == 5


@pytest.mark.smoke
def test_groups_under_the_minimum_sample_are_not_stored():
    _daily([50_000] * (MIN_SAMPLE - 1), work_mode="onsite", city="Medan")
    _daily([70_000] * MIN_SAMPLE, work_mode="onsite", city=" bandung ")
    pay_insights_refresh()
    assert not PayInsight.objects.filter(dimension="city", value="medan").exists()
    assert _row("city", "bandung", "daily").sample_size == MIN_SAMPLE


def test_normalises_across_pay_models_and_keeps_recently_closed_gigs_only():
    """Weekly, monthly and daily gigs land in one monthly figure; gigs closed within 90 days
    count, older closed gigs, drafts and commission gigs without a base do not."""
    factories.PublishedGigFactory(pay_model="weekly", pay_min=600_000)  # 2.6 M / month
    factories.PublishedGigFactory(pay_model="monthly", pay_min=2_000_000)
    _daily([100_000])  # 2.2 M
    factories.ClosedGigFactory(
        pay_model="monthly", pay_min=3_000_000, closed_at=timezone.now() - timedelta(days=10)
    )
    factories.ExpiredGigFactory(pay_model="monthly", pay_min=2_400_000)
    factories.ClosedGigFactory(
        pay_model="monthly", pay_min=9_000_000, closed_at=timezone.now() - timedelta(days=200)
    )
    factories.DraftGigFactory(pay_model="monthly", pay_min=9_000_000)
    factories.PublishedGigFactory(pay_model="commission", pay_min=0, commission_description="5%")
    pay_insights_refresh()
    overall = _row("all")
    assert overall.sample_size == 5
    assert overall.median == 2_400_000


def test_refresh_replaces_the_previous_figures():
    gigs = _daily([80_000] * 5)
    pay_insights_refresh()
    Gig.objects.filter(pk__in=[g.pk for g in gigs[:3]]).update(status="draft")
    pay_insights_refresh()
    assert not PayInsight.objects.exists()


def test_card_note_compares_a_gig_with_its_peers():
    _daily([50_000, 60_000, 70_000, 80_000, 90_000])
    pay_insights_refresh()
    benchmarks = pay_benchmarks()
    low, typical, high = (_daily([pay])[0] for pay in (40_000, 70_000, 120_000))
    for gig, verdict in ((low, "below"), (typical, "typical"), (high, "above")):
        gig.refresh_from_db()
        note = gig_pay_note(gig, benchmarks=benchmarks)
        assert note.verdict == verdict
        assert note.median == per_month(70_000, "daily")
        assert note.url.endswith("?pay_model=daily")
    lonely = factories.PublishedGigFactory(pay_model="hourly", pay_min=20_000)
    lonely.refresh_from_db()
    assert gig_pay_note(lonely, benchmarks=benchmarks) is None


def test_cards_show_the_note_and_the_page_reads_the_figures_once(client, django_assert_max_num_queries):
    _daily([50_000, 60_000, 70_000, 80_000, 90_000] * 4)
    pay_insights_refresh()
    with django_assert_max_num_queries(6):
        html = client.get(reverse("listings:gig_list")).content.decode()
    assert html.count("Gaji wajar untuk lowongan ini?") == 20
    assert "Dalam kisaran umum" in html


def test_pay_insights_page_shows_figures_with_sample_sizes(client, django_assert_max_num_queries):
    _daily([50_000, 60_000, 70_000, 80_000, 90_000], work_mode="onsite", city="Surabaya")
    factories.PublishedGigFactory(pay_model="hourly", pay_min=15_000)
    pay_insights_refresh()
    with django_assert_max_num_queries(4):
        response = client.get(reverse("listings:pay_insights"))
    html = response.content.decode()
    assert response.status_code == 200
    assert format_rupiah(round(per_month(70_000, "daily"), -3)) in html  # the daily median, per month
    assert "Surabaya" in html
    assert "<svg" in html
    assert '<th scope="row">Per jam' not in html  # one hourly gig: under the minimum sample
    assert '<th scope="row">Harian' in html


def test_pay_insights_filter_by_pay_model_and_bad_input(client):
    _daily([50_000, 60_000, 70_000, 80_000, 90_000], work_mode="onsite", city="Surabaya")
    pay_insights_refresh()
    html = client.get(reverse("listings:pay_insights"), {"pay_model": "daily"}).content.decode()
    assert "Surabaya" in html
    assert (
        "Surabaya"
        not in client.get(reverse("listings:pay_insights"), {"pay_model": "weekly"}).content.decode()
    )
    bad = client.get(reverse("listings:pay_insights"), {"pay_model": "<script>"})
    assert bad.status_code == 200
    assert "Pilih sistem gaji dari daftar." in bad.content.decode()


def test_empty_board_explains_why_there_are_no_figures(client):
    html = client.get(reverse("listings:pay_insights")).content.decode()
    assert "Belum cukup lowongan" in html


def test_beat_task_refreshes_the_table():
    from listings.insights.tasks import refresh_pay_insights

    _daily([70_000] * 5)
    assert refresh_pay_insights.delay().get() > 0
    assert PayInsight.objects.filter(dimension="all").exists()
