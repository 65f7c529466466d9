"""Employer privacy parity (UU PDP): export, account deletion, privacy policy and terms."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User
from listings.messaging.services import inbox_item_text
from listings.models import Application, Gig, GigEvent, InboxItem
from tests import factories

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_employer_downloads_their_data_as_json(client_for, employer):
    gig = factories.PublishedGigFactory(employer=employer, title="Admin Toko Kain")
    application = factories.ApplicationFactory(
        gig=gig, employer_note="Cepat membalas", message="Rahasia pelamar"
    )
    response = client_for(employer).get(reverse("accounts:employer_data_export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == employer.email
    assert data["employer_profile"]["business_name"] == employer.employer_profile.business_name
    assert data["gigs"][0]["title"] == "Admin Toko Kain"
    assert data["gigs"][0]["applications"] == [
        {
            "id": application.pk,
            "status": "sent",
            "created_at": application.created_at.isoformat(),
            "your_note": "Cepat membalas",
        }
    ]
    assert "Rahasia pelamar" not in response.content.decode()  # the applicant's words are theirs


def test_only_employers_export_or_delete_an_employer_account(client_for, worker):
    assert client_for(worker).get(reverse("accounts:employer_data_export")).status_code == 404
    assert (
        client_for(worker).post(reverse("accounts:employer_account_delete"), {"confirm": "HAPUS"}).status_code
        == 404
    )
    assert User.objects.filter(pk=worker.pk, is_active=True).exists()


def test_deletion_needs_the_confirmation_word(client_for, employer):
    response = client_for(employer).post(reverse("accounts:employer_account_delete"), {"confirm": "ya"})
    assert response.status_code == 200
    assert "Ketik HAPUS" in response.content.decode()
    assert User.objects.get(pk=employer.pk).deleted_at is None


def test_deleting_an_employer_closes_gigs_anonymises_and_keeps_applicants_records(
    client_for, employer, settings, django_capture_on_commit_callbacks
):
    profile = employer.employer_profile
    profile.logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    profile.save()
    logo_path = settings.MEDIA_ROOT / profile.logo.name
    assert logo_path.exists()
    published = factories.PublishedGigFactory(
        employer=employer, title="Admin Hijab", description="Hubungi 0812xxx"
    )
    pending = factories.PendingGigFactory(employer=employer)
    open_application = factories.ApplicationFactory(gig=published, employer_note="catatan")
    hired = factories.ApplicationFactory(gig=published, status="hired")
    email = employer.email
    client = client_for(employer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:employer_account_delete"), {"confirm": "hapus"})
    assert response.status_code == 302
    user = User.objects.get(pk=employer.pk)
    assert user.deleted_at is not None
    assert not user.is_active
    assert not user.has_usable_password()
    assert email not in user.email
    assert user.display_name == "Akun yang sudah dihapus"
    assert not hasattr(user, "employer_profile") or user.employer_profile is None
    assert not EmailAddress.objects.filter(email__iexact=email).exists()
    assert not logo_path.exists()
    published.refresh_from_db()
    pending.refresh_from_db()
    assert published.status == "closed"
    assert pending.status == "rejected"
    assert published.title == "Admin Hijab"
    assert "0812" not in published.description
    assert GigEvent.objects.filter(gig=published, action="close", actor=None).exists()
    open_application.refresh_from_db()
    hired.refresh_from_db()
    assert open_application.status == "declined"
    assert open_application.employer_note == ""
    assert hired.status == "hired"
    notice = InboxItem.objects.get(user=open_application.worker)
    assert "menghapus akunnya" in inbox_item_text(notice)
    assert [m.to for m in mail.outbox] == [[open_application.worker.email]]
    assert not Gig.objects.published().filter(pk=published.pk).exists()
    assert client.get(reverse("listings:my_gigs")).status_code == 302  # logged out
    assert Application.objects.filter(gig__employer=user).count() == 2


def test_privacy_policy_and_terms_are_linked_from_signup_and_footer(client):
    signup = client.get(reverse("account_signup")).content.decode()
    home = client.get(reverse("listings:home")).content.decode()
    for html in (signup, home):
        assert f'href="{reverse("accounts:privacy")}"' in html
        assert f'href="{reverse("accounts:terms")}"' in html
    privacy = client.get(reverse("accounts:privacy")).content.decode()
    assert "UU PDP" in privacy
    for heading in (
        "Data yang kami simpan",
        "Untuk apa data dipakai",
        "Berapa lama data disimpan",
        "Hak Anda",
    ):
        assert heading in privacy
    assert client.get(reverse("accounts:terms")).status_code == 200
