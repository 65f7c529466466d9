"""The worker journey in a real browser (Debian's chromium through Playwright), on PostgreSQL."""

import shutil

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from accounts import demo
from listings.models import Application, Gig

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium"),
]


@pytest.fixture
def phone_browser(monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test are
    # still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()
        # Connections opened inside Playwright's loop live in their own context: close them
        # here, or the test database can't be dropped at the end of the session.
        connections.close_all()


def _login(browser, live_server, email):
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()  # a phone
    page.goto(f"{live_server.url}/akun/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", demo.DEMO_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    return page


def test_apply_shortlist_and_whatsapp_links_in_the_browser(phone_browser, live_server, settings):
    settings.SITE_URL = live_server.url
    cache.clear()
    call_command("seed_demo")
    gig = Gig.objects.get(title="Customer Service Skincare Shift Pagi")

    worker = _login(phone_browser, live_server, "siti@contoh.id")
    worker.goto(live_server.url + gig.get_absolute_url())
    worker.fill("textarea[name=message]", "Siap shift pagi, kak.")
    worker.click("#lamar button[type=submit]")
    worker.wait_for_load_state()
    assert "Lamaran terkirim" in worker.content()
    assert worker.locator("a[href^='https://wa.me/']").count() == 0

    application = Application.objects.get(gig=gig, worker__email="siti@contoh.id")
    employer = _login(phone_browser, live_server, "admin@glowskin.id")
    employer.goto(f"{live_server.url}/lamaran/{application.pk}/")
    assert employer.locator("a[href^='https://wa.me/']").count() == 0
    employer.click("text=Masukkan daftar pilihan")
    employer.wait_for_load_state()
    employer_link = employer.locator("a[href^='https://wa.me/']").get_attribute("href")
    assert employer_link.startswith("https://wa.me/6285712340001?text=Halo%20Siti")

    worker.goto(f"{live_server.url}/lamaran/{application.pk}/")
    worker_link = worker.locator("a[href^='https://wa.me/']").get_attribute("href")
    assert worker_link.startswith("https://wa.me/6287812345001?text=Halo%20Glow%20Skin%20Store")

    evening = Gig.objects.get(title=demo.EVENING_GIG["title"])
    worker.goto(live_server.url + evening.get_absolute_url())
    assert worker.locator(".overlap-warning").is_visible()
