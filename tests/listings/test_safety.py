"""Trust & safety flows: screening outcomes, verified UMKM, reports, bans, permissions."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from listings.gigs import services
from listings.models import EmployerEvent, Gig, GigEvent, GigScreening, Report
from listings.screening import load_rules
from listings.trust import selectors as trust_selectors
from listings.trust import services as safety
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db

SCAM_TEXT = "Biaya pendaftaran Rp 50.000 ditransfer dulu, lalu kirim foto KTP ke Telegram @hrd_cepat."
CLEAN_TEXT = "Membalas chat pembeli di WhatsApp dan Shopee, input pesanan dan rekap harian untuk owner."


def _verify(employer, moderator):
    safety.employer_verify(profile=employer.employer_profile, by=moderator, note="Toko Shopee dicek")


def test_submitting_a_gig_screens_it_after_commit(employer, django_capture_on_commit_callbacks):
    """gig_submit schedules the screening; a scam is held pending with its reasons stored."""
    gig = factories.DraftGigFactory(employer=employer, description=SCAM_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_submit(gig=gig, by=employer)
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    record = gig.screening
    assert record.flagged and record.outcome == GigScreening.Outcome.HELD
    assert {"money_from_worker", "identity_documents"} <= {r["code"] for r in record.reasons}
    assert all({"code", "label", "weight", "evidence"} <= set(r) for r in record.reasons)


def test_clean_gig_of_unverified_employer_waits_for_review(employer, django_capture_on_commit_callbacks):
    gig = factories.DraftGigFactory(employer=employer, description=CLEAN_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_submit(gig=gig, by=employer)
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert gig.screening.outcome == GigScreening.Outcome.QUEUED
    assert gig.screening.score == 0


def test_clean_gig_of_verified_employer_is_published_directly(
    employer, moderator, django_capture_on_commit_callbacks
):
    """Verified UMKM + nothing found: published without a human decision, audited."""
    _verify(employer, moderator)
    gig = factories.DraftGigFactory(employer=employer, description=CLEAN_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_submit(gig=gig, by=employer)
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED
    assert gig.screening.outcome == GigScreening.Outcome.AUTO_PUBLISHED
    assert GigEvent.objects.filter(gig=gig, action="approve", actor=None).exists()


def test_verified_employer_with_a_flagged_gig_is_still_held(
    employer, moderator, django_capture_on_commit_callbacks
):
    _verify(employer, moderator)
    gig = factories.DraftGigFactory(employer=employer, description=SCAM_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_submit(gig=gig, by=employer)
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert gig.screening.outcome == GigScreening.Outcome.HELD


def test_substantive_edit_of_published_gig_is_rescreened(employer, django_capture_on_commit_callbacks):
    """Editing the text of a live gig sends it back to review and screens the new text."""
    gig = factories.PublishedGigFactory(employer=employer, description=CLEAN_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_update(gig=gig, by=employer, data={"description": SCAM_TEXT})
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert gig.screening.flagged


def test_renewed_gig_is_rescreened(employer, django_capture_on_commit_callbacks):
    gig = factories.ExpiredGigFactory(employer=employer, description=SCAM_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_renew(gig=gig, by=employer)
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert gig.screening.flagged


def test_rescreening_replaces_the_previous_result(employer):
    gig = factories.PendingGigFactory(employer=employer, description=SCAM_TEXT)
    safety.gig_screen(gig=gig)
    Gig.objects.filter(pk=gig.pk).update(description=CLEAN_TEXT)
    safety.gig_screen(gig=gig)
    assert GigScreening.objects.filter(gig=gig).count() == 1
    assert GigScreening.objects.get(gig=gig).score == 0


def test_screening_a_gig_no_longer_pending_changes_nothing(employer, moderator):
    """A stale task (gig already decided) records the score but never publishes."""
    _verify(employer, moderator)
    gig = factories.RejectedGigFactory(employer=employer, description=CLEAN_TEXT)
    record = safety.gig_screen(gig=gig)
    gig.refresh_from_db()
    assert gig.status == GigStatus.REJECTED
    assert record.outcome == GigScreening.Outcome.NOT_PENDING


def test_review_queue_puts_highest_risk_first(employer, django_assert_max_num_queries):
    """Flagged gigs first, by score; then clean ones by submission time; unscreened last."""
    old_clean = factories.PendingGigFactory(employer=employer, description=CLEAN_TEXT)
    scam = factories.PendingGigFactory(employer=employer, description=SCAM_TEXT)
    mild = factories.PendingGigFactory(employer=employer, description="Slot terbatas! " + CLEAN_TEXT)
    unscreened = factories.PendingGigFactory(employer=employer)
    for gig in (old_clean, scam, mild):
        safety.gig_screen(gig=gig)
    with django_assert_max_num_queries(1):
        queue = list(trust_selectors.moderation_queue())
        scores = [g.screening.score if hasattr(g, "screening") else None for g in queue]
    assert [g.pk for g in queue] == [scam.pk, mild.pk, old_clean.pk, unscreened.pk]
    assert scores[0] >= load_rules().settings["flag_threshold"]


# --- verified UMKM ---------------------------------------------------------------------


def test_verify_and_unverify_are_audited(employer, moderator):
    profile = employer.employer_profile
    safety.employer_verify(profile=profile, by=moderator, note="Link Shopee dan WA usaha dicek")
    profile.refresh_from_db()
    assert profile.is_verified and profile.verified_by == moderator and profile.verified_at
    safety.employer_unverify(profile=profile, by=moderator, note="Toko tutup")
    profile.refresh_from_db()
    assert not profile.is_verified
    actions = list(EmployerEvent.objects.filter(employer=employer).values_list("action", "actor", "reason"))
    assert actions == [
        ("unverify", moderator.pk, "Toko tutup"),
        ("verify", moderator.pk, "Link Shopee dan WA usaha dicek"),
    ]


def test_verified_badge_is_shown_on_the_gig_page(employer, moderator):
    gig = factories.PublishedGigFactory(employer=employer)
    assert "UMKM terverifikasi" not in Client().get(gig.get_absolute_url()).content.decode()
    _verify(employer, moderator)
    assert "UMKM terverifikasi" in Client().get(gig.get_absolute_url()).content.decode()


# --- reports -----------------------------------------------------------------------------


def test_reports_from_enough_distinct_users_suspend_the_gig(employer):
    """N open reports from different users take the gig down, by the system, with the reason."""
    threshold = load_rules().settings["auto_suspend_reports"]
    gig = factories.PublishedGigFactory(employer=employer)
    for i in range(threshold):
        assert gig.status == GigStatus.PUBLISHED, f"suspended too early after {i} reports"
        safety.report_create(gig=gig, by=factories.WorkerFactory(), reason="scam_fee")
        gig.refresh_from_db()
    assert gig.status == GigStatus.SUSPENDED
    event = GigEvent.objects.get(gig=gig, action="suspend")
    assert event.actor is None and str(threshold) in event.reason


def test_dismissed_reports_do_not_count_towards_suspension(employer, moderator):
    threshold = load_rules().settings["auto_suspend_reports"]
    gig = factories.PublishedGigFactory(employer=employer)
    first = safety.report_create(gig=gig, by=factories.WorkerFactory(), reason="other")
    safety.report_resolve(report=first, by=moderator, actioned=False, note="Tidak melanggar")
    for _ in range(threshold - 1):
        safety.report_create(gig=gig, by=factories.WorkerFactory(), reason="other")
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED


def test_same_user_cannot_report_twice(employer, worker):
    gig = factories.PublishedGigFactory(employer=employer)
    safety.report_create(gig=gig, by=worker, reason="scam_fee")
    with pytest.raises(ValidationError):
        safety.report_create(gig=gig, by=worker, reason="scam_fee")
    assert Report.objects.filter(gig=gig).count() == 1


@pytest.mark.parametrize("actioned", [True, False])
def test_reporter_is_told_the_outcome(
    employer, worker, moderator, actioned, django_capture_on_commit_callbacks
):
    """Resolving a report emails the reporter whether it was actioned or dismissed."""
    gig = factories.PublishedGigFactory(employer=employer, title="Admin Chat Toko Kue")
    report = safety.report_create(gig=gig, by=worker, reason="scam_fee")
    with django_capture_on_commit_callbacks(execute=True):
        safety.report_resolve(report=report, by=moderator, actioned=actioned, note="Sudah kami cek")
    assert [m.to for m in mail.outbox] == [[worker.email]]
    body = mail.outbox[0].body
    assert "Admin Chat Toko Kue" in mail.outbox[0].subject
    assert "Sudah kami cek" in body
    assert ("menindaklanjuti" in body) is actioned


# --- bans --------------------------------------------------------------------------------


def test_ban_takes_gigs_down_blocks_login_and_deletes_nothing(
    employer, moderator, worker, django_capture_on_commit_callbacks
):
    live = factories.PublishedGigFactory(employer=employer)
    pending = factories.PendingGigFactory(employer=employer)
    draft = factories.DraftGigFactory(employer=employer)
    report = safety.report_create(gig=live, by=worker, reason="scam_fee")
    client = Client()
    client.force_login(employer)
    with django_capture_on_commit_callbacks(execute=True):
        safety.employer_ban(user=employer, by=moderator, reason="Meminta biaya pendaftaran")

    for gig in (live, pending, draft):
        gig.refresh_from_db()
    assert live.status == GigStatus.SUSPENDED
    assert pending.status == GigStatus.REJECTED
    assert draft.status == GigStatus.DRAFT
    assert Gig.objects.filter(employer=employer).count() == 3
    employer.refresh_from_db()
    assert not employer.is_active and employer.banned_at and employer.ban_reason
    assert EmployerEvent.objects.filter(employer=employer, action="ban", actor=moderator).exists()
    report.refresh_from_db()
    assert report.status == Report.Status.ACTIONED
    # One account email to the owner (not one per gig) and the reporter's outcome notice.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([employer.email, worker.email])
    # The open session no longer authenticates and a fresh login is refused.
    assert client.get("/").wsgi_request.user.is_anonymous
    login = Client().post(reverse("account_login"), {"login": employer.email, "password": factories.PASSWORD})
    assert login.status_code == 302 and login.url == reverse("account_inactive")
    assert not login.wsgi_request.user.is_authenticated


def test_unban_restores_login_but_not_gigs(employer, moderator):
    live = factories.PublishedGigFactory(employer=employer)
    safety.employer_ban(user=employer, by=moderator, reason="Spam")
    safety.employer_unban(user=employer, by=moderator, note="Salah paham, toko asli")
    employer.refresh_from_db()
    live.refresh_from_db()
    assert employer.is_active and employer.banned_at is None
    login = Client().post(reverse("account_login"), {"login": employer.email, "password": factories.PASSWORD})
    assert login.wsgi_request.user == employer
    assert live.status == GigStatus.SUSPENDED
    assert EmployerEvent.objects.filter(employer=employer, action="unban").exists()


def test_ban_needs_a_reason(employer, moderator):
    with pytest.raises(ValidationError):
        safety.employer_ban(user=employer, by=moderator, reason="  ")
    employer.refresh_from_db()
    assert employer.is_active


def test_banned_accounts_gigs_feed_the_copy_check(employer, other_employer, moderator):
    """Posts of a banned account are compared with new gigs like rejected ones."""
    from listings import screening

    text = (
        "Admin online kerja dari rumah, tugas membalas chat pelanggan, input data pesanan "
        "ke aplikasi dan membuat laporan harian yang dikirim ke owner setiap malam hari."
    )
    factories.PublishedGigFactory(employer=employer, description=text)
    safety.employer_ban(user=employer, by=moderator, reason="Penipuan")
    copy = factories.DraftGigFactory.build(employer=other_employer, description=text)
    assert "rejected_copy" in screening.screen(copy).codes


# --- permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["worker", "employer", "other_employer"])
def test_only_moderators_verify_ban_and_resolve(who, request, employer, moderator):
    """Workers and employers (the owner included) get PermissionDenied and nothing changes."""
    user = request.getfixturevalue(who)
    gig = factories.PublishedGigFactory(employer=employer)
    report = safety.report_create(gig=gig, by=factories.WorkerFactory(), reason="other")
    calls = [
        lambda: safety.employer_verify(profile=employer.employer_profile, by=user),
        lambda: safety.employer_unverify(profile=employer.employer_profile, by=user),
        lambda: safety.employer_ban(user=employer, by=user, reason="x"),
        lambda: safety.employer_unban(user=employer, by=user),
        lambda: safety.report_resolve(report=report, by=user, actioned=True),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    employer.refresh_from_db()
    report.refresh_from_db()
    assert employer.is_active and not employer.employer_profile.is_verified
    assert report.status == Report.Status.OPEN
    assert not EmployerEvent.objects.exists()


def test_moderators_cannot_be_banned(moderator):
    other = factories.ModeratorFactory()
    with pytest.raises(PermissionDenied):
        safety.employer_ban(user=other, by=moderator, reason="x")


def test_import_contract_returns_reasons_only_for_flagged_gigs(employer):
    """`gig_screening_flags` (used by import_gigs --publish): [] means publishable."""
    from listings import screening

    clean = factories.DraftGigFactory.build(employer=employer, description=CLEAN_TEXT)
    scam = factories.DraftGigFactory.build(employer=employer, description=SCAM_TEXT)
    assert screening.gig_screening_flags(clean) == []
    flags = screening.gig_screening_flags(scam)
    assert flags and any("Meminta uang" in f for f in flags)


def test_screen_gigs_command_screens_pending_gigs(employer):
    from io import StringIO

    from django.core.management import call_command

    scam = factories.PendingGigFactory(employer=employer, description=SCAM_TEXT)
    factories.PublishedGigFactory(employer=employer)
    out = StringIO()
    call_command("screen_gigs", stdout=out)
    assert "screened 1 gig(s), flagged 1" in out.getvalue()
    assert GigScreening.objects.get().gig == scam
