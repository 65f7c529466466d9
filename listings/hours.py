"""Working hours written in a post's words ("Senin–Jumat 19.00–23.00", "jam 8 pagi - 2 siang",
"Sabtu & Minggu", "shift 22:00-06:00 WIB"), for gigs whose owner gave no time windows.

`text_windows(text)` reads day names and clock ranges the way Indonesian (and English) posts
write them; `gig_time_tags(windows, text)` is what a gig row stores in `Gig.time_tags`: the
`TimeBand`s of its structured windows when it has them, else of the hours its text states.
Only clock ranges that look like hours count: a "jam"/"pukul"/"shift" before them, minutes
("08.00", "8:30"), or WIB/am/pm after — so "2–3 hari", "18-25 tahun" or "1,5-2 jt" never
become hours. "minggu" is Sunday only next to another day name or after "hari"/"malam";
elsewhere it is a week ("per minggu", "3x seminggu").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import time

from .schedule import Window, WindowLike, window_tags
from .search.text import fold
from .vocabulary import TimeBand

DAY_NAMES = {
    "senin": 0,
    "monday": 0,
    "selasa": 1,
    "tuesday": 1,
    "rabu": 2,
    "wednesday": 2,
    "kamis": 3,
    "thursday": 3,
    "jumat": 4,
    "jum'at": 4,
    "friday": 4,
    "sabtu": 5,
    "saturday": 5,
    "minggu": 6,
    "ahad": 6,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_DAY = "|".join(sorted(map(re.escape, DAY_NAMES), key=len, reverse=True))
_RANGE_WORD = r"(?:-|–|—|~|s/d|s\.d\.?|sd|sampai|hingga|to|until|through|thru|ke)"
_LIST_WORD = r"(?:,|&|/|\+|dan|and|atau|or)"
_DAY_RANGE_RE = re.compile(rf"\b({_DAY})\s*{_RANGE_WORD}\s*({_DAY})\b")
_DAY_LIST_RE = re.compile(rf"\b({_DAY})((?:\s*{_LIST_WORD}\s*(?:{_DAY})\b)+)")
_SINGLE_DAY_RE = re.compile(rf"\b(hari\s+|malam\s+|malem\s+)?({_DAY})\b")
_OFF = r"(?:libur|off|tutup|closed)"
_DAY_OFF_RE = re.compile(rf"\b{_OFF}\s+(?:hari\s+)?({_DAY})\b|\b({_DAY})\s+{_OFF}\b")
_EVERY_DAY_RE = re.compile(
    r"\b(setiap hari|tiap hari|every ?day|daily|7 hari|senin sampai minggu|full seminggu)\b"
)
_WEEKEND_RE = re.compile(r"\b(weekend|weekends|akhir pekan|wiken)\b")
_WEEKDAYS_RE = re.compile(r"\b(weekdays?|hari kerja)\b")

_PART = r"(pagi|siang|sore|petang|malam|malem|wib|wita|wit|am|pm)"
_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_HOURS_RE = re.compile(
    rf"(?:\b(jam|pukul|pkl|shift|mulai)\s*)?\b{_CLOCK}\s*{_PART}?\s*{_RANGE_WORD}\s*{_CLOCK}\s*{_PART}?\b(?![.,:]?\d)"
)
_NOT_HOURS_AFTER = re.compile(r"\s*(hari|jam|bulan|minggu|tahun|thn|orang|x|kali|rb|ribu|jt|juta|k|%)\b")
DAY_TAGS = {TimeBand.WEEKEND, TimeBand.WEEKDAYS, TimeBand.SATURDAY_NIGHT}
_AFTERNOON_PARTS = {"sore", "petang", "pm"}
_NIGHT_PARTS = {"malam", "malem"}


def _hour(value: str, minutes: str | None, part: str | None) -> time | None:
    hour, minute = int(value), int(minutes or 0)
    if hour > 24 or minute > 59:
        return None
    if part in _AFTERNOON_PARTS and hour < 12:
        hour += 12
    elif part in _NIGHT_PARTS and 5 <= hour < 12:
        hour += 12  # "jam 9 malam" is 21:00; "jam 2 malam" stays 02:00
    elif part == "siang" and hour < 6:
        hour += 12  # "jam 1 siang"
    elif part == "am" and hour == 12:
        hour = 0
    return time(hour % 24, minute)


def clock_ranges(text: str) -> list[tuple[time, time]]:
    """Start and end of every range of hours the text states (folded, lower case)."""
    found = []
    for match in _HOURS_RE.finditer(text):
        lead, h1, m1, p1, h2, m2, p2 = match.groups()
        if _NOT_HOURS_AFTER.match(text, match.end()):
            continue  # "2-3 hari", "1-2 jt", "5-10 orang"
        if not (lead or m1 or m2 or p1 or p2):
            continue  # bare "8-16" could be anything; "08.00-16.00", "jam 8-16" are hours
        # A part of day written once applies to both ends when it fits ("19-23 malam").
        first_part = p1 if p1 not in ("wib", "wita", "wit") else None
        second_part = p2 if p2 not in ("wib", "wita", "wit") else None
        start = _hour(h1, m1, first_part or (second_part if second_part in _NIGHT_PARTS else None))
        end = _hour(h2, m2, second_part)
        if start is None or end is None or start == end:
            continue
        found.append((start, end))
    return found


def days_mentioned(text: str) -> set[int]:
    """Weekdays (0 = Monday) the text names as working days; empty when it names none."""
    days: set[int] = set()
    if _EVERY_DAY_RE.search(text):
        days.update(range(7))
    if _WEEKEND_RE.search(text):
        days.update((5, 6))
    if _WEEKDAYS_RE.search(text):
        days.update(range(5))
    for first, last in _DAY_RANGE_RE.findall(text):
        start, end = DAY_NAMES[first], DAY_NAMES[last]
        day = start
        while True:
            days.add(day)
            if day == end:
                break
            day = (day + 1) % 7
    for first, rest in _DAY_LIST_RE.findall(text):
        days.add(DAY_NAMES[first])
        days.update(DAY_NAMES[name] for name in re.findall(rf"\b({_DAY})\b", rest))
    for lead, name in _SINGLE_DAY_RE.findall(text):
        day = DAY_NAMES[name]
        if day != 6 or name == "ahad" or name == "sunday" or lead.startswith("hari"):
            days.add(day)
        elif lead.startswith(("malam", "malem")):
            days.add(5)  # "malam minggu" is Saturday night
    for before, after in _DAY_OFF_RE.findall(text):
        days.discard(DAY_NAMES[before or after])  # "Minggu libur": a day off, not a working day
    return days


def text_windows(text: str) -> list[Window]:
    """Weekly windows the text states: its clock ranges on the days it names (every day when
    it names none, which tells the time of day but no weekday)."""
    folded = fold(text or "")
    ranges = clock_ranges(folded)
    if not ranges:
        return []
    days = sorted(days_mentioned(folded)) or list(range(7))
    return [Window(day, start, end) for day in days for start, end in ranges]


def gig_time_tags(windows: Iterable[WindowLike], text: str) -> list[str]:
    """`Gig.time_tags`: from the owner's windows when given, else from what the text states.

    Hours without day names tell the time of day only; day names without hours ("Sabtu &
    Minggu") tell only whether the gig is weekend or weekday work.
    """
    windows = list(windows)
    if windows:
        return window_tags(windows)
    folded = fold(text or "")
    ranges, days = clock_ranges(folded), days_mentioned(folded)
    if ranges and days:
        return window_tags(Window(day, start, end) for day in sorted(days) for start, end in ranges)
    if ranges:
        every_day = window_tags(Window(day, start, end) for day in range(7) for start, end in ranges)
        return [tag for tag in every_day if tag not in DAY_TAGS]
    if days and days <= {5, 6}:
        return [str(TimeBand.WEEKEND)]
    if days and days <= {0, 1, 2, 3, 4}:
        return [str(TimeBand.WEEKDAYS)]
    return []
