"""Self-serve UMKM verification (issue 16, item 5)."""

import io
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from listings.gigs.jsonld import job_posting
from listings.models import EmployerEvent, Gig, InboxItem, VerificationEvent, VerificationRequest
from listings.verification import selectors, services
from tests import factories

pytestmark = pytest.mark.django_db


def png(name="foto.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 12), (200, 120, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def submit(employer, **overrides):
    data = {
        "nib": "9120 0012 34567",
        "marketplace_url": "https://shopee.co.id/tokoberkah",
        "ktp": png("ktp.png"),
    }
    data.update(overrides)
    return services.verification_request_submit(profile=employer.employer_profile, by=employer, **data)


def test_owner_requests_and_moderator_grants_ktp_is_deleted(
    employer, moderator, django_capture_on_commit_callbacks
):
    request = submit(employer, shop_photo=png(), instagram_url="https://www.instagram.com/tokoberkah")
    assert request.nib == "9120001234567"
    ktp_name = request.ktp.name
    assert default_storage.exists(ktp_name) and "ktp" in ktp_name

    with django_capture_on_commit_callbacks(execute=True):
        services.verification_grant(
            request=request, by=moderator, checks=["nib", "identity"], note="NIB cocok di OSS"
        )
    request.refresh_from_db()
    employer.employer_profile.refresh_from_db()
    assert employer.employer_profile.is_verified
    assert request.status == "granted" and not request.ktp and request.ktp_deleted_at
    assert not default_storage.exists(ktp_name)
    assert request.shop_photo and default_storage.exists(request.shop_photo.name)
    assert [e.action for e in VerificationEvent.objects.order_by("pk")] == ["submit", "grant"]
    assert EmployerEvent.objects.filter(action="verify", actor=moderator).exists()
    assert InboxItem.objects.filter(user=employer, kind="verification").exists()
    badge = selectors.verification_badge(employer.employer_profile)
    assert badge.check_labels == ["NIB terdaftar di OSS", "Identitas pemilik (KTP) cocok"]


def test_decline_needs_a_reason_and_deletes_the_ktp(employer, moderator):
    request = submit(employer)
    with pytest.raises(services.VerificationError):
        services.verification_decline(request=request, by=moderator, reason=" ")
    services.verification_decline(request=request, by=moderator, reason="Link toko tidak bisa dibuka")
    request.refresh_from_db()
    assert request.status == "declined" and not request.ktp
    assert not employer.employer_profile.is_verified
    again = submit(employer)  # may ask again after a decline
    assert again.status == "pending"


def test_one_open_request_at_a_time(employer):
    submit(employer)
    with pytest.raises(services.VerificationError, match="masih diperiksa"):
        submit(employer)
    assert VerificationRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nib": "", "marketplace_url": ""}, "nib"),
        ({"nib": "12345"}, "nib"),
        ({"marketplace_url": "https://tokobodong.example.com/x"}, "marketplace_url"),
        ({"instagram_url": "https://facebook.com/toko"}, "instagram_url"),
        ({"ktp": None}, "ktp"),
        (
            {"ktp": SimpleUploadedFile("ktp.exe", b"MZ\x90\x00", content_type="application/octet-stream")},
            "ktp",
        ),
        (
            {"ktp": SimpleUploadedFile("ktp.jpg", b"<html>bukan foto</html>", content_type="image/jpeg")},
            "ktp",
        ),
        (
            {"shop_photo": SimpleUploadedFile("toko.pdf", b"%PDF-1.4", content_type="application/pdf")},
            "shop_photo",
        ),
    ],
)
def test_bad_evidence_is_refused_with_a_reason(employer, overrides, field):
    with pytest.raises(services.VerificationError) as error:
        submit(employer, **overrides)
    assert field in error.value.message_dict
    assert not VerificationRequest.objects.exists()


def test_only_the_owner_asks_and_only_moderators_decide(employer, other_employer, worker):
    with pytest.raises(PermissionDenied):
        services.verification_request_submit(
            profile=employer.employer_profile, by=other_employer, nib="9120001234567", ktp=png()
        )
    request = submit(employer)
    for user in (employer, other_employer, worker):
        with pytest.raises(PermissionDenied):
            services.verification_grant(request=request, by=user, checks=["nib"])


def test_grant_records_what_was_checked(employer, moderator):
    request = submit(employer)
    with pytest.raises(services.VerificationError):
        services.verification_grant(request=request, by=moderator, checks=["identity"])
    services.verification_grant(request=request, by=moderator, checks=["marketplace"])
    with pytest.raises(services.VerificationError, match="sudah diputuskan"):
        services.verification_grant(request=request, by=moderator, checks=["nib"])


def test_badge_is_explained_and_in_api_and_json_ld(client, employer, moderator):
    gig = factories.PublishedGigFactory(employer=employer)
    services.verification_grant(request=submit(employer), by=moderator, checks=["nib", "marketplace"])
    page = client.get(employer.employer_profile.get_absolute_url()).content.decode()
    assert "NIB terdaftar di OSS" in page and "Toko di marketplace aktif" in page
    listed = client.get("/api/v1/gigs/").json()["results"][0]["employer"]
    assert listed["verified"] is True and listed["verification"]["checked"] == ["nib", "marketplace"]
    detail = client.get(f"/api/v1/gigs/{gig.pk}/").json()["employer"]
    assert detail["verification"]["checked"] == ["nib", "marketplace"]
    gig = Gig.objects.with_card_data().get(pk=gig.pk)
    credential = job_posting(gig)["hiringOrganization"]["hasCredential"]
    assert credential["credentialCategory"] == "UMKM terverifikasi"
    assert "NIB" in credential["description"]
    other = factories.PublishedGigFactory()
    assert "hasCredential" not in job_posting(other)["hiringOrganization"]
    assert json.dumps(job_posting(gig))


def test_api_list_badges_cost_one_query_per_page(client, moderator, django_assert_max_num_queries):
    for _ in range(3):
        owner = factories.EmployerFactory()
        factories.PublishedGigFactory(employer=owner)
        services.verification_grant(request=submit(owner), by=moderator, checks=["nib"])
    factories.PublishedGigFactory()
    with django_assert_max_num_queries(6):
        results = client.get("/api/v1/gigs/").json()["results"]
    assert sum(r["employer"]["verified"] for r in results) == 3


def test_pages_end_to_end_and_evidence_only_for_moderators(
    client_for, employer, other_employer, moderator, django_assert_max_num_queries
):
    owner = client_for(employer)
    url = reverse("listings:verification_request")
    bad = owner.post(url, {"nib": "abc", "ktp": png("ktp.png")})
    assert bad.status_code == 200 and "13 angka" in bad.content.decode()
    response = owner.post(url, {"nib": "9120001234567", "ktp": png("ktp.png"), "shop_photo": png()})
    assert response.status_code == 302
    request = VerificationRequest.objects.get()
    assert "Menunggu pemeriksaan" in owner.get(url).content.decode()

    staff = client_for(moderator)
    with django_assert_max_num_queries(8):
        queue = staff.get(reverse("listings:verification_queue"))
    assert employer.employer_profile.business_name in queue.content.decode()
    ktp_url = reverse("listings:verification_file", args=[request.pk, "ktp"])
    for user in (None, employer, other_employer):
        assert client_for(user).get(ktp_url).status_code in (302, 404)
    served = staff.get(ktp_url)
    assert served.status_code == 200 and served["Cache-Control"] == "private, no-store"
    review_url = reverse("listings:verification_review", args=[request.pk])
    refused = staff.post(review_url, {"decision": "grant"})
    assert refused.status_code == 200 and "minimal NIB" in refused.content.decode()
    granted = staff.post(review_url, {"decision": "grant", "checks": ["nib", "identity"], "reason": "ok"})
    assert granted.status_code == 302
    assert staff.get(ktp_url).status_code == 404
