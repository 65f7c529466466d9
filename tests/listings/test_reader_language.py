"""Stored texts are codes and parameters, worded when read, in the reader's language:
rejection reasons, audit transitions, screening evidence with pay figures, inbox notices.
Old rows keep showing what they stored (or are converted by migration 0022)."""

import importlib
import re

import pytest
from django.urls import reverse
from django.utils import translation

from listings.applications import services as applications
from listings.gigs import services as gig_services
from listings.models import Gig, GigEvent
from listings.screening.labels import LABELS
from listings.trust import services as safety
from listings.vocabulary import GigStatus, PayModel, RejectionTemplate
from tests import factories

pytestmark = pytest.mark.django_db

old_rows = importlib.import_module("listings.migrations.0025_ux_message_codes_data")

# A code written where a word belongs: "pending → published", "daily Rp 500.000".
RAW_TRANSITION = re.compile(r"\b(draft|pending|published|rejected|suspended|closed|expired)\s*→")
RAW_PAY_MODEL = re.compile(r"\b(hourly|daily|weekly|monthly|per_project|commission)\s+Rp")
RAW_NOTICE_CODE = re.compile(r"\bapplication\.[a-z_]+\b")


def english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def in_english(text) -> str:
    with translation.override("en"):
        return str(text)


def in_indonesian(text) -> str:
    """(The test client's requests leave the last request's language active in this thread.)"""
    with translation.override("id"):
        return str(text)


@pytest.fixture
def rejected(moderator, employer):
    gig = factories.PendingGigFactory(employer=employer, title="Admin Chat Toko Kue")
    gig_services.gig_reject(gig=gig, by=moderator, code="pay_unclear", reason="Tulis gaji per hari.")
    return gig


def test_a_rejected_gigs_reason_reads_in_the_owners_language(client_for, employer, rejected):
    label = RejectionTemplate.PAY_UNCLEAR.label
    assert in_english(label) != in_indonesian(label)  # the catalogue has it
    client = client_for(employer)
    indonesian = client.get(reverse("listings:my_gigs")).content.decode()
    assert in_indonesian(label) in indonesian and "Tulis gaji per hari." in indonesian
    english_page = english(client).get(reverse("listings:my_gigs")).content.decode()
    assert in_english(label) in english_page and "Tulis gaji per hari." in english_page
    assert in_indonesian(label) not in english_page
    edit = client.get(reverse("listings:gig_edit", args=[rejected.pk])).content.decode()
    assert in_english(label) in edit


def test_audit_transitions_are_labels_not_codes(client_for, moderator, rejected):
    page = english(client_for(moderator)).get(reverse("listings:moderation_review", args=[rejected.pk]))
    html = page.content.decode()
    pending, refused = in_english(GigStatus.PENDING.label), in_english(GigStatus.REJECTED.label)
    assert f"{pending} → {refused}" in html
    assert not RAW_TRANSITION.search(html), RAW_TRANSITION.search(html)
    indonesian = client_for(moderator).get(reverse("listings:moderation_review", args=[rejected.pk]))
    expected = f"{in_indonesian(GigStatus.PENDING.label)} → {in_indonesian(GigStatus.REJECTED.label)}"
    assert expected in indonesian.content.decode()


@pytest.fixture
def overpaid(db):
    gig = factories.PendingGigFactory(pay_model="daily", pay_min=2_500_000, pay_max=None, hours_per_week=None)
    safety.gig_screen(gig=gig)
    return gig


def test_pay_evidence_is_stored_as_figures_and_worded_for_the_reader(client_for, moderator, overpaid):
    reason = next(r for r in overpaid.screening.reasons if r["code"] == "pay_far_above")
    assert reason["params"] == {"pay_model": "daily", "amount": 2_500_000}
    assert "daily" not in reason["evidence"]
    url = reverse("listings:moderation_review", args=[overpaid.pk])
    client = client_for(moderator)
    assert f"{in_indonesian(PayModel.DAILY.label)} Rp 2.500.000" in client.get(url).content.decode()
    html = english(client).get(url).content.decode()
    assert f"{in_english(PayModel.DAILY.label)} Rp 2.500.000" in html
    assert not RAW_PAY_MODEL.search(html)


def test_screening_flags_in_the_queue_read_in_both_languages(client_for, moderator, overpaid):
    label = LABELS["pay_far_above"]
    client = client_for(moderator)
    assert in_indonesian(label) in client.get(reverse("listings:moderation_queue")).content.decode()
    html = english(client).get(reverse("listings:moderation_queue")).content.decode()
    assert in_english(label) in html and in_indonesian(label) not in html


def test_english_pages_carry_no_raw_codes(client_for, moderator, employer, worker, rejected, overpaid):
    """Scan the pages where stored texts show, as each role reads them in English."""
    application = factories.ApplicationFactory(gig__employer=employer, worker=worker, status="shortlisted")
    applications.application_hire(application=application, by=employer)
    pages = [
        (moderator, reverse("listings:moderation_queue")),
        (moderator, reverse("listings:moderation_review", args=[rejected.pk])),
        (moderator, reverse("listings:moderation_review", args=[overpaid.pk])),
        (employer, reverse("listings:my_gigs")),
        (employer, reverse("listings:gig_edit", args=[rejected.pk])),
        (employer, rejected.get_absolute_url()),
        (worker, reverse("listings:inbox")),
        (worker, application.get_absolute_url()),
        (employer, application.get_absolute_url()),
    ]
    for user, url in pages:
        html = english(client_for(user)).get(url).content.decode()
        for pattern in (RAW_TRANSITION, RAW_PAY_MODEL, RAW_NOTICE_CODE):
            assert not pattern.search(html), (url, pattern.search(html))
    inbox = english(client_for(worker)).get(reverse("listings:inbox")).content.decode()
    assert "Congratulations" in inbox and "Selamat!" not in inbox


def test_rows_from_before_codes_are_converted_or_shown_as_stored(employer):
    gig = factories.PendingGigFactory(employer=employer)
    Gig.objects.filter(pk=gig.pk).update(status="rejected", rejection_reason="Alasan lama bebas.")
    gig.refresh_from_db()
    assert gig.rejection_display == "Alasan lama bebas."
    label = in_indonesian(RejectionTemplate.DUTIES_UNCLEAR.label)
    assert old_rows.split_reason(f"{label}\nSebutkan channelnya.") == (
        "duties_unclear",
        "Sebutkan channelnya.",
    )
    assert old_rows.split_reason("Akun pemilik diblokir: spam") == ("owner_banned", "spam")
    assert old_rows.split_reason("Alasan lama bebas.") is None
    old = {"code": "pay_far_above", "weight": 25, "evidence": "daily Rp 500.000 ≈ Rp 62.500/jam"}
    assert old_rows.pay_evidence(old)["params"] == {
        "pay_model": "daily",
        "amount": 500_000,
        "per_hour": 62_500,
    }
    text = {"code": "pay_far_above", "evidence": "gaji 300rb/hari ≈ Rp 150.000/jam"}
    assert old_rows.pay_evidence(text) == {
        **text,
        "evidence": "gaji 300rb/hari",
        "params": {"per_hour": 150_000},
    }


def test_a_system_rejection_is_a_code_too(employer, moderator):
    gig = factories.PendingGigFactory(employer=employer)
    safety.employer_ban(user=employer, by=moderator, reason="Penipuan berulang")
    gig.refresh_from_db()
    assert (gig.rejection_code, gig.rejection_reason) == ("owner_banned", "Penipuan berulang")
    event = GigEvent.objects.filter(gig=gig, action="reject").get()
    assert event.reason_code == "owner_banned"
