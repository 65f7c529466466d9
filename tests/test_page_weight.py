"""Page weight budget: many users are on slow, metered mobile data.

Each main page's HTML stays ≤ 60 KB, all the CSS+JS the pages reference adds up to ≤ 60 KB
(uncompressed), and no page makes the browser fetch anything from another host. Off-site
URLs may appear only as plain links: ones users typed in (a shop's Instagram or marketplace)
and the WhatsApp contact links.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.pages import ResourceParser, build_main_pages

HTML_BUDGET = 60 * 1024
ASSETS_BUDGET = 60 * 1024
OUR_HOSTS = {"", "testserver"}
CONTACT_LINK_HOSTS = {"wa.me"}  # "Chat WhatsApp" links after a shortlist: a link, not a request


def _static_size(url: str) -> int:
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not one of our static files"
    found = finders.find(path[len(settings.STATIC_URL) :])
    assert found, f"{url} does not exist"
    return Path(found).stat().st_size


@pytest.mark.django_db
def test_main_pages_stay_within_the_weight_budget_and_load_nothing_from_other_hosts(client_for, capsys):
    """Every main page: HTML ≤ 60 KB; CSS+JS referenced by all of them together ≤ 60 KB; no
    src/href/action to a third-party host except links users typed in; no inline scripts
    (JSON-LD data aside) and no style attributes, which the strict CSP would block."""
    pages, users, user_links = build_main_pages()
    # Canonical links name our own public address (SITE_URL); they are not fetched.
    our_hosts = OUR_HOSTS | {urlsplit(settings.SITE_URL).hostname}
    assets: dict[str, int] = {}
    report, problems = [], []
    for name, role, url in pages:
        response = client_for(users[role]).get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        html = response.content.decode()
        parser = ResourceParser()
        parser.feed(html)
        for asset in parser.stylesheets + parser.scripts:
            assets[urlsplit(asset).path] = _static_size(asset)
        report.append(f"{name:24} {len(response.content) / 1024:6.1f} KB  {url}")
        if len(response.content) > HTML_BUDGET:
            problems.append(f"{name}: HTML is {len(response.content)} bytes")
        for tag, attribute, value in parser.urls:
            host = urlsplit(value).hostname or ""
            plain_link = tag == "a" and (value in user_links or host in CONTACT_LINK_HOSTS)
            if host not in our_hosts and not plain_link:
                problems.append(f"{name}: <{tag} {attribute}={value!r}> points to another host")
        for attrs in parser.inline_scripts:
            if attrs.get("type") not in ("application/json", "application/ld+json"):
                problems.append(f"{name}: inline <script {attrs}> would be blocked by the CSP")
        if parser.style_attributes:
            problems.append(f"{name}: style attributes on {parser.style_attributes}")
    total = sum(assets.values())
    report.append(f"{'CSS+JS total':24} {total / 1024:6.1f} KB  {sorted(assets)}")
    with capsys.disabled():
        print("\nPage weight (uncompressed):\n  " + "\n  ".join(report))
    assert total <= ASSETS_BUDGET, f"CSS+JS is {total} bytes: {assets}"
    assert assets, "no stylesheet found: the parser is broken"
    assert not problems, "\n".join(problems)
