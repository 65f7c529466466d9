"""Installable and light: manifest, service worker, offline page, all within the budget."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_every_page_links_the_manifest_and_registers_the_service_worker(client):
    html = client.get(reverse("listings:home")).content.decode()
    assert f'<link rel="manifest" href="{reverse("listings:manifest")}">' in html
    script = re.search(r'<script src="([^"]+pwa\.js)" defer>', html).group(1)
    source = Path(finders.find("js/pwa.js")).read_text()
    assert 'navigator.serviceWorker.register("/sw.js")' in source
    assert script.endswith("js/pwa.js")


def test_manifest_is_installable(client):
    response = client.get(reverse("listings:manifest"))
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["display"] == "standalone"
    assert data["start_url"] == "/"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_service_worker_is_served_from_the_root_and_caches_the_shell(client):
    response = client.get(reverse("listings:service_worker"))
    assert reverse("listings:service_worker") == "/sw.js"
    assert response["Content-Type"].startswith("application/javascript")
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert '"/offline/"' in body
    assert "css/site.css" in body
    assert 'SEARCH = "/lowongan/"' in body
    assert len(response.content) < 3 * 1024  # small, hand-written, no framework


def test_offline_page_stands_alone(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get(reverse("listings:offline"))
    html = response.content.decode()
    assert "Anda sedang offline" in html
    assert "<form" not in html  # cached once, so no CSRF token that could go stale
