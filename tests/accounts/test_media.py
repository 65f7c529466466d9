"""Uploaded files are served by views that check who may see them, never from a public folder."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


def test_logo_is_public_and_served_as_an_image(client):
    employer = factories.EmployerFactory()
    profile = employer.employer_profile
    profile.logo = SimpleUploadedFile("toko.png", _png(), content_type="image/png")
    profile.save()
    response = client.get(reverse("accounts:employer_logo", args=[profile.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    html = client.get(profile.get_absolute_url()).content.decode()
    assert reverse("accounts:employer_logo", args=[profile.pk]) in html


def test_missing_logo_is_404(client):
    profile = factories.EmployerFactory().employer_profile
    assert client.get(reverse("accounts:employer_logo", args=[profile.pk])).status_code == 404


def test_uploads_have_no_public_url(client, settings):
    """No /media/ route: a guessed file path is a 404 even with DEBUG on."""
    assert client.get(settings.MEDIA_URL + "portfolios/x.pdf").status_code == 404


def test_portfolio_pdf_only_for_applicant_and_gig_owner(client_for, other_worker, other_employer, moderator):
    application = factories.ApplicationFactory()
    profile = application.worker.worker_profile
    profile.portfolio_pdf = SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf")
    profile.save()
    url = reverse("listings:application_portfolio", args=[application.pk])
    for user in (application.worker, application.gig.employer):
        response = client_for(user).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content) == PDF
    for user in (other_worker, other_employer, moderator):
        assert client_for(user).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302
