"""Trust & safety pages: risk in the moderation queue, employer trust actions, rate limits,
safety tips, admin actions."""

import pytest
from django.urls import reverse

from listings.models import EmployerEvent, Gig, Report
from listings.screening import load_rules
from listings.screening.labels import LABELS
from listings.trust import services as safety
from listings.vocabulary import GigStatus
from tests import factories
from tests.listings.test_views_employer import gig_post

pytestmark = pytest.mark.django_db

SCAM_TEXT = "Biaya pendaftaran Rp 50.000, transfer dulu ke admin. Hubungi Telegram @hrd_cepat."


def test_queue_shows_flagged_gigs_first_with_their_reasons(
    client_for, moderator, django_assert_max_num_queries
):
    """The moderator sees the risky gig on top, with the score and the reasons."""
    clean = factories.PendingGigFactory(title="Admin Toko Kue Bersih")
    scam = factories.PendingGigFactory(title="Admin Online Cepat Kaya", description=SCAM_TEXT)
    safety.gig_screen(gig=clean)
    safety.gig_screen(gig=scam)
    factories.PendingGigFactory.create_batch(3)
    client = client_for(moderator)
    with django_assert_max_num_queries(8):
        html = client.get(reverse("listings:moderation_queue")).content.decode()
    assert html.index("Admin Online Cepat Kaya") < html.index("Admin Toko Kue Bersih")
    assert "row-flagged" in html
    assert "Meminta uang dari pelamar" in html


def test_review_page_shows_evidence_and_trust_actions(client_for, moderator):
    gig = factories.PendingGigFactory(description=SCAM_TEXT)
    safety.gig_screen(gig=gig)
    html = client_for(moderator).get(reverse("listings:moderation_review", args=[gig.pk])).content.decode()
    assert "biaya pendaftaran" in html.lower()
    assert reverse("listings:employer_trust", args=[gig.employer.pk, "ban"]) in html
    assert reverse("listings:employer_trust", args=[gig.employer.pk, "verify"]) in html


def test_review_page_quotes_the_sentence_as_written_under_the_current_label(client_for, moderator):
    """Evidence is the employer's own sentence; the label comes from the code when read."""
    gig = factories.PendingGigFactory(
        description="Toko kami ramah. Sebelum mulai, Kandidat wajib TRANSFER uang seragam 125rb ke owner."
    )
    record = safety.gig_screen(gig=gig)
    record.reasons = [{**r, "label": "label lama"} for r in record.reasons]
    record.save(update_fields=["reasons"])
    html = client_for(moderator).get(reverse("listings:moderation_review", args=[gig.pk])).content.decode()
    assert "Sebelum mulai, Kandidat wajib TRANSFER uang seragam 125rb ke owner." in html
    assert "label lama" not in html
    assert str(LABELS["worker_pays"]) in html


def test_english_reader_sees_english_labels(client_for, moderator):
    """Labels are translated at display time (needs the compiled English catalogue)."""
    gig = factories.PendingGigFactory(description=SCAM_TEXT)
    safety.gig_screen(gig=gig)
    client = client_for(moderator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("listings:moderation_review", args=[gig.pk])).content.decode()
    assert "Asks the applicant for money" in html


@pytest.mark.parametrize("role", ["anonymous", "worker", "employer", "other_employer"])
def test_trust_actions_are_for_moderators_only(client_for, role, request, employer):
    """Everyone else is sent to login (anonymous) or gets a 404; nothing changes."""
    user = None if role == "anonymous" else request.getfixturevalue(role)
    gig = factories.PublishedGigFactory(employer=employer)
    client = client_for(user)
    for action in ("verify", "ban"):
        response = client.post(reverse("listings:employer_trust", args=[employer.pk, action]), {"note": "x"})
        assert response.status_code in (302, 404)
    employer.refresh_from_db()
    gig.refresh_from_db()
    assert employer.is_active and not employer.employer_profile.is_verified
    assert gig.status == GigStatus.PUBLISHED
    assert not EmployerEvent.objects.exists()


def test_moderator_verifies_and_bans_from_the_review_page(client_for, moderator, employer):
    gig = factories.PublishedGigFactory(employer=employer)
    client = client_for(moderator)
    client.post(reverse("listings:employer_trust", args=[employer.pk, "verify"]), {"note": "Shopee dicek"})
    employer.employer_profile.refresh_from_db()
    assert employer.employer_profile.is_verified
    response = client.post(
        reverse("listings:employer_trust", args=[employer.pk, "ban"]), {"note": "Minta deposit"}
    )
    assert response.status_code == 302
    employer.refresh_from_db()
    gig.refresh_from_db()
    assert not employer.is_active and employer.ban_reason == "Minta deposit"
    assert gig.status == GigStatus.SUSPENDED


def test_ban_without_reason_is_refused_with_a_message(client_for, moderator, employer):
    response = client_for(moderator).post(
        reverse("listings:employer_trust", args=[employer.pk, "ban"]), {"note": "  "}, follow=True
    )
    assert response.status_code == 200
    assert "alasan" in response.content.decode().lower()
    employer.refresh_from_db()
    assert employer.is_active


def test_unknown_trust_action_is_404(client_for, moderator, employer):
    response = client_for(moderator).post(reverse("listings:employer_trust", args=[employer.pk, "delete"]))
    assert response.status_code == 404


@pytest.fixture
def private_cache(settings):
    """Rate-limit counters in a cache of this test's own (the shared Redis is cleared by
    other tests, which would reset counters when the suite runs in parallel)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl"}
    }


def test_reporting_is_rate_limited(client_for, settings, private_cache, worker):
    """Past RATELIMIT_REPORT the reporter gets a 429 page and no report is stored."""
    settings.RATELIMIT_REPORT = "2/h"
    gigs = factories.PublishedGigFactory.create_batch(3)
    client = client_for(worker)
    codes = [
        client.post(reverse("listings:gig_report", args=[g.pk, g.slug]), {"reason": "scam_fee"}).status_code
        for g in gigs
    ]
    assert codes == [302, 302, 429]
    assert Report.objects.filter(reporter=worker).count() == 2


def test_posting_gigs_is_rate_limited(client_for, settings, private_cache, employer):
    """Only gigs actually posted count; past the limit the form comes back as typed (429)."""
    settings.RATELIMIT_GIG_POST = "1/h"
    client = client_for(employer)
    url = reverse("listings:gig_create")
    assert client.post(url, {"title": ""}).status_code == 200  # form errors: not counted
    assert client.post(url, {"title": ""}).status_code == 200
    assert client.post(url, gig_post(title="Admin Pertama")).status_code == 302
    limited = client.post(url, gig_post(title="Admin Kedua Belum Tersimpan"))
    assert limited.status_code == 429
    html = limited.content.decode()
    assert 'value="Admin Kedua Belum Tersimpan"' in html and "Isian Anda masih di sini" in html
    assert Gig.objects.filter(employer=employer).count() == 1


def test_gig_page_has_safety_tip_and_report_link(client):
    gig = factories.PublishedGigFactory()
    html = client.get(gig.get_absolute_url()).content.decode()
    assert "Loker CS tidak pernah meminta biaya" in html
    assert reverse("listings:gig_report", args=[gig.pk, gig.slug]) in html


def test_report_form_repeats_the_safety_tip(client_for, worker):
    gig = factories.PublishedGigFactory()
    html = client_for(worker).get(reverse("listings:gig_report", args=[gig.pk, gig.slug])).content.decode()
    assert "Loker CS tidak pernah meminta biaya" in html
    assert "Telegram" in html


def test_admin_actions_call_the_services(client_for, employer):
    """Verify and ban from Django admin are audited like everywhere else."""
    admin_user = factories.ModeratorFactory(is_superuser=True)
    gig = factories.PublishedGigFactory(employer=employer)
    client = client_for(admin_user)
    client.post(
        reverse("admin:accounts_employerprofile_changelist"),
        {"action": "verify_profiles", "_selected_action": [employer.employer_profile.pk]},
    )
    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "ban_users", "_selected_action": [employer.pk]},
    )
    employer.refresh_from_db()
    gig.refresh_from_db()
    assert not employer.is_active and gig.status == GigStatus.SUSPENDED
    actions = set(EmployerEvent.objects.filter(employer=employer).values_list("action", flat=True))
    assert actions == {"verify", "ban"}


def test_admin_gig_list_shows_and_filters_risk(client_for):
    admin_user = factories.ModeratorFactory(is_superuser=True)
    scam = factories.PendingGigFactory(title="Lowongan Penipu", description=SCAM_TEXT)
    clean = factories.PendingGigFactory(title="Lowongan Jujur")
    safety.gig_screen(gig=scam)
    safety.gig_screen(gig=clean)
    client = client_for(admin_user)
    flagged = client.get(reverse("admin:listings_gig_changelist"), {"risk": "flagged"}).content.decode()
    assert "Lowongan Penipu" in flagged and "Lowongan Jujur" not in flagged
    detail = client.get(reverse("admin:listings_gig_change", args=[scam.pk])).content.decode()
    assert "Meminta uang dari pelamar" in detail


def test_auto_suspended_gig_goes_back_up_when_reports_are_dismissed(client_for, moderator, employer):
    """Auto-suspension is a hold, not a verdict: a moderator can reinstate the gig."""
    gig = factories.PublishedGigFactory(employer=employer)
    for _ in range(load_rules().settings["auto_suspend_reports"]):
        safety.report_create(gig=gig, by=factories.WorkerFactory(), reason="other")
    gig.refresh_from_db()
    assert gig.status == GigStatus.SUSPENDED
    client = client_for(moderator)
    for report in Report.objects.filter(gig=gig):
        client.post(reverse("listings:report_resolve", args=[report.pk]), {"outcome": "dismissed"})
    client.post(reverse("listings:moderation_decide", args=[gig.pk, "reinstate"]))
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED
    assert not Report.objects.filter(gig=gig, status=Report.Status.OPEN).exists()


def test_apply_page_shows_safety_tip_with_report_link(client_for, worker):
    """Where the worker is about to apply, the tip and a way to report the gig are there."""
    gig = factories.PublishedGigFactory()
    response = client_for(worker).get(reverse("listings:apply", args=[gig.pk, gig.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Loker CS tidak pernah meminta biaya" in html
    assert reverse("listings:gig_report", args=[gig.pk, gig.slug]) in html
