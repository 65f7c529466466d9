"""Accessibility: axe-core on every main page, and the login form used by keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import axe_source
from tests.pages import build_main_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BLOCKING = ("serious", "critical")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _violations(page) -> list[dict]:
    page.evaluate(axe_source())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return results["violations"]


def test_main_pages_have_no_serious_or_critical_axe_violations(page, login_as, viewport, capsys):
    """axe-core (WCAG 2.1 A/AA + best practices) finds nothing serious or critical on any main
    page, as the role that uses it sees it, and no page scrolls sideways on a 360 px phone.
    Milder findings are printed for the record."""
    pages, users, _ = build_main_pages()
    blocking, record = [], []
    for name, role, url in pages:
        if users[role] is None:
            page.context.clear_cookies()
        else:
            login_as(users[role])
        response = page.goto(url)
        assert response.status == 200, f"{name}: {response.status}"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            blocking.append(f"{name}: scrolls sideways by {overflow}px at the {viewport} size")
        for violation in _violations(page):
            line = f"{name}: [{violation['impact']}] {violation['id']} — {violation['help']} " + ", ".join(
                node["target"][0] for node in violation["nodes"][:3]
            )
            (blocking if violation["impact"] in BLOCKING else record).append(line)
    with capsys.disabled():
        print(f"\naxe-core, {viewport}, {len(pages)} pages: {len(blocking)} blocking, {len(record)} milder")
        for line in blocking + record:
            print("  " + line)
    assert not blocking, "\n".join(blocking)


def test_login_form_works_by_keyboard_alone(page, live_server):
    """Tab from the top of the page: the skip link comes first, then the fields in order;
    Enter in the password field signs in."""
    worker = factories.WorkerFactory()
    page.goto("/akun/login/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Langsung ke isi")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_login":
            break
    else:
        pytest.fail("the email field is not reachable with Tab")
    page.keyboard.type(worker.email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(factories.PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/lowongan/"))
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()
