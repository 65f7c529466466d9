"""Weekly time windows on the gig form and the worker profile: Mon–Fri in one step, more rows
without saving (plain form; the script does the same in place, see tests/e2e)."""

import re
from datetime import time

import pytest
from django.urls import reverse

from accounts.models import WorkerAvailability
from listings import schedule
from listings.models import Gig
from listings.schedule import Window
from tests import factories
from tests.listings.test_views_employer import gig_post

pytestmark = pytest.mark.django_db

NINE, FIVE = time(9), time(17)


@pytest.mark.smoke
def test_weekday_range_row_becomes_five_windows(client_for, employer):
    """ "Senin–Jumat 09:00–17:00" is one row and five windows; a day typed again counts once."""
    data = gig_post(
        **{
            "windows-TOTAL_FORMS": "2",
            "windows-0-day": "weekdays",
            "windows-0-start": "09:00",
            "windows-0-end": "17:00",
            "windows-1-day": "2",
            "windows-1-start": "09:00",
            "windows-1-end": "17:00",
        }
    )
    response = client_for(employer).post(reverse("listings:gig_create"), data)
    assert response.status_code == 302
    gig = Gig.objects.get()
    assert [(w.day, w.start, w.end) for w in gig.time_windows.all()] == [(d, NINE, FIVE) for d in range(5)]
    assert gig.time_window_summary() == ["Senin–Jumat 09:00–17:00"]


def test_editing_shows_mon_fri_as_one_row(client_for, employer):
    gig = factories.PublishedGigFactory(employer=employer)
    for day in range(5):
        gig.time_windows.create(day=day, start=NINE, end=FIVE)
    gig.time_windows.create(day=5, start=time(10), end=time(14))
    html = client_for(employer).get(reverse("listings:gig_edit", args=[gig.pk])).content.decode()
    assert re.search(r'<option value="weekdays" selected>Senin–Jumat</option>', html)
    assert re.search(r'<option value="5" selected>Sabtu</option>', html)
    assert 'name="windows-INITIAL_FORMS" value="2"' in html


def test_window_rows_fold_ranges_and_keep_other_days():
    every_day = [Window(d, NINE, FIVE) for d in range(7)]
    assert schedule.window_rows(every_day) == [{"day": "everyday", "start": NINE, "end": FIVE}]
    mixed = [Window(d, NINE, FIVE) for d in (0, 1, 2, 3, 4, 6)] + [Window(5, time(8), time(12))]
    assert schedule.window_rows(mixed) == [
        {"day": "weekdays", "start": NINE, "end": FIVE},
        {"day": "5", "start": time(8), "end": time(12)},
        {"day": "6", "start": NINE, "end": FIVE},
    ]


def test_tambah_baris_without_javascript_keeps_what_was_typed_and_saves_nothing(client_for, employer):
    """The plain-form "Tambah baris" shows the form again: typed fields kept, rows ticked
    "Hapus" dropped, two empty rows more, no error messages, nothing saved."""
    data = gig_post(
        title="Admin Chat Shopee Sore",
        pay_min="1,5 jt",
        description="",  # not filled in yet: no error while only adding rows
        submit="",
        **{
            "windows-TOTAL_FORMS": "3",
            "windows-0-day": "weekdays",
            "windows-0-start": "09:00",
            "windows-0-end": "17:00",
            "windows-1-day": "5",
            "windows-1-start": "10:00",
            "windows-1-end": "14:00",
            "windows-1-DELETE": "on",
            "windows-2-day": "",
            "windows-2-start": "",
            "windows-2-end": "",
            "windows-add": "1",
        },
    )
    response = client_for(employer).post(reverse("listings:gig_create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Gig.objects.exists()
    assert 'value="Admin Chat Shopee Sore"' in html and 'value="1,5 jt"' in html
    assert "errorlist" not in html and "msg-error" not in html
    assert 'name="windows-TOTAL_FORMS" value="3"' in html  # the kept row + two empty ones
    assert '<option value="weekdays" selected>' in html
    assert 'value="10:00"' not in html  # the row ticked "Hapus"


def test_worker_profile_adds_availability_rows_without_saving(client_for, worker):
    data = {
        "slots-TOTAL_FORMS": "1",
        "slots-INITIAL_FORMS": "0",
        "slots-0-day": "weekend",
        "slots-0-start": "19:00",
        "slots-0-end": "22:00",
        "slots-add": "1",
    }
    response = client_for(worker).post(reverse("accounts:worker_profile"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="slots-TOTAL_FORMS" value="3"' in html
    assert '<option value="weekend" selected>' in html
    assert not WorkerAvailability.objects.filter(profile__user=worker).exists()
