"""Weekly time windows (Asia/Jakarta): overlap, hours and income across several gigs.

Pure functions, no database. A window is anything with `day` (0 = Monday … 6 = Sunday),
`start` and `end` (`datetime.time`) — a `GigTimeWindow`, a `WorkerAvailability` or a
`Window` tuple. `end <= start` means the window crosses midnight into the next day, and
Sunday night continues into Monday morning (the week is a circle).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from typing import NamedTuple, Protocol

from django.db import models
from django.utils.translation import gettext_lazy as _

from .pay import gig_estimate
from .vocabulary import TimeBand, Weekday

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY


class WindowLike(Protocol):
    day: int
    start: time
    end: time


class Window(NamedTuple):
    day: int
    start: time
    end: time


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def window_minutes(window: WindowLike) -> int:
    """Length of one window in minutes; a window ending at or before its start runs past midnight."""
    start, end = _minutes(window.start), _minutes(window.end)
    return end - start if end > start else MINUTES_PER_DAY - start + end


def week_intervals(window: WindowLike) -> list[tuple[int, int]]:
    """Half-open minute-of-week intervals, split where the week wraps around.

    `listings.alerts.matching.availability_q` states the same overlap rule in SQL."""
    begin = int(window.day) * MINUTES_PER_DAY + _minutes(window.start)
    finish = begin + window_minutes(window)
    if finish <= MINUTES_PER_WEEK:
        return [(begin, finish)]
    return [(begin, MINUTES_PER_WEEK), (0, finish - MINUTES_PER_WEEK)]


def windows_overlap(a: WindowLike, b: WindowLike) -> bool:
    """True when the two weekly windows share at least one minute (touching ends don't count)."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in week_intervals(a) for s2, e2 in week_intervals(b))


def overlapping_pairs(
    first: Iterable[WindowLike], second: Iterable[WindowLike]
) -> list[tuple[WindowLike, WindowLike]]:
    second = list(second)
    return [(a, b) for a in first for b in second if windows_overlap(a, b)]


def any_overlap(first: Iterable[WindowLike], second: Iterable[WindowLike]) -> bool:
    second = list(second)
    return any(windows_overlap(a, b) for a in first for b in second)


def window_summary(windows: Iterable[WindowLike]) -> list[str]:
    """Group days with the same hours: ['Senin–Jumat 09:00–13:00', 'Sabtu 10:00–14:00']."""
    by_hours: dict[tuple, list[int]] = {}
    for window in windows:
        by_hours.setdefault((window.start, window.end), []).append(window.day)
    lines = []
    for (start, end), days in sorted(by_hours.items(), key=lambda item: min(item[1])):
        runs: list[list[int]] = []
        for day in sorted(set(days)):
            if runs and day == runs[-1][-1] + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        names = [
            str(Weekday(run[0]).label)
            if len(run) == 1
            else f"{Weekday(run[0]).label}–{Weekday(run[-1]).label}"
            for run in runs
        ]
        lines.append(f"{', '.join(names)} {start:%H:%M}–{end:%H:%M}")
    return lines


# Several days with the same hours, chosen in one step on the forms ("Senin–Jumat 09–17").
DAY_RANGES: dict[str, tuple[tuple[int, ...], object]] = {
    "weekdays": ((0, 1, 2, 3, 4), _("Senin–Jumat")),
    "weekend": ((5, 6), _("Sabtu–Minggu")),
    "everyday": (tuple(range(7)), _("Setiap hari")),
}


def days_of(choice: str | int) -> tuple[int, ...]:
    """The weekdays a form's day choice stands for: "2" -> (2,), "weekdays" -> (0, …, 4)."""
    if choice in DAY_RANGES:
        return DAY_RANGES[choice][0]
    return (int(choice),)


def window_rows(windows: Iterable[WindowLike]) -> list[dict]:
    """Windows as form rows, days with the same hours folded into one range row where a
    range covers them (Mon–Fri 09:00–17:00 is one row, not five), single days otherwise."""
    by_hours: dict[tuple, set[int]] = {}
    for window in windows:
        by_hours.setdefault((window.start, window.end), set()).add(int(window.day))
    widest_first = sorted(DAY_RANGES.items(), key=lambda item: -len(item[1][0]))
    rows: list[tuple[int, time, dict]] = []
    for (start, end), days in by_hours.items():
        for code, (range_days, _label) in widest_first:
            if set(range_days) <= days:
                rows.append((range_days[0], start, {"day": code, "start": start, "end": end}))
                days -= set(range_days)
        rows += [(day, start, {"day": str(day), "start": start, "end": end}) for day in sorted(days)]
    rows.sort(key=lambda row: row[:2])
    return [row for _first, _start, row in rows]


def weekly_hours(windows: Iterable[WindowLike]) -> float:
    return sum(window_minutes(w) for w in windows) / 60


def window_inputs(windows: Iterable[WindowLike]) -> tuple[int | None, int | None]:
    """(distinct working days, total minutes) of weekly windows; (None, None) without windows.

    What a gig row stores (`Gig.window_days`, `Gig.window_minutes`) for the pay estimate;
    a window crossing midnight counts for the day it starts.
    """
    windows = list(windows)
    if not windows:
        return None, None
    return len({int(w.day) for w in windows}), sum(window_minutes(w) for w in windows)


# Parts of the day as people name them (minutes after midnight, Asia/Jakarta).
DAY_BANDS = {
    TimeBand.DAWN: (0, 6 * 60),
    TimeBand.MORNING: (6 * 60, 11 * 60),
    TimeBand.MIDDAY: (11 * 60, 15 * 60),
    TimeBand.AFTERNOON: (15 * 60, 18 * 60),
    TimeBand.EVENING: (18 * 60, MINUTES_PER_DAY),
}
WEEKEND = (5 * MINUTES_PER_DAY, MINUTES_PER_WEEK)  # Saturday 00:00 – Sunday 24:00
# "Malam Minggu" is Saturday night: Saturday 18:00 until Sunday 05:00.
SATURDAY_NIGHT = (5 * MINUTES_PER_DAY + 18 * 60, 6 * MINUTES_PER_DAY + 5 * 60)


def _overlap(window: WindowLike, begin: int, end: int) -> int:
    return sum(max(0, min(e, end) - max(s, begin)) for s, e in week_intervals(window))


BAND_SHARE = 0.4  # share of a window that must fall in a part of the day to name it…
BAND_COVERED = 0.6  # …or share of that part of the day the window covers


def window_tags(windows: Iterable[WindowLike]) -> list[str]:
    """`TimeBand` codes of the week a gig's windows cover (`Gig.time_tags`, for search).

    A window names a part of the day when at least 40 % of it falls there or it covers 60 %
    of that part: 19:00–23:00 is "malam", 08:00–17:00 is "pagi", "siang" and "sore" but not
    "malam", 09:00–12:00 is "pagi". "weekend" means most of the hours fall on Saturday and
    Sunday; "weekdays" that none do.
    """
    windows = list(windows)
    tags: set[str] = set()
    weekend_minutes = total_minutes = 0
    for window in windows:
        length = window_minutes(window)
        enough = max(1, int(length * BAND_SHARE))
        total_minutes += length
        weekend_minutes += _overlap(window, *WEEKEND)
        for day in range(7):
            base = day * MINUTES_PER_DAY
            for band, (start, end) in DAY_BANDS.items():
                overlap = _overlap(window, base + start, base + end)
                if overlap and (overlap >= enough or overlap >= (end - start) * BAND_COVERED):
                    tags.add(band)
        if _overlap(window, *SATURDAY_NIGHT) >= enough:
            tags.add(TimeBand.SATURDAY_NIGHT)
    if windows and weekend_minutes * 2 >= total_minutes:
        tags.add(TimeBand.WEEKEND)
    elif windows and weekend_minutes == 0:
        tags.add(TimeBand.WEEKDAYS)
    return sorted(str(tag) for tag in tags)


def gig_weekly_hours(gig) -> float:
    """Hours from the gig's time windows when given, else its declared hours per week, else 0."""
    if gig.window_minutes is not None:
        return gig.window_minutes / 60
    return float(gig.hours_per_week or 0)


def gig_monthly_income(gig) -> int | None:
    """Estimated monthly pay in whole rupiah (`listings.pay`); None if it can't be told."""
    return gig_estimate(gig).month


@dataclass
class Workload:
    """Totals across the gigs a worker is hired for."""

    weekly_hours: float = 0.0
    monthly_income: int = 0
    gigs_without_estimate: list = field(default_factory=list)


def workload(gigs: Iterable) -> Workload:
    total = Workload()
    for gig in gigs:
        total.weekly_hours += gig_weekly_hours(gig)
        income = gig_monthly_income(gig)
        if income is None:
            total.gigs_without_estimate.append(gig)
        else:
            total.monthly_income += income
    return total


def schedule_conflicts(gig, hired_gigs: Iterable) -> list[tuple[object, WindowLike, WindowLike]]:
    """(hired gig, its window, this gig's window) for every clash between `gig` and `hired_gigs`."""
    windows = list(gig.time_windows.all())
    clashes = []
    for other in hired_gigs:
        if other.pk == gig.pk:
            continue
        for mine, theirs in overlapping_pairs(windows, other.time_windows.all()):
            clashes.append((other, theirs, mine))
    return clashes


class WeeklyWindow(models.Model):
    """A weekly time window in Asia/Jakarta time; end before start crosses midnight.

    Shared by gigs' working hours and workers' availability (see `listings.schedule`).
    """

    day = models.PositiveSmallIntegerField(_("hari"), choices=Weekday.choices)
    start = models.TimeField(_("mulai"))
    end = models.TimeField(_("selesai"))

    class Meta:
        abstract = True
        ordering = ["day", "start"]

    def __str__(self) -> str:
        return f"{self.get_day_display()} {self.start:%H:%M}–{self.end:%H:%M}"
