"""No page is wider than a plain 360 px window (no mobile emulation, which widens the layout
viewport to the content and so could never fail)."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path
from tests.pages import build_main_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTH = 360
# Elements sticking out of the window, for the failure message.
_WIDE = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}`)"""


_CLIPPED = """() => Math.max(0, ...[...document.querySelectorAll('.table-wrap')]
  .map(e => e.scrollWidth - e.clientWidth))"""


def _session_cookie(user, url):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": url}


def test_no_page_is_wider_than_a_plain_360px_window(playwright, _orm_next_to_playwright, live_server):
    """Every main page fits 360 px: the gig form with its weekly time windows, the review
    queue as cards rather than a table scrolling sideways."""
    if not Path(chromium_path()).exists():
        pytest.skip(f"chromium ({chromium_path()}) is missing")
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    pages, users, _links = build_main_pages()
    too_wide = []
    try:
        context = browser.new_context(viewport={"width": WIDTH, "height": 800}, base_url=live_server.url)
        page = context.new_page()
        assert page.evaluate("window.innerWidth") == WIDTH
        for name, role, url in pages:
            context.clear_cookies()
            if users[role] is not None:
                context.add_cookies([_session_cookie(users[role], live_server.url)])
            page.goto(url)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                too_wide.append(f"{name} ({url}): {overflow}px too wide: {page.evaluate(_WIDE)}")
            clipped = page.evaluate(_CLIPPED)
            if clipped > 0:  # a table scrolling inside its box is a clipped table, not a fit
                too_wide.append(f"{name} ({url}): a table is clipped by {clipped}px")
    finally:
        browser.close()
    assert not too_wide, "\n".join(too_wide)
