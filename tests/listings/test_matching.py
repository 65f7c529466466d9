"""Which alerts a published gig matches: structured criteria in SQL, text via the search module."""

import json
from datetime import time
from pathlib import Path

import pytest

from accounts.models import WorkerAvailability
from accounts.services import worker_profile_save
from listings.alerts import services as alert_services
from listings.alerts.matching import alert_structured_candidates, gig_matching_alerts, text_keys_matching
from listings.models import Alert, Gig, GigTimeWindow
from listings.search import search_gigs
from tests import factories

pytestmark = pytest.mark.django_db

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def matched_alerts(gig) -> set[int]:
    gig = Gig.objects.get(pk=gig.pk)  # generated columns (pay estimate) as stored
    return {m.alert_id for m in gig_matching_alerts(gig=gig)}


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
def test_each_criterion_on_its_own(gig, criteria, expected):
    """Each criterion alone accepts or rejects the gig exactly as the same search would."""
    alert = factories.AlertFactory(**criteria)
    assert (alert.pk in matched_alerts(gig)) is expected
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


def test_one_match_per_worker_instant_wins(gig):
    """A worker with a daily and an instant alert that both match gets one instant match."""
    worker = factories.WorkerFactory()
    factories.AlertFactory(worker=worker, frequency="daily")
    instant = factories.AlertFactory(worker=worker, frequency="instant", q="admin")
    matches = gig_matching_alerts(gig=Gig.objects.get(pk=gig.pk))
    assert [(m.alert_id, m.frequency) for m in matches] == [(instant.pk, "instant")]


def test_distinct_texts_are_checked_once_in_few_statements(gig, django_assert_max_num_queries):
    """120 alerts with 60 distinct texts: candidates + 2 batched text statements + rows."""
    texts = [f"admin olshop {i}" if i % 2 else f"cs wfh {i}" for i in range(60)]
    for text in texts * 2:
        factories.AlertFactory(q=text.upper())  # case differences share one check
    gig = Gig.objects.get(pk=gig.pk)
    with django_assert_max_num_queries(6):
        matches = gig_matching_alerts(gig=gig)
    assert {m.alert_id for m in matches}  # at least the "admin olshop" ones match


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
        matched = {m.alert_id for m in gig_matching_alerts(gig=gig)}
        expected = {alert_id for alert_id, results in alerts.items() if gig_id in results}
        assert matched == expected, gig.title


def test_text_keys_matching_empty_and_structured_only():
    """No texts, no statements; structured candidates ignore the text."""
    gig = factories.PublishedGigFactory()
    assert text_keys_matching(gig=gig, keys=[]) == set()
    alert = factories.AlertFactory(q="sesuatu yang tidak ada")
    assert alert in alert_structured_candidates(gig=Gig.objects.get(pk=gig.pk))
    assert Alert.objects.get(pk=alert.pk).q_key == "sesuatu yang tidak ada"
