"""Lifecycle and moderation loopholes: expiry, duplicates, Django admin, bans, reports."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.privacy import worker_account_delete
from listings.gigs import services
from listings.messaging.services import inbox_item_text
from listings.models import Gig, GigScreening, InboxItem, Report
from listings.screening import load_rules
from listings.trust import services as safety
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db

CLEAN_TEXT = "Membalas chat pembeli di WhatsApp dan Shopee, input pesanan dan rekap harian untuk owner."
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _verified(employer, moderator):
    safety.employer_verify(profile=employer.employer_profile, by=moderator, note="Toko dicek")
    return employer


def _submit(gig, by, capture):
    with capture(execute=True):
        services.gig_submit(gig=gig, by=by)
    return Gig.objects.get(pk=gig.pk)


def test_thirty_days_start_when_the_gig_is_published(employer, moderator):
    """A draft started 31 days ago and approved today is live for the full lifetime."""
    gig = factories.DraftGigFactory(employer=employer, expires_at=timezone.now() - timedelta(days=1))
    Gig.objects.filter(pk=gig.pk).update(created_at=timezone.now() - timedelta(days=31))
    services.gig_submit(gig=gig, by=employer)
    services.gig_approve(gig=gig, by=moderator)
    gig.refresh_from_db()
    assert gig.is_live
    assert gig.expires_at > timezone.now() + timedelta(days=29)


@pytest.mark.parametrize("source_status", [GigStatus.SUSPENDED, GigStatus.REJECTED])
def test_copy_of_a_taken_down_gig_goes_to_review(
    employer, moderator, source_status, django_capture_on_commit_callbacks
):
    """Even a verified owner's clean copy of a suspended/rejected gig waits for a moderator."""
    _verified(employer, moderator)
    source = factories.PublishedGigFactory(employer=employer, status=source_status, description=CLEAN_TEXT)
    copy = services.gig_duplicate(gig=source, by=employer)
    assert copy.copied_from == source
    copy = _submit(copy, employer, django_capture_on_commit_callbacks)
    assert copy.status == GigStatus.PENDING
    assert copy.screening.outcome == GigScreening.Outcome.HELD
    assert f"copy_of_{source_status}" in {r["code"] for r in copy.screening.reasons}


def test_near_identical_post_from_the_same_owner_is_flagged(
    employer, moderator, django_capture_on_commit_callbacks
):
    """Posting the same gig twice is held as a duplicate, not auto-published."""
    _verified(employer, moderator)
    live = factories.PublishedGigFactory(employer=employer, description=CLEAN_TEXT)
    again = factories.DraftGigFactory(employer=employer, title=live.title, description=CLEAN_TEXT)
    again = _submit(again, employer, django_capture_on_commit_callbacks)
    assert again.status == GigStatus.PENDING and again.screening.flagged
    assert {"code": "duplicate_post", "evidence": f"#{live.pk}"}.items() <= next(
        r for r in again.screening.reasons if r["code"] == "duplicate_post"
    ).items()


def test_reposting_a_closed_gig_is_still_auto_published(
    employer, moderator, django_capture_on_commit_callbacks
):
    """Closed or expired gigs may be copied and reposted: that is what "Duplikat" is for."""
    _verified(employer, moderator)
    closed = factories.ClosedGigFactory(employer=employer, description=CLEAN_TEXT)
    copy = _submit(
        services.gig_duplicate(gig=closed, by=employer), employer, django_capture_on_commit_callbacks
    )
    assert copy.status == GigStatus.PUBLISHED


def test_demo_style_moderator_opens_django_admin_through_the_group(client_for):
    """The Moderator group (a migration) gives a staff non-superuser the admin pages it needs."""
    moderator = factories.ModeratorFactory(is_superuser=False)
    moderator.groups.add(Group.objects.get(name="Moderator"))
    gig = factories.PublishedGigFactory()
    client = client_for(moderator)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/listings/gig/").status_code == 200
    assert client.get("/admin/listings/report/").status_code == 200
    assert client.get(f"/admin/listings/gig/{gig.pk}/change/").status_code == 200


def test_gig_fields_are_read_only_in_django_admin(client_for):
    """A published gig can't be edited around gig_update (re-screening, audit, review)."""
    admin = factories.ModeratorFactory(is_superuser=True)
    gig = factories.PublishedGigFactory(title="Admin Asli")
    client = client_for(admin)
    html = client.get(f"/admin/listings/gig/{gig.pk}/change/").content.decode()
    assert 'name="title"' not in html and 'name="pay_min"' not in html and 'name="status"' not in html
    client.post(f"/admin/listings/gig/{gig.pk}/change/", {"title": "Diubah diam-diam", "status": "draft"})
    gig.refresh_from_db()
    assert (gig.title, gig.status) == ("Admin Asli", GigStatus.PUBLISHED)
    assert client.get("/admin/listings/gig/add/").status_code == 403


def test_report_status_and_user_is_active_are_read_only_in_admin(client_for, employer):
    admin = factories.ModeratorFactory(is_superuser=True)
    report = Report.objects.create(
        gig=factories.PublishedGigFactory(), reporter=factories.WorkerFactory(), reason="other"
    )
    client = client_for(admin)
    assert 'name="status"' not in client.get(f"/admin/listings/report/{report.pk}/change/").content.decode()
    assert (
        'name="is_active"' not in client.get(f"/admin/accounts/user/{employer.pk}/change/").content.decode()
    )


def test_banned_employer_page_and_logo_are_404(client, employer, moderator):
    profile = employer.employer_profile
    profile.logo = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    profile.save()
    page = reverse("accounts:employer_public", args=[profile.pk])
    logo = reverse("accounts:employer_logo", args=[profile.pk])
    assert client.get(page).status_code == 200 and client.get(logo).status_code == 200
    safety.employer_ban(user=employer, by=moderator, reason="Penipuan")
    assert client.get(page).status_code == 404
    assert client.get(logo).status_code == 404


def test_the_reporter_whose_report_suspends_the_gig_sees_a_confirmation(client_for):
    gig = factories.PublishedGigFactory()
    threshold = int(load_rules().settings["auto_suspend_reports"])
    for _ in range(threshold - 1):
        Report.objects.create(gig=gig, reporter=factories.WorkerFactory(), reason="scam_fee")
    last = client_for(factories.WorkerFactory())
    url = reverse("listings:gig_report", args=[gig.pk, gig.slug])
    response = last.post(url, {"reason": "scam_fee", "details": ""}, follow=True)
    assert response.status_code == 200
    assert "Laporan diterima" in response.content.decode()
    assert Gig.objects.get(pk=gig.pk).status == GigStatus.SUSPENDED


def test_report_outcome_reaches_the_reporters_inbox(moderator):
    reporter = factories.WorkerFactory()
    gig = factories.PublishedGigFactory(title="Admin Meragukan")
    report = Report.objects.create(gig=gig, reporter=reporter, reason="scam_fee")
    safety.report_action(report=report, by=moderator)
    item = InboxItem.objects.get(user=reporter)
    assert (
        item.kind == "report"
        and "Admin Meragukan" in inbox_item_text(item)
        and "ditindaklanjuti" in inbox_item_text(item)
    )


def test_deleting_the_reporters_account_keeps_the_report_anonymised(
    moderator, django_capture_on_commit_callbacks
):
    reporter = factories.WorkerFactory()
    report = Report.objects.create(gig=factories.PublishedGigFactory(), reporter=reporter, reason="scam_fee")
    worker_account_delete(user=reporter)
    report.refresh_from_db()
    assert report.reporter is None and report.reason == "scam_fee"
    with django_capture_on_commit_callbacks(execute=True):
        safety.report_resolve(report=report, by=moderator, actioned=True)  # nobody to tell: no error
    assert report.status == Report.Status.ACTIONED
