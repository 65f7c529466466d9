"""The gig form's weekly time windows in a browser: rows added and removed in place (no
reload, nothing typed lost), Mon–Fri in one step; the same without JavaScript by a submit
that only adds rows."""

import re
from datetime import time

import pytest
from playwright.sync_api import expect

from listings.models import Gig
from tests import factories
from tests.e2e.conftest import VIEWPORTS
from tests.e2e.test_layout import _session_cookie

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _fill_gig(page):
    page.locator("#id_title").fill("Admin Chat Olshop Kantor")
    page.locator("#id_description").fill("Membalas chat pembeli di WhatsApp dan Shopee pada jam kantor.")
    page.get_by_label("Membalas chat pelanggan").check()
    page.get_by_label("WhatsApp", exact=True).check()
    page.get_by_label("Harian").check()
    page.locator("#id_pay_min").fill("90rb")


def _fits_the_window(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_owner_adds_and_removes_rows_in_place_and_fills_mon_fri_in_one_step(page, login_as):
    employer = factories.EmployerFactory()
    login_as(employer)
    page.goto("/saya/lowongan/baru/")
    _fill_gig(page)
    rows = page.locator(".window-rows .window-row")
    expect(rows).to_have_count(2)
    page.evaluate("window.notReloaded = true")
    add = page.get_by_role("button", name="Tambah baris")
    add.click()
    add.click()
    expect(rows).to_have_count(4)
    assert page.evaluate("window.notReloaded") is True  # no round trip, typed title still there
    expect(page.locator("#id_title")).to_have_value("Admin Chat Olshop Kantor")
    rows.nth(3).get_by_role("button", name="Hapus baris").click()
    expect(rows).to_have_count(3)
    rows.nth(2).locator("select").select_option("5")
    rows.nth(2).get_by_label("Mulai").fill("10:00")
    rows.nth(2).get_by_label("Selesai").fill("14:00")
    rows.nth(2).get_by_role("button", name="Hapus baris").click()  # changed my mind
    rows.nth(0).locator("select").select_option(label="Senin–Jumat")
    rows.nth(0).get_by_label("Mulai").fill("09:00")
    rows.nth(0).get_by_label("Selesai").fill("17:00")
    assert _fits_the_window(page)
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(page.locator(".messages")).to_contain_text("disimpan")
    gig = Gig.objects.get(employer=employer)
    assert [(w.day, w.start, w.end) for w in gig.time_windows.all()] == [
        (d, time(9), time(17)) for d in range(5)
    ]


def test_without_javascript_tambah_baris_shows_more_rows_and_keeps_the_form(
    browser, live_server, viewport, _orm_next_to_playwright
):
    employer = factories.EmployerFactory()
    context = browser.new_context(**VIEWPORTS[viewport], base_url=live_server.url, java_script_enabled=False)
    try:
        context.add_cookies([_session_cookie(employer, live_server.url)])
        page = context.new_page()
        page.goto("/saya/lowongan/baru/")
        _fill_gig(page)
        rows = page.locator(".window-rows .window-row")
        rows.nth(0).locator("select").select_option(label="Senin–Jumat")
        rows.nth(0).get_by_label("Mulai").fill("09:00")
        rows.nth(0).get_by_label("Selesai").fill("17:00")
        page.get_by_role("button", name="Tambah baris").click()
        page.wait_for_load_state()
        expect(rows).to_have_count(3)
        expect(page.locator("#id_title")).to_have_value("Admin Chat Olshop Kantor")
        expect(page.locator("#id_pay_min")).to_have_value("90rb")
        assert not Gig.objects.exists()
        rows.nth(1).locator("select").select_option(label="Sabtu")
        rows.nth(1).get_by_label("Mulai").fill("10:00")
        rows.nth(1).get_by_label("Selesai").fill("14:00")
        page.get_by_role("button", name="Simpan sebagai draf").click()
        page.wait_for_url(re.compile(r"/saya/lowongan/$"))
        assert Gig.objects.get().time_window_summary() == ["Senin–Jumat 09:00–17:00", "Sabtu 10:00–14:00"]
    finally:
        context.close()
