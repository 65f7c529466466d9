"""Error pages are in Indonesian, carry the navigation, and a gone gig offers similar open ones."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_expired_gig_link_lands_on_a_404_with_similar_open_gigs(client):
    gone = factories.ExpiredGigFactory(title="Admin Lama Kedaluwarsa", pay_model="daily", work_mode="remote")
    factories.PublishedGigFactory(title="Admin Harian Masih Buka", pay_model="daily", work_mode="remote")
    response = client.get(gone.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 404
    assert "Lowongan ini sudah tidak tersedia" in html and "Admin Harian Masih Buka" in html
    assert 'href="/lowongan/"' in html and "Menu utama" in html  # the site's own navigation


@override_settings(DEBUG=False)
def test_unknown_page_is_a_navigable_404(client):
    html = client.get("/tidak-ada-halaman-ini/").content.decode()
    assert "Halaman tidak ditemukan" in html and "Cari lowongan" in html


@override_settings(DEBUG=False)
def test_403_is_indonesian_with_navigation(client_for):
    """A worker opening the gig form (employers only) gets the site's 403 page."""
    response = client_for(factories.WorkerFactory()).get(reverse("listings:gig_create"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Tidak boleh dibuka" in html and "Menu utama" in html


def test_500_page_is_indonesian_and_standalone():
    """The 500 page renders without a request context (as Django's server_error does)."""
    html = render_to_string("500.html")
    assert "Ada gangguan di server kami" in html and 'href="/lowongan/"' in html
