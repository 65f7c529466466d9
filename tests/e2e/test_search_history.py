"""Back from a gig to the search that found it: the box still holds the query and the results
are there, and the whole journey runs without a script error or a blocked resource."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gigs(_orm_next_to_playwright, db):
    factories.PublishedGigFactory(title="CS WFH Toko Hijab", channels=["whatsapp", "shopee"])
    factories.PublishedGigFactory(title="Admin Gudang Sembako", channels=["shopee"])


def test_back_from_a_gig_returns_to_the_search(page, viewport, gigs):
    console, errors = [], []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto("/lowongan/")
    page.locator("#id_q").fill("hijab")
    page.locator("#id_q").press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=hijab"))
    search_url = page.url
    expect(page.locator("#results")).to_contain_text("CS WFH Toko Hijab")
    expect(page.locator("#results")).not_to_contain_text("Admin Gudang Sembako")

    page.locator("#results").get_by_role("link", name="CS WFH Toko Hijab").click()
    page.wait_for_url(re.compile(r"/lowongan/\d+/"))
    expect(page.locator("h1")).to_contain_text("CS WFH Toko Hijab")

    page.go_back()
    page.wait_for_url(search_url)
    expect(page.locator("#id_q")).to_have_value("hijab")
    expect(page.locator("#results")).to_contain_text("CS WFH Toko Hijab")
    expect(page.locator("#results")).not_to_contain_text("Admin Gudang Sembako")

    blocked = [m for m in console if "Content Security Policy" in m or "Refused to" in m]
    assert not blocked, blocked
    assert not errors, errors
