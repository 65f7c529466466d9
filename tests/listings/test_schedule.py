from datetime import time

import pytest

from listings import schedule
from listings.gigs import services
from listings.schedule import Window
from tests import factories

MON, TUE, SUN = 0, 1, 6


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Window(MON, time(9), time(12)), Window(MON, time(11), time(14)), True),
        (Window(MON, time(9), time(12)), Window(MON, time(12), time(14)), False),  # touching ends
        (Window(MON, time(9), time(12)), Window(TUE, time(9), time(12)), False),
        # Monday 22:00–02:00 runs into Tuesday morning.
        (Window(MON, time(22), time(2)), Window(TUE, time(1), time(3)), True),
        (Window(MON, time(22), time(2)), Window(TUE, time(2), time(3)), False),
        (Window(MON, time(22), time(2)), Window(MON, time(23), time(23, 30)), True),
        (Window(MON, time(22), time(2)), Window(MON, time(1), time(3)), False),  # Monday early
        # Sunday night wraps around the week into Monday morning.
        (Window(SUN, time(23), time(1)), Window(MON, time(0, 30), time(4)), True),
        (Window(SUN, time(23), time(1)), Window(MON, time(1), time(4)), False),
        # Two midnight-crossing windows on the same night.
        (Window(TUE, time(20), time(1)), Window(TUE, time(23), time(4)), True),
    ],
)
def test_windows_overlap(a, b, expected):
    """Overlap is symmetric and understands windows that cross midnight and the week's end."""
    assert schedule.windows_overlap(a, b) is expected
    assert schedule.windows_overlap(b, a) is expected


@pytest.mark.smoke
def test_window_minutes_and_weekly_hours():
    """A window ending before it starts lasts until that time on the next day."""
    assert schedule.window_minutes(Window(MON, time(22), time(2))) == 240
    assert schedule.window_minutes(Window(MON, time(0), time(0, 30))) == 30
    assert schedule.weekly_hours([Window(MON, time(9), time(17)), Window(SUN, time(22), time(2))]) == 12


@pytest.mark.django_db
def test_monthly_income_by_pay_model():
    """Monthly estimate (listings/pay.py); per-project gigs give None."""
    hourly = factories.PublishedGigFactory.build(pay_model="hourly", pay_min=15_000, hours_per_week=10)
    monthly = factories.PublishedGigFactory.build(pay_model="monthly", pay_min=2_000_000)
    weekly = factories.PublishedGigFactory.build(pay_model="weekly", pay_min=300_000)
    project = factories.PublishedGigFactory.build(pay_model="per_project", pay_min=500_000)
    daily = factories.PublishedGigFactory(pay_model="daily", pay_min=75_000, hours_per_week=None)
    daily.time_windows.create(day=MON, start=time(9), end=time(13))
    daily.time_windows.create(day=TUE, start=time(9), end=time(13))
    daily.time_windows.create(day=TUE, start=time(19), end=time(21))
    services.gig_windows_store(gig=daily)
    assert schedule.gig_monthly_income(hourly) == round(15_000 * 10 * 52 / 12)
    assert schedule.gig_monthly_income(monthly) == 2_000_000
    assert schedule.gig_monthly_income(weekly) == round(300_000 * 52 / 12)
    assert schedule.gig_monthly_income(project) is None
    assert schedule.gig_monthly_income(daily) == round(75_000 * 2 * 52 / 12)  # two distinct days
    total = schedule.workload([monthly, daily, project])
    assert total.monthly_income == 2_000_000 + round(75_000 * 2 * 52 / 12)
    assert total.weekly_hours == 20 + 10 + 20  # declared 20 h, daily windows 4 + 4 + 2, project 20 h
    assert total.gigs_without_estimate == [project]


@pytest.mark.django_db
def test_schedule_conflicts_lists_each_clash():
    hired = factories.PublishedGigFactory()
    hired.time_windows.create(day=MON, start=time(22), end=time(2))
    new = factories.PublishedGigFactory()
    new.time_windows.create(day=TUE, start=time(1), end=time(5))
    new.time_windows.create(day=TUE, start=time(9), end=time(12))
    clashes = schedule.schedule_conflicts(new, [hired])
    assert [(gig.pk, str(theirs), str(mine)) for gig, theirs, mine in clashes] == [
        (hired.pk, "Senin 22:00–02:00", "Selasa 01:00–05:00")
    ]
