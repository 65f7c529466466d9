"""A search's address is what people share: it carries the chosen filters only, with
JavaScript off (the server cleans the plain form's submit) and on (the script pushes clean
addresses)."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import VIEWPORTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMPTY_PARAM = re.compile(r"[?&][a-z_]+=(&|$)")


@pytest.fixture
def wfh_gigs(_orm_next_to_playwright, db):
    factories.PublishedGigFactory(title="CS WFH Toko Hijab", channels=["whatsapp", "shopee"])
    factories.PublishedGigFactory(title="Admin Shopee Harian", channels=["shopee"])


def _search_page(browser, live_server, viewport, *, javascript: bool):
    context = browser.new_context(
        **VIEWPORTS[viewport], base_url=live_server.url, java_script_enabled=javascript, locale="id-ID"
    )
    return context, context.new_page()


def test_plain_form_submit_lands_on_a_clean_address(browser, live_server, viewport, wfh_gigs):
    """JavaScript off: typing "cs" and ticking two channels gives /lowongan/?q=cs&channel=…
    &channel=…, not ?q=cs&pay_model=&min_pay=&city=…"""
    context, page = _search_page(browser, live_server, viewport, javascript=False)
    try:
        page.goto("/lowongan/")
        page.locator("#id_q").fill("cs")
        page.locator("details.filter-panel summary").click()
        page.get_by_label("WhatsApp", exact=True).check()
        page.get_by_label("Shopee", exact=True).check()
        page.locator("form.search-form .filter-panel").get_by_role("button", name="Terapkan").click()
        page.wait_for_url(re.compile(r"q=cs"))
        assert page.url.endswith("/lowongan/?q=cs&channel=whatsapp&channel=shopee"), page.url
        expect(page.locator("#results")).to_contain_text("CS WFH Toko Hijab")
    finally:
        context.close()


def test_script_keeps_the_address_clean(browser, live_server, viewport, wfh_gigs):
    """JavaScript on: an old link with empty values opens at the clean address, and choosing
    a sort order pushes a clean address too."""
    context, page = _search_page(browser, live_server, viewport, javascript=True)
    try:
        page.goto("/lowongan/?q=cs&city=&min_pay=&channel=shopee")
        assert page.url.endswith("/lowongan/?q=cs&channel=shopee"), page.url
        if not page.locator("details.filter-panel").evaluate("d => d.open"):
            page.locator("details.filter-panel summary").click()
        page.locator("#id_sort").select_option("newest")
        page.wait_for_url(re.compile(r"sort=newest"))
        assert not EMPTY_PARAM.search(page.url), page.url
        assert "q=cs" in page.url and "channel=shopee" in page.url
        expect(page.locator("#results")).to_contain_text("Admin Shopee Harian")
    finally:
        context.close()
