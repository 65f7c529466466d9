"""Sharing and the installable app, in a real browser at phone and desktop sizes."""

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Resolves once the service worker holds `key` in its cache (it stores pages after answering).
WAIT_FOR_CACHED = """async key => {
  for (;;) {
    if (await caches.match(key)) return true;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}"""


def test_visitor_finds_a_gig_and_shares_it_on_whatsapp(page, live_server, settings):
    """A visitor searches, opens a gig and taps "Bagikan ke WhatsApp": WhatsApp opens with a
    text naming the gig, its pay and its link; the link's preview picture is a PNG."""
    settings.SITE_URL = live_server.url
    gig = factories.PublishedGigFactory(title="Admin Chat Toko Batik WFH", pay_min=85_000)
    factories.PublishedGigFactory(title="Admin Packing Gudang Batik")
    shared = []

    def whatsapp(route):
        shared.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>WhatsApp</title>")

    page.context.route("https://wa.me/**", whatsapp)
    page.goto("/")
    page.locator("#home-q").fill("admin chat batik")
    page.locator("#home-q").press("Enter")
    page.get_by_role("link", name="Admin Chat Toko Batik WFH").click()
    expect(page.locator("h1")).to_have_text("Admin Chat Toko Batik WFH")
    expect(page.get_by_role("heading", name="Lowongan serupa")).to_be_visible()
    with page.expect_popup() as popup:
        page.get_by_role("link", name="Bagikan ke WhatsApp").click()
    popup.value.wait_for_load_state()
    text = unquote(shared[0].split("text=", 1)[1])
    assert "Admin Chat Toko Batik WFH" in text
    assert "Rp 85.000 / hari" in text
    assert live_server.url + gig.get_absolute_url() in text
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    response = page.request.get(image)
    assert response.ok
    assert response.headers["content-type"] == "image/png"


def test_last_search_results_can_be_read_offline(page, live_server):
    """With the service worker installed, the last search page and the offline page are
    there without a connection; anything else not yet seen shows the offline page."""
    factories.PublishedGigFactory(title="CS Online Toko Kue Offline")
    page.goto("/")
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto("/lowongan/?q=kue")
    expect(page.get_by_role("link", name="CS Online Toko Kue Offline")).to_be_visible()
    page.evaluate(WAIT_FOR_CACHED, "/lowongan/?sw-terakhir")
    page.context.set_offline(True)
    page.goto("/lowongan/")
    expect(page.get_by_role("link", name="CS Online Toko Kue Offline")).to_be_visible()
    page.goto("/gaji/")
    expect(page.locator("h1")).to_have_text("Anda sedang offline")
    page.context.set_offline(False)
    expect(page).to_have_url(re.compile(r"/gaji/$"))
