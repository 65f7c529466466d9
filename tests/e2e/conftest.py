"""Browser tests: Playwright (pytest-playwright) driving Debian's chromium on pytest-django's live server.

Every browser test runs twice, at a phone viewport (360×800) and a desktop one. A failing
test leaves a full-page screenshot in test-artifacts/. Chromium and axe-core are located by
scripts/ensure_browser.sh (CHROMIUM_PATH, AXE_CORE_JS); when they are missing the tests skip,
unless E2E_REQUIRED=1 (make test) turns that into a failure.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections
from django.test import Client

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


def _missing(what: str):
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"{what} is missing; run scripts/ensure_browser.sh", pytrace=False)
    pytest.skip(f"{what} is missing; run scripts/ensure_browser.sh")


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def axe_source() -> str:
    configured = os.environ.get("AXE_CORE_JS")
    candidates = [Path(configured)] if configured else sorted(REPO.glob(".data/node/axe-core-*/axe.min.js"))
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    _missing("axe-core (axe.min.js)")
    return ""


@pytest.fixture(scope="session")
def _orm_next_to_playwright(playwright):
    """Playwright's sync API keeps an asyncio loop running in the main thread for the rest of
    the session, which trips Django's async-safety check on plain ORM calls made by the tests
    themselves (factories, reading the outbox). Those calls are synchronous; allow them.
    tests/conftest.py runs browser tests last so the other tests keep the check."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # The live server answers the browser's keep-alive connections on threads that outlive a
    # test; with persistent DB connections they would still hold the test database when the
    # session drops it. Close every connection at the end of each request instead.
    connections.settings["default"]["CONN_MAX_AGE"] = 0


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(chromium_path()).exists():
        _missing(f"chromium ({chromium_path()})")
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args, viewport, live_server):
    return {
        **browser_context_args,
        **VIEWPORTS[viewport],
        "base_url": live_server.url,
        "locale": "id-ID",
        "timezone_id": "Asia/Jakarta",
    }


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(request, _orm_next_to_playwright, page):
    """pytest-playwright's page, with every test's page screenshotted when the test fails."""
    page.set_default_timeout(10_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed and not page.is_closed():
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.nodeid).strip("-")
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def login_as(page, live_server):
    """login_as(user): give the browser a logged-in session cookie (fast; the login form itself
    is exercised by the signup journey and the keyboard test)."""

    def login(user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        page.context.clear_cookies()
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    return login
