"""One table of pay cases holds the SQL columns and the Python estimate to the same figures."""

from datetime import time

import pytest

from listings import pay, schedule
from listings.alerts.matching import alert_structured_candidates
from listings.gigs import services
from listings.gigs.jsonld import job_posting
from listings.schedule import Window
from listings.search import search_gigs
from listings.vocabulary import GigStatus
from tests import factories

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def _days(days, start, end):
    return [{"day": d, "start": time(*start), "end": time(*end)} for d in days]


# (case, pay model, pay_min, pay_max, hours_per_week, time windows, per month, per hour)
CASES = [
    # 20 h/week and no windows: 5 days of 4 hours, not 22 days of 8 hours (1.760.000).
    ("daily_hours_only", "daily", 80_000, None, 20, [], 1_733_333, 20_000),
    # Worked 3 hours a day Monday–Friday: Rp 20.000/jam, not Rp 7.500.
    ("daily_three_hours_a_day", "daily", 60_000, None, None, _days(range(5), (9,), (12,)), 1_300_000, 20_000),
    # Weekend only: 2 days a week, far below a Rp 1,5 jt/bulan gig.
    ("daily_weekend_only", "daily", 90_000, None, None, _days([SAT, SUN], (9,), (17,)), 780_000, 11_250),
    # Windows win over the declared hours (they say which days and hours).
    ("daily_windows_over_hours", "daily", 60_000, None, 40, _days(range(5), (9,), (12,)), 1_300_000, 20_000),
    ("daily_few_hours", "daily", 50_000, None, 8, [], 650_000, 18_750),
    ("daily_nothing_known", "daily", 100_000, None, None, [], 2_166_666, 12_500),
    ("monthly_default_hours", "monthly", 1_500_000, None, None, [], 1_500_000, 8_653),
    ("monthly_range", "monthly", 2_000_000, 3_000_000, 40, [], 2_500_000, 14_423),
    ("hourly", "hourly", 15_000, None, 10, [], 650_000, 15_000),
    ("hourly_range_default_hours", "hourly", 15_000, 25_000, None, [], 1_733_333, 20_000),
    ("hourly_past_midnight", "hourly", 20_000, None, None, _days([MON], (22,), (2,)), 346_666, 20_000),
    ("weekly", "weekly", 300_000, None, 25, [], 1_300_000, 12_000),
    # Commission: a base per month and no hourly figure; no base, no figure at all.
    ("commission_with_base", "commission", 1_000_000, None, 40, [], 1_000_000, None),
    ("commission_no_base", "commission", 0, None, 40, [], None, None),
    ("per_project", "per_project", 500_000, 1_000_000, 10, [], None, None),
]


def _create(employer, model, low, high, hours, windows, **extra):
    data = {
        "title": extra.pop("title", f"Admin {model}"),
        "description": "Membalas chat pelanggan dan merekap pesanan setiap hari.",
        "pay_model": model,
        "pay_min": low,
        "pay_max": high,
        "commission_description": "Rp 5.000 per pesanan" if model == "commission" else "",
        "work_mode": "remote",
        "hours_per_week": hours,
        "channels": ["whatsapp"],
        "duties": ["customer_chat"],
    }
    return services.gig_create(employer=employer, data=data, time_windows=windows)


@pytest.mark.smoke
@pytest.mark.django_db
@pytest.mark.parametrize(("case", "model", "low", "high", "hours", "windows", "month", "hour"), CASES)
def test_sql_columns_and_python_estimate_agree_with_the_table(
    case, model, low, high, hours, windows, month, hour
):
    """The generated columns (sort, min_pay, alerts) and the Python estimate give the table's figures."""
    gig = _create(factories.EmployerFactory(), model, low, high, hours, windows)
    stored = type(gig).objects.get(pk=gig.pk)
    assert (stored.pay_estimate_month, stored.pay_estimate_hour) == (month, hour)
    assert (stored.pay_estimate.month, stored.pay_estimate.hour) == (month, hour)
    days, minutes = schedule.window_inputs(Window(w["day"], w["start"], w["end"]) for w in windows)
    figure = pay.estimate(
        pay_model=model,
        pay_min=low,
        pay_max=high,
        hours_per_week=hours,
        window_days=days,
        window_minutes=minutes,
    )
    assert (figure.month, figure.hour) == (month, hour)
    assert schedule.gig_monthly_income(stored) == month


@pytest.mark.django_db
def test_weekend_daily_gig_sorts_below_a_monthly_one():
    """sort=pay and min_pay use the same estimate: Rp 90rb/hari on weekends < Rp 1,5 jt/bulan."""
    employer = factories.EmployerFactory()
    weekend = _create(
        employer, "daily", 90_000, None, None, _days([SAT, SUN], (9,), (17,)), title="Admin Weekend"
    )
    monthly = _create(employer, "monthly", 1_500_000, None, None, [], title="Admin Bulanan")
    commission = _create(employer, "commission", 0, None, None, [], title="Admin Komisi")
    type(weekend).objects.update(status=GigStatus.PUBLISHED)
    titles = [g.title for g in search_gigs({"sort": "pay"})]
    assert titles == [monthly.title, weekend.title, commission.title]  # no figure sorts last
    assert [g.title for g in search_gigs({"min_pay": 1_000_000})] == [monthly.title]


@pytest.mark.django_db
def test_alert_min_pay_uses_the_estimate_from_time_windows():
    """An alert asking ≥ Rp 1 jt/bulan does not fire for a weekend-only Rp 90rb/hari gig."""
    weekend = _create(
        factories.EmployerFactory(), "daily", 90_000, None, None, _days([SAT, SUN], (9,), (17,))
    )
    wants_a_million = factories.AlertFactory(min_pay=1_000_000)
    wants_less = factories.AlertFactory(min_pay=700_000)
    found = set(alert_structured_candidates(gig=weekend))
    assert wants_less in found and wants_a_million not in found


@pytest.mark.django_db
def test_workload_counts_hours_from_time_windows():
    """The workload box uses the windows' hours (not the declared figure) and the one estimate."""
    employer = factories.EmployerFactory()
    daily = _create(employer, "daily", 60_000, None, 40, _days(range(5), (9,), (12,)))
    monthly = _create(employer, "monthly", 1_500_000, None, 20, [])
    project = _create(employer, "per_project", 500_000, None, None, [])
    total = schedule.workload([daily, monthly, project])
    assert total.weekly_hours == 15 + 20
    assert total.monthly_income == 1_300_000 + 1_500_000
    assert total.gigs_without_estimate == [project]


@pytest.mark.django_db
def test_changing_windows_updates_the_stored_estimate():
    """Editing the windows refreshes the generated columns."""
    employer = factories.EmployerFactory()
    gig = _create(employer, "daily", 90_000, None, None, _days(range(5), (9,), (17,)))
    assert gig.pay_estimate_month == 90_000 * 5 * 52 // 12
    data = {name: getattr(gig, name) for name in ("title", "pay_min")}
    services.gig_update(gig=gig, by=employer, data=data, time_windows=_days([SAT, SUN], (9,), (17,)))
    assert type(gig).objects.get(pk=gig.pk).pay_estimate_month == 780_000


@pytest.mark.smoke
def test_commission_and_per_project_are_honest():
    """No precise-looking hourly figure from a base of zero; per project shows no monthly guess."""
    no_base = pay.estimate(pay_model="commission", pay_min=0, hours_per_week=40)
    assert no_base.month is None and no_base.hour is None
    assert "tergantung penjualan" in no_base.summary()
    base = pay.estimate(pay_model="commission", pay_min=1_000_000)
    assert base.summary() == "Mulai Rp 1.000.000/bulan + komisi (tergantung penjualan)"
    project = pay.estimate(pay_model="per_project", pay_min=500_000, pay_max=1_000_000)
    assert "Rp" not in project.summary() and "jam" not in project.summary()


@pytest.mark.smoke
def test_range_and_explanation():
    """A range shows low–high per month and per hour; the line says which assumptions were used."""
    figure = pay.estimate(pay_model="daily", pay_min=80_000, pay_max=100_000, hours_per_week=20)
    assert figure.summary() == "≈ Rp 1.733.333 – Rp 2.166.666/bulan · Rp 20.000 – Rp 25.000/jam"
    assert "dianggap 5 hari kerja/minggu" in figure.explanation and "20 jam/minggu" in figure.explanation
    windows = pay.estimate(pay_model="daily", pay_min=60_000, window_days=2, window_minutes=960)
    assert "2 hari kerja/minggu dari jam kerja" in windows.explanation


@pytest.mark.django_db
def test_gig_page_shows_the_estimate_and_how_it_was_computed(client):
    """The detail page carries the card's figure and the one-line explanation."""
    gig = _create(factories.EmployerFactory(), "daily", 80_000, None, 20, [])
    type(gig).objects.filter(pk=gig.pk).update(status=GigStatus.PUBLISHED)
    html = client.get(gig.get_absolute_url()).content.decode()
    assert "Rp 1.733.333/bulan" in html and "Rp 20.000/jam" in html
    assert "dianggap 5 hari kerja/minggu" in html


@pytest.mark.django_db
def test_jsonld_uses_the_posted_unit_and_no_made_up_salary_for_commission():
    """JSON-LD keeps the posted unit; a commission gig without base publishes no baseSalary."""
    employer = factories.EmployerFactory()
    daily = _create(employer, "daily", 80_000, None, 20, [])
    commission = _create(employer, "commission", 0, None, None, [])
    monthly_commission = _create(employer, "commission", 1_000_000, None, None, [])
    assert job_posting(daily)["baseSalary"]["value"]["unitText"] == "DAY"
    assert "baseSalary" not in job_posting(commission)
    base = job_posting(monthly_commission)["baseSalary"]["value"]
    assert base == {"@type": "QuantitativeValue", "unitText": "MONTH", "minValue": 1_000_000}
