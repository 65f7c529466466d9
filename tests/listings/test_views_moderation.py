import pytest
from django.core import mail
from django.urls import reverse

from listings.models import GigEvent, Report
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["anonymous", "worker", "employer"])
def test_moderation_pages_are_hidden_from_non_staff(client_for, role, worker, employer):
    user = {"anonymous": None, "worker": worker, "employer": employer}[role]
    gig = factories.PendingGigFactory()
    client = client_for(user)
    urls = [
        reverse("listings:moderation_queue"),
        reverse("listings:moderation_review", args=[gig.pk]),
        reverse("listings:report_queue"),
    ]
    for url in urls:
        assert client.get(url).status_code in (302, 404)
    client.post(reverse("listings:moderation_decide", args=[gig.pk, "approve"]))
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING


def test_queue_is_oldest_first(client_for, moderator, django_assert_max_num_queries):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    newer = factories.PendingGigFactory(title="Baru", submitted_at=now)
    older = factories.PendingGigFactory(title="Lama", submitted_at=now - timedelta(days=2))
    factories.PendingGigFactory.create_batch(5)
    client = client_for(moderator)
    with django_assert_max_num_queries(8):
        html = client.get(reverse("listings:moderation_queue")).content.decode()
    assert html.index(older.title) < html.index(newer.title)


@pytest.mark.django_db(transaction=True)
def test_moderator_approves_and_owner_is_emailed(client_for, moderator):
    gig = factories.PendingGigFactory(title="CS WFH Skincare")
    client_for(moderator).post(reverse("listings:moderation_decide", args=[gig.pk, "approve"]))
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED
    assert gig.published_at is not None
    event = GigEvent.objects.get(gig=gig, action="approve")
    assert event.actor == moderator
    assert len(mail.outbox) == 1 and "CS WFH Skincare" in mail.outbox[0].subject


@pytest.mark.django_db(transaction=True)
def test_reject_with_template_and_note(client_for, moderator):
    gig = factories.PendingGigFactory()
    client_for(moderator).post(
        reverse("listings:moderation_decide", args=[gig.pk, "reject"]),
        {"template": "pay_unclear", "note": "Tulis gaji per hari."},
    )
    gig.refresh_from_db()
    assert gig.status == GigStatus.REJECTED
    assert (gig.rejection_code, gig.rejection_reason) == ("pay_unclear", "Tulis gaji per hari.")
    assert "Gaji belum jelas" in gig.rejection_display and "Gaji belum jelas" in mail.outbox[0].body
    assert "Tulis gaji per hari." in mail.outbox[0].body


def test_reject_without_reason_is_refused(client_for, moderator):
    gig = factories.PendingGigFactory()
    response = client_for(moderator).post(reverse("listings:moderation_decide", args=[gig.pk, "reject"]), {})
    assert response.status_code == 400
    assert "Pilih alasan" in response.content.decode()
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING


def test_suspend_and_reinstate(client_for, moderator):
    gig = factories.PublishedGigFactory()
    client = client_for(moderator)
    client.post(reverse("listings:moderation_decide", args=[gig.pk, "suspend"]), {"note": "Laporan penipuan"})
    gig.refresh_from_db()
    assert gig.status == GigStatus.SUSPENDED
    client.post(reverse("listings:moderation_decide", args=[gig.pk, "reinstate"]))
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED


def test_invalid_decision_on_wrong_status_shows_message(client_for, moderator):
    gig = factories.DraftGigFactory()
    response = client_for(moderator).post(
        reverse("listings:moderation_decide", args=[gig.pk, "approve"]), follow=True
    )
    assert response.status_code == 200
    assert "tidak bisa" in response.content.decode()


def test_logged_in_user_reports_and_moderator_actions_it(client_for, worker, moderator):
    gig = factories.PublishedGigFactory()
    client_for(worker).post(
        reverse("listings:gig_report", args=[gig.pk, gig.slug]),
        {"reason": "scam_fee", "details": "Minta Rp 50rb"},
    )
    report = Report.objects.get()
    assert (report.reporter, report.reason) == (worker, "scam_fee")
    html = client_for(moderator).get(reverse("listings:report_queue")).content.decode()
    assert "Minta Rp 50rb" in html
    client_for(moderator).post(reverse("listings:report_resolve", args=[report.pk]), {"outcome": "actioned"})
    report.refresh_from_db()
    gig.refresh_from_db()
    assert report.status == Report.Status.ACTIONED
    assert gig.status == GigStatus.SUSPENDED


def test_anonymous_cannot_report(client):
    gig = factories.PublishedGigFactory()
    response = client.post(reverse("listings:gig_report", args=[gig.pk, gig.slug]), {"reason": "scam_fee"})
    assert response.status_code == 302
    assert not Report.objects.exists()


def test_admin_bulk_approve_uses_services(client_for):
    admin_user = factories.ModeratorFactory(is_superuser=True)
    gigs = factories.PendingGigFactory.create_batch(2)
    draft = factories.DraftGigFactory()
    client_for(admin_user).post(
        reverse("admin:listings_gig_changelist"),
        {"action": "approve_gigs", "_selected_action": [g.pk for g in [*gigs, draft]]},
    )
    assert {g.status for g in [*gigs]} == {GigStatus.PENDING}  # stale objects
    for gig in gigs:
        gig.refresh_from_db()
        assert gig.status == GigStatus.PUBLISHED
        assert GigEvent.objects.filter(gig=gig, action="approve", actor=admin_user).exists()
    draft.refresh_from_db()
    assert draft.status == GigStatus.DRAFT


@pytest.mark.django_db(transaction=True)
def test_actioning_one_report_closes_every_open_report_on_the_gig(client_for, moderator):
    """All reporters of a gig that comes down hear the outcome."""
    gig = factories.PublishedGigFactory()
    reporters = factories.WorkerFactory.create_batch(2)
    reports = [Report.objects.create(gig=gig, reporter=user, reason="scam_fee") for user in reporters]
    other_gig_report = Report.objects.create(
        gig=factories.PublishedGigFactory(), reporter=reporters[0], reason="other"
    )
    client_for(moderator).post(
        reverse("listings:report_resolve", args=[reports[0].pk]), {"outcome": "actioned"}
    )
    gig.refresh_from_db()
    assert gig.status == GigStatus.SUSPENDED
    assert {r.status for r in Report.objects.filter(gig=gig)} == {Report.Status.ACTIONED}
    other_gig_report.refresh_from_db()
    assert other_gig_report.status == Report.Status.OPEN
    outcome_mails = [m for m in mail.outbox if m.to[0] in {u.email for u in reporters}]
    assert sorted(m.to[0] for m in outcome_mails) == sorted(u.email for u in reporters)
