"""Sharing and discovery: share link, link previews, canonical, sitemap, robots, similar gigs."""

import io
import json
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from listings.discovery.selectors import similar_gigs
from listings.gigs import services
from tests import factories

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _jsonld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.smoke
def test_gig_page_has_a_whatsapp_share_link_with_the_gig_pay_and_link(client, settings):
    settings.SITE_URL = "https://lokercs.id"
    gig = factories.PublishedGigFactory(title="Admin WA Toko Kue", pay_min=80_000)
    html = client.get(gig.get_absolute_url()).content.decode()
    share = re.search(r'href="(https://wa\.me/\?text=[^"]+)"', html).group(1)
    text = parse_qs(urlsplit(share.replace("&amp;", "&")).query)["text"][0]
    assert "Admin WA Toko Kue" in text
    assert "Rp 80.000 / hari" in text
    assert "https://lokercs.id" + gig.get_absolute_url() in text
    assert "Bagikan ke WhatsApp" in html


def test_gig_page_has_opengraph_twitter_and_canonical_tags(client, settings):
    settings.SITE_URL = "https://lokercs.id"
    gig = factories.PublishedGigFactory(title="CS Shopee <b>Malam</b>")
    html = client.get(gig.get_absolute_url() + "?utm_source=wa").content.decode()
    canonical = "https://lokercs.id" + gig.get_absolute_url()
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="CS Shopee &lt;b&gt;Malam&lt;/b&gt;">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image == "https://lokercs.id" + reverse("listings:gig_preview_image", args=[gig.pk, gig.slug])
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_preview_image_is_a_1200x630_png_stored_once_per_version(client, settings):
    gig = factories.PublishedGigFactory(title="Admin Olshop Frozen Food — Shift Pagi", pay_max=90_000)
    url = reverse("listings:gig_preview_image", args=[gig.pk, gig.slug])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age" in response["Cache-Control"]
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    stored = list((settings.MEDIA_ROOT / "previews" / str(gig.pk)).iterdir())
    assert len(stored) == 1
    assert client.get(url).content == response.content
    services.gig_update(gig=gig, by=gig.employer, data={"pay_min": 85_000})
    services.gig_approve(gig=gig, by=factories.ModeratorFactory())
    changed = client.get(url).content
    assert changed != response.content
    assert len(list((settings.MEDIA_ROOT / "previews" / str(gig.pk)).iterdir())) == 1  # old one removed


def test_preview_image_only_for_live_gigs(client):
    gig = factories.PendingGigFactory()
    assert client.get(reverse("listings:gig_preview_image", args=[gig.pk, gig.slug])).status_code == 404


def test_jsonld_carries_identifier_organisation_links_and_direct_apply(client, settings):
    settings.SITE_URL = "https://lokercs.id"
    employer = factories.EmployerFactory()
    profile = employer.employer_profile
    profile.instagram_url = "https://instagram.com/tokoku"
    profile.marketplace_url = "https://shopee.co.id/tokoku"
    profile.save()
    gig = factories.PublishedGigFactory(employer=employer)
    data = _jsonld(client.get(gig.get_absolute_url()).content.decode())
    assert data["identifier"] == {"@type": "PropertyValue", "name": "Loker CS", "value": str(gig.pk)}
    assert data["directApply"] is True
    organization = data["hiringOrganization"]
    assert organization["sameAs"] == ["https://instagram.com/tokoku", "https://shopee.co.id/tokoku"]
    assert organization["url"] == "https://lokercs.id" + profile.get_absolute_url()
    assert "logo" not in organization  # no logo uploaded


def test_jsonld_salary_for_commission_and_per_project_gigs(client):
    commission = factories.PublishedGigFactory(
        pay_model="commission", pay_min=1_000_000, commission_description="Rp 5.000 per pesanan"
    )
    data = _jsonld(client.get(commission.get_absolute_url()).content.decode())
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "unitText": "MONTH",
        "minValue": 1_000_000,
    }
    assert data["incentiveCompensation"] == "Rp 5.000 per pesanan"
    pure = factories.PublishedGigFactory(pay_model="commission", pay_min=0, commission_description="3%")
    assert "baseSalary" not in _jsonld(client.get(pure.get_absolute_url()).content.decode())
    project = factories.PublishedGigFactory(pay_model="per_project", pay_min=500_000, pay_max=750_000)
    assert "baseSalary" not in _jsonld(client.get(project.get_absolute_url()).content.decode())


def test_similar_gigs_share_duties_and_place_and_exclude_the_gig_itself():
    gig = factories.PublishedGigFactory(duties=["packing", "stock_update"], channels=["tokopedia"])
    best = factories.PublishedGigFactory(duties=["packing", "stock_update"], channels=["tokopedia"])
    some = factories.PublishedGigFactory(
        duties=["packing"], channels=["lazada"], work_mode="onsite", city="Solo"
    )
    factories.PendingGigFactory(duties=["packing", "stock_update"])
    factories.PublishedGigFactory(
        duties=["content_creation"], channels=["instagram"], work_mode="onsite", city="Medan"
    )
    assert similar_gigs(gig=gig) == [best, some]


def test_gig_page_lists_similar_gigs_within_the_query_budget(client, django_assert_max_num_queries):
    gig = factories.PublishedGigFactory()
    others = [factories.PublishedGigFactory(title=f"Serupa {n}") for n in range(6)]
    with django_assert_max_num_queries(6):
        html = client.get(gig.get_absolute_url()).content.decode()
    assert "Lowongan serupa" in html
    assert sum(other.title in html for other in others) == 4


@pytest.mark.parametrize("factory", [factories.ExpiredGigFactory, factories.ClosedGigFactory])
def test_ended_gig_answers_410_with_similar_live_gigs(client, factory):
    gig = factory(title="Admin Lama Sudah Tutup")
    live = factories.PublishedGigFactory(title="Admin Baru Masih Buka")
    response = client.get(gig.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "Admin Lama Sudah Tutup" in html
    assert "Admin Baru Masih Buka" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Bagikan ke WhatsApp" not in html
    assert live.get_absolute_url() in html


def test_gig_past_its_expiry_date_is_ended_too(client):
    gig = factories.PublishedGigFactory(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(gig.get_absolute_url()).status_code == 410


@pytest.mark.parametrize(
    "factory", [factories.DraftGigFactory, factories.PendingGigFactory, factories.RejectedGigFactory]
)
def test_gigs_that_never_went_public_stay_404(client, factory):
    assert client.get(factory().get_absolute_url()).status_code == 404


def _locs(response, path: str) -> list[str]:
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    return [loc.text for loc in root.findall(path, SITEMAP_NS)]


def test_sitemap_lists_live_gigs_businesses_with_live_gigs_and_public_pages(client, settings):
    settings.SITE_URL = "https://lokercs.id"
    live = factories.PublishedGigFactory()
    pending = factories.PendingGigFactory()
    quiet_business = factories.EmployerFactory().employer_profile
    sections = _locs(client.get(reverse("listings:sitemap")), "s:sitemap/s:loc")
    assert sections == [f"https://lokercs.id/sitemap-{name}.xml" for name in ("lowongan", "usaha", "halaman")]
    urls = []
    for section in ("lowongan", "usaha", "halaman"):
        urls += _locs(client.get(reverse("listings:sitemap_section", args=[section])), "s:url/s:loc")
    assert "https://lokercs.id" + live.get_absolute_url() in urls
    assert "https://lokercs.id" + pending.get_absolute_url() not in urls
    assert "https://lokercs.id" + live.employer.employer_profile.get_absolute_url() in urls
    assert "https://lokercs.id" + quiet_business.get_absolute_url() not in urls
    assert "https://lokercs.id/gaji/" in urls
    assert "https://lokercs.id/privasi/" in urls
    assert client.get(reverse("listings:sitemap_section", args=["rahasia"])).status_code == 404


def test_robots_txt_keeps_private_areas_out_and_points_to_the_sitemap(client, settings):
    settings.SITE_URL = "https://lokercs.id"
    response = client.get(reverse("listings:robots"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /saya/" in body
    assert "Disallow: /moderasi/" in body
    assert "Sitemap: https://lokercs.id/sitemap.xml" in body
    assert reverse("listings:robots") == "/robots.txt"
