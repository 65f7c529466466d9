"""Ranking and combined filters of `search_gigs` on small crafted data."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from listings.models import Gig
from listings.search import search_gigs
from listings.search.engine import city_q
from tests import factories


def gig(title, **kwargs):
    defaults = {
        "description": "Membalas chat pembeli.",
        "channels": ["whatsapp"],
        "duties": ["customer_chat"],
    }
    return factories.PublishedGigFactory(title=title, **{**defaults, **kwargs})


@pytest.fixture
def board(db):
    now = timezone.now()
    return {
        "remote_night": gig("CS Malam Toko Hijab", work_mode="remote", schedule=["night"], published_at=now),
        "remote_day": gig("CS Toko Hijab", work_mode="remote", schedule=["full_time"], published_at=now),
        "onsite_night": gig(
            "Kasir Malam", work_mode="onsite", city="Bandung", schedule=["night"], published_at=now
        ),
        "bandung_olshop": gig(
            "Admin Olshop Bandung",
            description="Admin toko online.",
            work_mode="onsite",
            city="Bandung",
            schedule=["part_time"],
            published_at=now - timedelta(days=20),
        ),
        "hourly_wa": gig(
            "Admin Chat", pay_model="hourly", pay_min=25_000, work_mode="remote", schedule=["shift"]
        ),
        "monthly_big": gig(
            "Admin Gudang",
            description="Update stok.",
            pay_model="monthly",
            pay_min=4_000_000,
            work_mode="onsite",
            city="Jakarta Selatan",
            duties=["stock_update"],
            channels=["phone"],
        ),
    }


def titles(params):
    return [g.title for g in search_gigs(params)]


def test_gig_matching_every_concept_ranks_first(board):
    """ "cs wfh malam": remote + night beats remote-only and night-only gigs."""
    results = titles({"q": "cs wfh malam"})
    assert results[0] == "CS Malam Toko Hijab"
    assert {"CS Toko Hijab", "Kasir Malam"} <= set(results[1:4])


def test_typo_query_finds_the_same_gigs(board):
    """ "custumer servis malam" ranks the night CS gig first, like the correct spelling."""
    assert titles({"q": "custumer servis malam"})[0] == titles({"q": "customer service malam"})[0]


def test_city_and_slang_rank_city_match_first(board):
    """ "admin olshop bandung": the Bandung online-shop gig first, although older."""
    assert titles({"q": "admin olshop bandung"})[0] == "Admin Olshop Bandung"


def test_ties_break_by_newest_then_id(board):
    """Equal scores order by published_at desc, then id desc: pages are stable."""
    same = [
        gig("Admin Tiktok", channels=["tiktok_shop"], published_at=board["remote_day"].published_at)
        for _ in "ab"
    ]
    results = [g.pk for g in search_gigs({"q": "tiktok"})]
    assert results[:2] == sorted((g.pk for g in same), reverse=True)


def test_filters_combine_with_and(board):
    """Structured filters all apply: remote AND hourly AND WhatsApp."""
    assert titles({"work_mode": "remote", "pay_model": "hourly", "channel": ["whatsapp"]}) == ["Admin Chat"]
    assert titles({"work_mode": "onsite", "city": "bandung", "schedule": ["night", "part_time"]}) == [
        "Kasir Malam",
        "Admin Olshop Bandung",
    ]


def test_city_filter_includes_districts_and_aliases(board):
    """City "jakarta" finds "Jakarta Selatan"; "jogja" is Yogyakarta."""
    assert titles({"city": "jakarta"}) == ["Admin Gudang"]
    assert titles({"city": "jogja"}) == []


def test_min_pay_uses_unit_of_pay_model_or_monthly_estimate(board):
    """min_pay compares pay_min within a pay model, else the estimated monthly pay."""
    assert titles({"pay_model": "hourly", "min_pay": 20_000}) == ["Admin Chat"]
    assert "Admin Gudang" in titles({"min_pay": 3_500_000})
    assert "Admin Chat" not in titles({"min_pay": 3_500_000})


def test_sort_by_estimated_pay(board):
    """sort=pay orders by estimated monthly pay, highest first."""
    results = list(search_gigs({"sort": "pay"}))
    estimates = [g.pay_estimate_month for g in results]
    assert estimates == sorted(estimates, reverse=True)
    assert results[0].title == "Admin Gudang"


def test_exclusion_and_no_match(board):
    """ "-shopee"-style exclusions drop gigs; nonsense words find nothing."""
    assert "Kasir Malam" not in titles({"q": "malam -bandung"})
    assert titles({"q": "qwertyzxcv"}) == []


def test_search_runs_in_two_queries(board, django_assert_num_queries):
    """Ranking window ids, then ranked gigs with card data (employer + profile) in one query."""
    with django_assert_num_queries(2):
        results = list(search_gigs({"q": "cs wfh malam", "channel": ["whatsapp"]}))
        [g.employer.employer_profile.business_name for g in results]


@pytest.mark.smoke
def test_sqlite_fallback_gives_sensible_results(board):
    """The same API works on both databases; the best match leads."""
    assert titles({"q": "cs wfh malam"})[0] == "CS Malam Toko Hijab"
    assert titles({"q": "admin olshop bandung"})[0] == "Admin Olshop Bandung"


def newer_remote_gigs(now, count=4):
    """Remote full-time gigs of the last hours: they fill a small window (matching "wfh")."""
    return [
        gig(
            f"Admin Gudang {h}",
            work_mode="remote",
            schedule=["full_time"],
            published_at=now - timedelta(hours=h),
        )
        for h in range(count)
    ]


def test_best_match_outside_the_newest_window_still_ranks_first(db, monkeypatch):
    """A broad query ranks the best gigs of the whole board, not only its newest matches:
    an older gig matching every word beats newer gigs matching one, past the window."""
    monkeypatch.setattr("listings.search.RANK_WINDOW", 2)
    now = timezone.now()
    best = gig(
        "CS Malam WFH Toko Hijab",
        work_mode="remote",
        schedule=["night"],
        published_at=now - timedelta(days=9),
    )
    newer_remote_gigs(now)
    results = search_gigs({"q": "cs wfh malam"})
    assert results[0] == best
    assert results.capped  # more matches than the window: the page says "Lebih dari …"
    assert search_gigs({"q": "cs wfh", "sort": "newest"}).count() == 5


def test_tier_past_the_window_is_chosen_from_the_index_then_ranked_with_its_free_text(
    db, monkeypatch, django_assert_num_queries
):
    """With a free-text word the tier's newest are chosen without reading text vectors (the
    index alone), and only those are scored with the word's rank: the older tier gig
    naming the word still outranks a newer one that does not, in the same three queries."""
    monkeypatch.setattr("listings.search.RANK_WINDOW", 2)
    now = timezone.now()
    named = gig(
        "CS Malam WFH Toko Hijab",
        description="Membalas chat pembeli dengan teliti dan sabar.",
        work_mode="remote",
        schedule=["night"],
        published_at=now - timedelta(days=9),
    )
    plain = gig(
        "CS Malam WFH Toko Batik",
        work_mode="remote",
        schedule=["night"],
        published_at=now - timedelta(days=8),
    )
    newer_remote_gigs(now)
    list(search_gigs({"q": "teliti"}))  # the board's words, read once per process
    with django_assert_num_queries(3) as ctx:  # window, tier, page
        results = list(search_gigs({"q": "cs wfh malam teliti"}))
    assert results[:2] == [named, plain]
    if connection.vendor == "postgresql":
        tier_sql = ctx.captured_queries[1]["sql"]
        assert "= ANY((ARRAY(SELECT" in tier_sql, tier_sql


def test_relaxed_search_reads_its_window_and_tier_in_one_statement(
    db, monkeypatch, django_assert_num_queries
):
    """A pay nobody offers finds nothing, so the search is relaxed: the fallback still ranks
    the best tier gig beyond its window first, and the request stays at three queries
    (the empty search, the relaxed window with its tier, the page)."""
    monkeypatch.setattr("listings.search.RANK_WINDOW", 2)
    now = timezone.now()
    best = gig(  # every concept of the query ("gaji": paid monthly), only not the pay
        "CS Malam WFH Toko Hijab",
        work_mode="remote",
        schedule=["night"],
        pay_model="monthly",
        pay_min=2_000_000,
        pay_max=2_500_000,
        published_at=now - timedelta(days=9),
    )
    newer = newer_remote_gigs(now)
    search_gigs({"q": "cs wfh malam"})  # the board's words, read once per process
    one_statement = connection.features.supports_slicing_ordering_in_compound  # not SQLite
    with django_assert_num_queries(3 if one_statement else 4):
        results = list(search_gigs({"q": "cs wfh malam gaji 90 juta"}))
    assert results[0] == best
    assert set(results[1:]) == set(newer[:2])  # the relaxed window: the two newest
    assert search_gigs({"q": "cs wfh malam gaji 90 juta"}).search_info.relaxed


def test_a_search_that_finds_nothing_reads_no_page(db, django_assert_num_queries):
    """Nothing ranked, nothing to read: the strict and the relaxed window, no page query."""
    gig("CS Toko Hijab", work_mode="onsite", city="Bandung")
    search_gigs({"q": "cs"})
    with django_assert_num_queries(2):
        assert list(search_gigs({"q": "cs", "city": "Medan"})) == []


def test_ranked_count_is_known_without_a_query_and_refilters_correctly(board, django_assert_num_queries):
    """A relevance search knows its size; filtering it further counts for real."""
    ranked = search_gigs({"q": "cs wfh"})
    expected = len(list(ranked))
    with django_assert_num_queries(0):
        assert ranked.count() == expected
    assert ranked.filter(title="CS Toko Hijab").count() == 1


@pytest.mark.django_db
def test_a_city_without_parts_is_one_equality_that_the_city_index_can_walk():
    """Known cities are stored canonically, so "Medan" needs no prefix match (an OR that no
    ordered index scan serves); "Jakarta" still takes in "Jakarta Selatan"."""
    medan = str(Gig.objects.filter(city_q("medan")).query).upper()
    jakarta = str(Gig.objects.filter(city_q("Jakarta")).query).upper()
    assert "LIKE" not in medan and "MEDAN" in medan
    assert "LIKE" in jakarta
