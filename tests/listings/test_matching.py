"""Which alerts a published gig matches: structured criteria in SQL, text via the search module."""

import json
from datetime import time
from pathlib import Path

import pytest
from django.db import connection, transaction

from accounts.models import WorkerAvailability
from accounts.services import worker_profile_save
from listings.alerts import notifications
from listings.alerts import services as alert_services
from listings.alerts.matching import (
    active_texts_and_span,
    alert_structured_candidates,
    candidate_texts_and_span,
    text_keys_matching,
)
from listings.models import Alert, Gig, GigTimeWindow, Notification
from listings.schedule import any_overlap
from listings.search import search_gigs
from tests import factories

pytestmark = pytest.mark.django_db

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def matched_rows(gig, *, set_based: bool | None = None) -> dict[int, tuple[int, str]]:
    """worker id -> (alert id, frequency) of the rows a fan-out of `gig` would create: the
    coordinator's text check, then one range over every worker — rolled back afterwards."""
    gig = Gig.objects.get(pk=gig.pk)  # generated columns (pay estimate) as stored
    texts, span = candidate_texts_and_span(gig=gig)
    if span is None:
        return {}
    keys = text_keys_matching(gig=gig, keys=texts)
    with transaction.atomic():
        savepoint = transaction.savepoint()
        notifications.notifications_create(
            gig=gig, text_keys=keys, first_worker_id=span[0], last_worker_id=span[1], set_based=set_based
        )
        rows = {
            worker_id: (alert_id, frequency)
            for worker_id, alert_id, frequency in Notification.objects.filter(gig=gig).values_list(
                "worker_id", "alert_id", "frequency"
            )
        }
        transaction.savepoint_rollback(savepoint)
    return rows


def matched_alerts(gig, *, set_based: bool | None = None) -> set[int]:
    return {alert_id for alert_id, _ in matched_rows(gig, set_based=set_based).values()}


@pytest.fixture(params=["set_based", "row_by_row"])
def path(request):
    """Both ways of inserting a range: the set-based statement (PostgreSQL) and the portable
    path the SQLite quick start uses; they must give the same rows."""
    if request.param == "set_based" and connection.vendor != "postgresql":
        pytest.skip("the set-based INSERT … SELECT DISTINCT ON needs PostgreSQL")
    return request.param == "set_based"


@pytest.fixture
def gig():
    """Remote daily-paid WhatsApp/Shopee chat gig, part time, Rp 75.000 – 100.000 / hari."""
    return factories.PublishedGigFactory(
        title="Admin Chat Olshop Hijab",
        pay_model="daily",
        pay_min=75_000,
        pay_max=100_000,
        work_mode="remote",
        channels=["whatsapp", "shopee"],
        duties=["customer_chat", "order_processing"],
        schedule=["part_time"],
    )


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, True),
        ({"pay_model": "daily"}, True),
        ({"pay_model": "monthly"}, False),
        ({"work_mode": "remote"}, True),
        ({"work_mode": "onsite"}, False),
        ({"channels": ["shopee", "tokopedia"]}, True),
        ({"channels": ["tokopedia"]}, False),
        ({"duties": ["order_processing"]}, True),
        ({"duties": ["packing"]}, False),
        ({"schedule": ["part_time", "night"]}, True),
        ({"schedule": ["full_time"]}, False),
        ({"city": "Bandung"}, False),
        ({"pay_model": "daily", "min_pay": 75_000}, True),
        ({"pay_model": "daily", "min_pay": 80_000}, False),
        ({"min_pay": 1_000_000}, True),
        ({"min_pay": 50_000_000}, False),
        ({"q": "admin chat"}, True),
        ({"q": "kasir"}, False),
    ],
)
def test_each_criterion_on_its_own(gig, criteria, expected, path):
    """Each criterion alone accepts or rejects the gig exactly as the same search would, on
    both insert paths."""
    alert = factories.AlertFactory(**criteria)
    assert (alert.pk in matched_alerts(gig, set_based=path)) is expected
    assert search_gigs(alert.search_params()).filter(pk=gig.pk).exists() is expected


@pytest.mark.smoke
def test_criteria_combine_with_and(gig):
    """All criteria must hold: one failing criterion among passing ones rejects the gig."""
    passing = {
        "pay_model": "daily",
        "work_mode": "remote",
        "channels": ["shopee"],
        "duties": ["customer_chat"],
    }
    good = factories.AlertFactory(**passing, q="admin olshop")
    bad_channel = factories.AlertFactory(**{**passing, "channels": ["lazada"]}, q="admin olshop")
    bad_text = factories.AlertFactory(**passing, q="desain grafis")
    assert matched_alerts(gig) == {good.pk}
    assert bad_channel.pk and bad_text.pk


def test_city_uses_search_rules():
    """'Jakarta' finds a gig in 'Jakarta Selatan', slang 'jogja' finds 'Yogyakarta'; Bandung doesn't."""
    south = factories.PublishedGigFactory(work_mode="onsite", city="Jakarta Selatan")
    yogya = factories.PublishedGigFactory(work_mode="hybrid", city="Yogyakarta")
    jakarta = factories.AlertFactory(city="Jakarta")
    jogja = factories.AlertFactory(city="jogja")
    bandung = factories.AlertFactory(city="Bandung")
    assert {jakarta.pk, jogja.pk, bandung.pk} & matched_alerts(south) == {jakarta.pk}
    assert {jakarta.pk, jogja.pk, bandung.pk} & matched_alerts(yogya) == {jogja.pk}


def test_paused_alerts_banned_workers_and_the_owner_are_not_matched(gig):
    """Paused alerts, banned or inactive workers and the gig's own employer hear nothing."""
    from django.utils import timezone

    paused = factories.AlertFactory(paused=True)
    banned = factories.AlertFactory(worker=factories.WorkerFactory(banned_at=timezone.now()))
    inactive = factories.AlertFactory(worker=factories.WorkerFactory(is_active=False))
    active = factories.AlertFactory()
    assert matched_alerts(gig) == {active.pk}
    assert paused.pk and banned.pk and inactive.pk


def test_one_match_per_worker_instant_wins(gig, path):
    """A worker with a daily and an instant alert that both match gets one instant match;
    among equals the oldest alert wins."""
    worker = factories.WorkerFactory()
    factories.AlertFactory(worker=worker, frequency="daily")
    instant = factories.AlertFactory(worker=worker, frequency="instant", q="admin")
    factories.AlertFactory(worker=worker, frequency="instant")
    other = factories.WorkerFactory()
    first_daily = factories.AlertFactory(worker=other, frequency="daily")
    factories.AlertFactory(worker=other, frequency="daily")
    assert matched_rows(gig, set_based=path) == {
        worker.pk: (instant.pk, "instant"),
        other.pk: (first_daily.pk, "daily"),
    }


def test_distinct_texts_are_checked_once_in_few_statements(gig, django_assert_max_num_queries):
    """120 alerts with 60 distinct texts: one grouped candidate query + 2 batched text statements."""
    texts = [f"admin olshop {i}" if i % 2 else f"cs wfh {i}" for i in range(60)]
    for text in texts * 2:
        factories.AlertFactory(q=text.upper())  # case differences share one check
    gig = Gig.objects.get(pk=gig.pk)
    with django_assert_max_num_queries(3):
        texts_found, span = candidate_texts_and_span(gig=gig)
        matched = text_keys_matching(gig=gig, keys=texts_found)
    assert len(texts_found) == 60 and span is not None
    assert {key for key in matched if key.startswith("admin olshop")} == {
        text for text in texts if text.startswith("admin olshop")
    }
    assert matched <= texts_found
    with django_assert_max_num_queries(2):  # the same texts board-wide, from the q_key index
        assert active_texts_and_span(limit=60) == (texts_found, span)
    assert active_texts_and_span(limit=59) is None  # too many: the coordinator narrows first


def test_profile_alert_follows_profile_and_availability():
    """Profile matching: channels, duties, city or WFH, minimum pay per unit, hours overlap."""
    worker = factories.WorkerFactory()
    profile = worker.worker_profile
    profile.channels = ["shopee"]
    profile.duties = ["customer_chat"]
    profile.city = "Bandung"
    profile.open_to_remote = True
    profile.expected_pay_min = 80_000
    profile.expected_pay_model = "daily"
    profile.save()
    WorkerAvailability.objects.create(profile=profile, day=0, start=time(19), end=time(22))
    alert = alert_services.profile_matching_set(worker=worker, enabled=True, frequency="instant")

    fits = factories.PublishedGigFactory(pay_model="daily", pay_min=90_000, channels=["shopee"])
    GigTimeWindow.objects.create(gig=fits, day=0, start=time(20), end=time(23))
    wrong_hours = factories.PublishedGigFactory(pay_model="daily", pay_min=90_000, channels=["shopee"])
    GigTimeWindow.objects.create(gig=wrong_hours, day=2, start=time(8), end=time(12))
    low_pay = factories.PublishedGigFactory(pay_model="daily", pay_min=60_000, channels=["shopee"])
    monthly = factories.PublishedGigFactory(pay_model="monthly", pay_min=2_000_000, channels=["shopee"])
    other_city = factories.PublishedGigFactory(work_mode="onsite", city="Medan", channels=["shopee"])
    other_channel = factories.PublishedGigFactory(pay_min=90_000, channels=["lazada"])

    assert alert.pk in matched_alerts(fits)
    assert alert.pk in matched_alerts(monthly)  # a daily expectation says nothing about monthly pay
    for gig in (wrong_hours, low_pay, other_city, other_channel):
        assert alert.pk not in matched_alerts(gig), gig

    profile.channels = ["lazada"]
    worker_profile_save(profile=profile)  # the profile page's service keeps the alert in sync
    assert alert.pk in matched_alerts(other_channel)


WINDOW_CASES = [
    # (worker availability, gig hours): (day, start hour, end hour); end <= start crosses midnight
    ([(0, 19, 22)], [(0, 20, 23)]),  # plain overlap
    ([(0, 19, 22)], [(0, 22, 23)]),  # touching ends do not overlap
    ([(0, 22, 2)], [(1, 1, 3)]),  # availability crossing midnight into Tuesday
    ([(1, 8, 12)], [(0, 20, 9)]),  # gig crossing midnight into Tuesday morning
    ([(6, 22, 3)], [(0, 1, 4)]),  # Sunday night runs into Monday morning (the week wraps)
    ([(0, 1, 4)], [(6, 23, 2)]),  # ... and the other way round
    ([(6, 22, 3)], [(0, 3, 5)]),  # wraps, but ends exactly when the gig starts
    ([(2, 8, 12), (4, 8, 12)], [(3, 8, 12), (4, 11, 13)]),  # one pair of many overlaps
    ([(2, 8, 12)], [(3, 8, 12)]),  # same hours, another day
]


@pytest.mark.parametrize(("available", "hours"), WINDOW_CASES)
def test_profile_availability_in_sql_agrees_with_the_schedule_rules(available, hours, path):
    """The SQL overlap test of profile alerts gives the answer of listings.schedule.any_overlap
    for windows that cross midnight and the end of the week."""
    worker = factories.WorkerFactory()
    windows = [
        WorkerAvailability.objects.create(profile=worker.worker_profile, day=d, start=time(s), end=time(e))
        for d, s, e in available
    ]
    alert = alert_services.profile_matching_set(worker=worker, enabled=True, frequency="instant")
    gig = factories.PublishedGigFactory(channels=list(worker.worker_profile.channels) or ["whatsapp"])
    gig_windows = [
        GigTimeWindow.objects.create(gig=gig, day=d, start=time(s), end=time(e)) for d, s, e in hours
    ]
    assert (alert.pk in matched_alerts(gig, set_based=path)) is any_overlap(windows, gig_windows)


def _load_shared_gigs():
    path = SHARED_DATA / "search_gigs.jsonl"
    if not path.exists():
        pytest.skip(f"shared search data not found at {path}")
    employers: dict[str, object] = {}
    gigs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        email = row["employer_email"]
        if email not in employers:
            employers[email] = factories.EmployerFactory(
                email=email, profile__business_name=row["employer_name"]
            )
        gig = factories.PublishedGigFactory(
            employer=employers[email],
            title=row["title"],
            description=row["description"],
            pay_model=row["pay_model"],
            pay_min=row["pay_min"],
            pay_max=row.get("pay_max"),
            work_mode=row["work_mode"],
            city=row.get("city") or "",
            hours_per_week=row.get("hours_per_week"),
            schedule=row.get("schedule") or [],
            channels=row.get("channels") or [],
            duties=row.get("duties") or [],
        )
        gigs[gig.pk] = gig
    return gigs


def test_text_alerts_agree_with_search_on_shared_cases():
    """For every shared search case, the alert with that query and filters matches exactly
    the gigs the search returns — checked gig by gig, as publishing would."""
    cases_path = SHARED_DATA / "search_cases.jsonl"
    gigs = _load_shared_gigs()
    if not cases_path.exists():
        pytest.skip(f"shared search cases not found at {cases_path}")
    alerts = {}
    for line in cases_path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        filters = case.get("filters") or {}
        criteria = {"q": case["query"]}
        for param, field in (("channel", "channels"), ("duty", "duties"), ("schedule", "schedule")):
            if filters.get(param):
                value = filters[param]
                criteria[field] = value if isinstance(value, list) else [value]
        for name in ("pay_model", "work_mode", "city", "min_pay"):
            if filters.get(name):
                criteria[name] = filters[name]
        alert = factories.AlertFactory(**criteria)
        alerts[alert.pk] = set(search_gigs(alert.search_params()).values_list("pk", flat=True))
    assert any(alerts.values())
    for gig_id in gigs:
        gig = Gig.objects.get(pk=gig_id)
        matched = matched_alerts(gig)
        expected = {alert_id for alert_id, results in alerts.items() if gig_id in results}
        assert matched == expected, gig.title


def test_text_keys_matching_empty_and_structured_only():
    """No texts, no statements; structured candidates ignore the text."""
    gig = factories.PublishedGigFactory()
    assert text_keys_matching(gig=gig, keys=[]) == set()
    alert = factories.AlertFactory(q="sesuatu yang tidak ada")
    assert alert in alert_structured_candidates(gig=Gig.objects.get(pk=gig.pk))
    assert Alert.objects.get(pk=alert.pk).q_key == "sesuatu yang tidak ada"
