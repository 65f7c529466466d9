"""Time of day and week in a query ("siang", "dini hari", "malam minggu", "senin-jumat",
"weekend aja") match the hours a gig is worked: its time windows, or the hours its text
states when the owner gave no windows (`listings.hours`), besides its schedule tags.
Gigs and wording here are written for these tests (no shared-set text)."""

from datetime import time

import pytest

from listings.gigs.services import gig_windows_store
from listings.hours import clock_ranges, days_mentioned, gig_time_tags
from listings.models import GigTimeWindow
from listings.schedule import Window, window_tags
from listings.search import search_gigs
from tests import factories

QUIET = "Membalas chat pembeli dan mencatat pesanan."


def gig(title, windows=(), description=QUIET, **kwargs):
    defaults = {"channels": ["whatsapp"], "duties": ["customer_chat"], "schedule": ["part_time"]}
    made = factories.PublishedGigFactory(title=title, description=description, **{**defaults, **kwargs})
    for day, start, end in windows:
        GigTimeWindow.objects.create(gig=made, day=day, start=time(*start), end=time(*end))
    gig_windows_store(gig=made)
    return made


def titles(q, **params):
    return [g.title for g in search_gigs({"q": q, **params})]


WEEKDAYS_NOON = [(d, (11, 0), (15, 0)) for d in range(5)]
WEEKDAYS_OFFICE = [(d, (8, 0), (17, 0)) for d in range(5)]
EVENINGS = [(d, (19, 0), (23, 0)) for d in range(7)]
WEEKEND_DAYS = [(5, (9, 0), (17, 0)), (6, (9, 0), (17, 0))]
SATURDAY_NIGHT = [(5, (20, 0), (23, 59))]
DAWN = [(d, (0, 0), (5, 0)) for d in range(5)]


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("windows", "has", "lacks"),
    [
        (WEEKDAYS_NOON, {"midday", "weekdays"}, {"evening", "weekend"}),
        (WEEKDAYS_OFFICE, {"morning", "midday", "afternoon", "weekdays"}, {"evening", "dawn"}),
        (EVENINGS, {"evening", "saturday_night"}, {"morning", "weekend", "weekdays"}),
        (WEEKEND_DAYS, {"weekend", "midday", "afternoon"}, {"weekdays", "saturday_night", "evening"}),
        ([(4, (22, 0), (6, 0))], {"dawn"}, {"midday", "morning"}),
        ([(d, (10, 0), (22, 0)) for d in range(6)], {"midday", "afternoon"}, {"dawn", "weekend"}),
        ([(0, (9, 0), (12, 0))], {"morning"}, {"afternoon", "evening"}),
    ],
)
def test_windows_name_the_parts_of_the_week(windows, has, lacks):
    tags = set(window_tags(Window(d, time(*s), time(*e)) for d, s, e in windows))
    assert has <= tags
    assert not (lacks & tags)


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("Senin–Sabtu, 08.00–16.00.", [("08:00", "16:00")]),
        ("jam 7 malam - 11 malam, sabtu & minggu", [("19:00", "23:00")]),
        ("shift 22:00-06:00 WIB", [("22:00", "06:00")]),
        ("pukul 20.00 s/d 24.00", [("20:00", "00:00")]),
        ("jam 8 pagi - 2 siang", [("08:00", "14:00")]),
        ("9am-5pm Mon-Fri", [("09:00", "17:00")]),
        ("Gaji 2,5 jt–3,5 jt/bulan", []),
        ("umur 18-25 tahun", []),
        ("2–3 hari ke toko, 5-10 orang", []),
        ("Rp 75.000-100.000 per hari", []),
        ("kerja 4 jam/hari", []),
    ],
)
def test_hours_written_in_posts_are_read(text, ranges):
    assert [(a.strftime("%H:%M"), b.strftime("%H:%M")) for a, b in clock_ranges(text.lower())] == ranges


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Senin - Jumat", {0, 1, 2, 3, 4}),
        ("sabtu & minggu", {5, 6}),
        ("gaji per minggu, 3x seminggu", set()),
        ("hari Minggu libur", set()),
        ("malam minggu saja", {5}),
        ("setiap hari", set(range(7))),
        ("Jumat sampai Senin", {4, 5, 6, 0}),
    ],
)
def test_day_names_written_in_posts_are_read(text, days):
    assert days_mentioned(text.lower()) == days


@pytest.mark.smoke
def test_text_hours_back_up_missing_windows():
    assert "dawn" in gig_time_tags([], "Shift jam 01.00-04.00 WIB, Senin sampai Jumat")
    assert "weekdays" in gig_time_tags([], "Shift jam 01.00-04.00 WIB, Senin sampai Jumat")
    assert gig_time_tags([], "Jam 19.00-22.00") == ["evening"]  # no days named: no weekday tag
    assert gig_time_tags([], "Sabtu dan Minggu saja") == ["weekend"]
    windows = [Window(0, time(9), time(12))]
    assert gig_time_tags(windows, "jam 19.00-23.00") == window_tags(windows)  # windows win


@pytest.mark.smoke
@pytest.mark.django_db
def test_time_words_match_the_hours_a_gig_is_worked():
    """None of these texts says when the work is; only the windows do."""
    gig("Admin Chat Toko Kue", WEEKDAYS_NOON)
    gig("Admin Chat Toko Batik", EVENINGS)
    gig("Admin Chat Toko Sepatu", WEEKEND_DAYS)
    gig("Admin Chat Toko Jam", SATURDAY_NIGHT)
    gig("Admin Chat Toko Lampu", DAWN)
    assert set(titles("admin siang")[:2]) == {"Admin Chat Toko Kue", "Admin Chat Toko Sepatu"}
    assert titles("admin dini hari")[0] == "Admin Chat Toko Lampu"
    assert set(titles("admin malam minggu")[:2]) == {"Admin Chat Toko Jam", "Admin Chat Toko Batik"}
    assert set(titles("admin senin-jumat")[:2]) == {"Admin Chat Toko Kue", "Admin Chat Toko Lampu"}
    assert set(titles("admin weekend aja")) == {"Admin Chat Toko Sepatu", "Admin Chat Toko Jam"}
    assert set(titles("admin malam")[:3]) == {
        "Admin Chat Toko Batik",
        "Admin Chat Toko Jam",
        "Admin Chat Toko Lampu",
    }


@pytest.mark.django_db
def test_hours_in_the_text_count_when_there_are_no_windows():
    gig("CS Toko Herbal", description="Balas chat pembeli pukul 12.00 - 15.00, Senin sampai Jumat.")
    gig("CS Toko Mebel", description="Balas chat pembeli pukul 19.00 - 23.00 setiap hari.")
    assert titles("cs siang")[0] == "CS Toko Herbal"
    assert titles("cs malam")[0] == "CS Toko Mebel"
    assert titles("cs hari kerja")[0] == "CS Toko Herbal"


@pytest.mark.django_db
def test_owner_codes_outrank_hours_read_from_text():
    """A gig the owner tagged as night work ranks above one whose hours only reach into the
    evening: hours back up a concept's codes at half weight."""
    gig("CS Shift Malam Toko Roti", schedule=["night"])
    gig("CS Toko Roti Sore", [(d, (16, 0), (20, 0)) for d in range(5)], description="Balas chat.")
    gig("CS Toko Roti Malam Panjang", EVENINGS, schedule=["part_time"])
    ranked = titles("cs malam")
    assert ranked[0] == "CS Shift Malam Toko Roti"
    assert "CS Toko Roti Malam Panjang" in ranked
