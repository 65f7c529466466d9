"""Input and output hardening: NUL bytes, private caching, signup timing, the data export."""

import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from listings.models import Alert
from tests import factories
from tests.security.hashers import CountingHasher

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.mark.django_db
def test_nul_bytes_in_a_saved_search_are_dropped_not_a_500(client_for, worker):
    """The search's query string (city, q) and the alert's own name may carry NULs: stripped."""
    response = client_for(worker).post(
        reverse("listings:alert_create"), {"query": "q=cs%00+wfh&city=Band%00ung", "name": "Kerja\x00 malam"}
    )
    assert response.status_code == 302
    alert = Alert.objects.get(worker=worker)
    assert (alert.city, alert.q, alert.name) == ("Bandung", "cs wfh", "Kerja malam")


@pytest.mark.django_db
def test_nul_bytes_in_moderator_notes_are_dropped_not_a_500(client_for, moderator, worker):
    """Report resolution and account trust notes are read straight from the POST: stripped too."""
    gig = factories.PublishedGigFactory()
    client_for(worker).post(reverse("listings:gig_report", args=[gig.pk, gig.slug]), {"reason": "other"})
    report = gig.reports.get()
    staff = client_for(moderator)
    response = staff.post(
        reverse("listings:report_resolve", args=[report.pk]),
        {"outcome": "dismissed", "note": "Aman\x00 saja"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert "\x00" not in report.resolution_note and report.status != "open"
    trust = staff.post(
        reverse("listings:employer_trust", args=[gig.employer.pk, "verify"]), {"note": "Toko\x00 asli"}
    )
    assert trust.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/lowongan/?q=cs%00&city=Ban%00dung", "/api/v1/gigs/?q=cs%00&city=Ban%00dung"]
)
def test_nul_bytes_in_search_parameters_are_dropped(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_personal_pages_and_exports_are_private_no_store(client_for, worker):
    """Anything rendered for a signed-in person, and the data export, is `private, no-store`;
    public pages for anonymous visitors stay cacheable."""
    client = client_for(worker)
    for url in (
        reverse("accounts:worker_profile"),
        reverse("listings:my_applications"),
        reverse("listings:inbox"),
        reverse("listings:home"),
        reverse("accounts:worker_data_export"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
    assert "no-store" not in Client().get(reverse("listings:home")).get("Cache-Control", "")


@pytest.mark.django_db
def test_the_data_export_links_a_portfolio_download_that_works(client_for, worker):
    """The export's portfolio link opens the worker's own PDF (there is no public /media/)."""
    client = client_for(worker)
    response = client.post(
        reverse("accounts:worker_profile"),
        {
            "display_name": "Siti",
            "years_experience": "1",
            "open_to_remote": "on",
            "portfolio_pdf": SimpleUploadedFile("cv.pdf", PDF, "application/pdf"),
            "slots-TOTAL_FORMS": "0",
            "slots-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    export = json.loads(client.get(reverse("accounts:worker_data_export")).content)
    link = export["worker_profile"]["portfolio_pdf"]
    path = link.split("://", 1)[1].split("/", 1)[1]
    download = client.get("/" + path)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Cache-Control"] == "private, no-store"
    assert Client().get("/" + path).status_code == 302  # anonymous: to the login page


@pytest.mark.django_db
def test_signup_with_a_taken_email_does_the_same_work_as_a_new_one(client, worker, settings):
    """Both answers hash the password once and send one email, so timing them tells nothing."""
    settings.PASSWORD_HASHERS = ["tests.security.hashers.CountingHasher"]
    data = {"password1": "Sandi-Baru-1234", "password2": "Sandi-Baru-1234", "role": "worker"}
    work = []
    for email in (worker.email, "orang.baru@contoh.id"):
        CountingHasher.calls = 0
        mail.outbox.clear()
        assert Client().post(reverse("account_signup"), {**data, "email": email}).status_code == 302
        work.append((CountingHasher.calls, len(mail.outbox)))
    assert work[0] == work[1] == (1, 1)
