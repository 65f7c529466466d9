"""A gig whose text holds a very long unbroken word and a long link wraps inside its box: the
gig page and the search results never scroll sideways. Plain windows (no mobile emulation,
which would widen the layout viewport to the content and so could never fail)."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import VIEWPORTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_WORD = "Tokohijabmurahmeriah" * 6  # 120 characters, no break opportunity
LONG_URL = (
    "https://contoh-toko-hijab.example.com/katalog/"
    + "koleksi-terbaru-" * 8
    + "?utm_source=lokercs&ref="
    + "x" * 40
)
TITLE_WORD = "Adminolshopmurahmeriah" * 3  # 66 characters, also unbroken


@pytest.fixture
def long_gig(_orm_next_to_playwright, db):
    assert len(LONG_WORD) == 120 and " " not in LONG_URL
    return factories.PublishedGigFactory(
        title=f"CS {TITLE_WORD}",
        description=f"Membalas chat pembeli. {LONG_WORD} Katalog lengkap di {LONG_URL} ya.",
    )


_FITS = """(selector) => {
  const e = document.querySelector(selector);
  return {page: document.documentElement.scrollWidth, window: window.innerWidth,
          scroll: e.scrollWidth, client: e.clientWidth};
}"""


def _plain_page(browser, live_server, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport]["viewport"], base_url=live_server.url)
    return context, context.new_page()


def _assert_fits(page, selector):
    fit = page.evaluate(_FITS, selector)
    assert fit["page"] <= fit["window"], fit
    assert fit["scroll"] <= fit["client"], fit


def test_long_words_and_links_wrap_on_the_gig_page(browser, live_server, viewport, long_gig):
    context, page = _plain_page(browser, live_server, viewport)
    try:
        page.goto(long_gig.get_absolute_url())
        expect(page.locator(".prose")).to_contain_text(LONG_WORD)
        _assert_fits(page, ".prose")
        _assert_fits(page, "h1")
    finally:
        context.close()


def test_long_words_wrap_in_the_search_results(browser, live_server, viewport, long_gig):
    context, page = _plain_page(browser, live_server, viewport)
    try:
        page.goto("/lowongan/")
        expect(page.locator("#results")).to_contain_text(TITLE_WORD)
        _assert_fits(page, "#results .gig-card")
        _assert_fits(page, "#results .gig-card .gig-title")
    finally:
        context.close()
