"""Error pages are in Indonesian, carry the navigation, and a gone gig offers similar open ones."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings

from listings.errors import permission_denied
from tests import factories

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_expired_gig_link_lands_on_an_ended_page_with_similar_open_gigs(client):
    """A link shared on WhatsApp outlives the gig: 410 (gone for good), with similar open gigs
    and the site's navigation, never a dead end."""
    gone = factories.ExpiredGigFactory(title="Admin Lama Kedaluwarsa", pay_model="daily", work_mode="remote")
    factories.PublishedGigFactory(title="Admin Harian Masih Buka", pay_model="daily", work_mode="remote")
    response = client.get(gone.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "Admin Harian Masih Buka" in html
    assert 'href="/lowongan/"' in html and "Menu utama" in html  # the site's own navigation


def test_a_gig_that_never_went_public_is_a_404_with_open_gigs(client):
    hidden = factories.PendingGigFactory(title="Admin Belum Tayang", pay_model="daily", work_mode="remote")
    factories.PublishedGigFactory(title="Admin Harian Masih Buka", pay_model="daily", work_mode="remote")
    response = client.get(hidden.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 404
    assert "Lowongan ini sudah tidak tersedia" in html and "Admin Harian Masih Buka" in html


@override_settings(DEBUG=False)
def test_unknown_page_is_a_navigable_404(client):
    html = client.get("/tidak-ada-halaman-ini/").content.decode()
    assert "Halaman tidak ditemukan" in html and "Cari lowongan" in html


@override_settings(DEBUG=False)
def test_403_is_indonesian_with_navigation(rf):
    """The site's 403 page (jobboard/urls.py handler403). Pages of another role answer 404
    (accounts.permissions), so this page is for refusals Django itself raises."""
    request = rf.get("/")
    request.user = factories.WorkerFactory()
    response = permission_denied(request)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Tidak boleh dibuka" in html and "Menu utama" in html


def test_500_page_is_indonesian_and_standalone():
    """The 500 page renders without a request context (as Django's server_error does)."""
    html = render_to_string("500.html")
    assert "Ada gangguan di server kami" in html and 'href="/lowongan/"' in html
