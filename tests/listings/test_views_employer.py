import pytest
from django.urls import reverse

from listings.models import Gig, GigEvent
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db


def gig_post(**overrides):
    data = {
        "title": "Admin Online Olshop Hijab",
        "description": "Membalas chat pembeli di Shopee dan WhatsApp.",
        "pay_model": "daily",
        "pay_min": "75000",
        "pay_max": "",
        "work_mode": "remote",
        "city": "",
        "channels": ["shopee", "whatsapp"],
        "duties": ["customer_chat"],
        "schedule": ["part_time"],
        "openings": "1",
        "windows-TOTAL_FORMS": "1",
        "windows-INITIAL_FORMS": "0",
        "windows-MIN_NUM_FORMS": "0",
        "windows-MAX_NUM_FORMS": "14",
        "windows-0-day": "0",
        "windows-0-start": "22:00",
        "windows-0-end": "02:00",
        "submit": "1",
    }
    data.update(overrides)
    return data


@pytest.mark.smoke
def test_employer_posts_a_gig_and_it_waits_for_review(client_for, employer):
    client = client_for(employer)
    response = client.post(reverse("listings:gig_create"), gig_post(), follow=True)
    gig = Gig.objects.get()
    assert gig.status == GigStatus.PENDING
    assert gig.employer == employer
    assert [(w.start.hour, w.end.hour) for w in gig.time_windows.all()] == [(22, 2)]
    assert "menunggu review" in response.content.decode()


def test_save_as_draft(client_for, employer):
    client_for(employer).post(reverse("listings:gig_create"), gig_post(submit="", save="1"))
    gig = Gig.objects.get()
    assert gig.status == GigStatus.DRAFT


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"pay_min": "banyak"}, "Tulis jumlah rupiah, misalnya 75.000"),
        ({"pay_min": "100000", "pay_max": "50000"}, "Gaji maksimum harus ≥ Rp 100.000"),
        ({"work_mode": "onsite", "city": ""}, "Isi kota"),
        ({"channels": []}, "harus diisi"),
        ({"channels": ["telegram"]}, "pilihan yang valid"),
        ({"title": ""}, "harus diisi"),
        ({"windows-0-start": "10:00", "windows-0-end": "10:00"}, "tidak boleh sama"),
        ({"pay_min": "-5"}, "tidak boleh negatif"),
    ],
)
def test_bad_input_gets_inline_error_and_saves_nothing(client_for, employer, overrides, message):
    response = client_for(employer).post(reverse("listings:gig_create"), gig_post(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Gig.objects.exists()


def test_posting_requires_a_business_profile(client_for):
    user = factories.UserFactory(role="employer")
    response = client_for(user).get(reverse("listings:gig_create"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:employer_profile")


@pytest.mark.parametrize("role", ["anonymous", "worker", "moderator"])
def test_non_employers_cannot_post(client_for, role, worker, moderator):
    user = {"anonymous": None, "worker": worker, "moderator": moderator}[role]
    response = client_for(user).post(reverse("listings:gig_create"), gig_post())
    assert response.status_code == (302 if user is None else 404)
    assert not Gig.objects.exists()


def test_other_employer_cannot_see_edit_or_act_on_my_gig(client_for, employer, other_employer):
    gig = factories.DraftGigFactory(employer=employer)
    client = client_for(other_employer)
    assert client.get(reverse("listings:gig_edit", args=[gig.pk])).status_code == 404
    assert (
        client.post(reverse("listings:gig_edit", args=[gig.pk]), gig_post(title="Hacked")).status_code == 404
    )
    for action in ("submit", "close", "renew", "duplicate"):
        assert client.post(reverse("listings:gig_action", args=[gig.pk, action])).status_code == 404
    gig.refresh_from_db()
    assert gig.title != "Hacked" and gig.status == GigStatus.DRAFT
    assert Gig.objects.count() == 1


def test_my_gigs_lists_only_mine_with_status(
    client_for, employer, other_employer, django_assert_max_num_queries
):
    factories.PublishedGigFactory.create_batch(3, employer=employer)
    factories.RejectedGigFactory(employer=employer, rejection_reason="Sebutkan gaji")
    factories.PublishedGigFactory(employer=other_employer, title="Bukan milikku")
    client = client_for(employer)
    with django_assert_max_num_queries(8):
        html = client.get(reverse("listings:my_gigs")).content.decode()
    assert html.count('class="card my-gig"') == 4
    assert "Bukan milikku" not in html
    assert "Sebutkan gaji" in html


def test_owner_actions(client_for, employer):
    client = client_for(employer)
    published = factories.PublishedGigFactory(employer=employer)
    client.post(reverse("listings:gig_action", args=[published.pk, "close"]), {"confirm": "1"})
    published.refresh_from_db()
    assert published.status == GigStatus.CLOSED
    client.post(reverse("listings:gig_action", args=[published.pk, "renew"]))
    published.refresh_from_db()
    assert published.status == GigStatus.PENDING
    response = client.post(reverse("listings:gig_action", args=[published.pk, "duplicate"]))
    copy = Gig.objects.exclude(pk=published.pk).get()
    assert copy.status == GigStatus.DRAFT
    assert response["Location"] == reverse("listings:gig_edit", args=[copy.pk])


def test_refused_action_shows_message_not_500(client_for, employer):
    gig = factories.DraftGigFactory(employer=employer)
    response = client_for(employer).post(
        reverse("listings:gig_action", args=[gig.pk, "close"]), {"confirm": "1"}, follow=True
    )
    assert response.status_code == 200
    assert "tidak bisa" in response.content.decode()


def test_editing_published_gig_pay_sends_it_back_to_review(client_for, employer):
    gig = factories.PublishedGigFactory(employer=employer)
    client_for(employer).post(
        reverse("listings:gig_edit", args=[gig.pk]),
        gig_post(title=gig.title, description=gig.description, pay_min="90000", submit="", save="1"),
    )
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert gig.pay_min == 90_000
    assert GigEvent.objects.filter(gig=gig, action="resubmit").exists()


def test_blank_extra_time_window_rows_are_ignored(client_for, employer):
    """The form shows empty window rows; a browser posts them blank and that is fine."""
    data = gig_post(
        **{"windows-TOTAL_FORMS": "2", "windows-1-day": "", "windows-1-start": "", "windows-1-end": ""}
    )
    client_for(employer).post(reverse("listings:gig_create"), data)
    assert Gig.objects.get().time_windows.count() == 1


def test_my_gigs_is_paginated(client_for, employer):
    factories.DraftGigFactory.create_batch(23, employer=employer)
    client = client_for(employer)
    first = client.get(reverse("listings:my_gigs")).content.decode()
    second = client.get(reverse("listings:my_gigs"), {"page": 2}).content.decode()
    assert first.count('class="card my-gig"') == 20
    assert second.count('class="card my-gig"') == 3
    assert client.get(reverse("listings:my_gigs"), {"page": "x"}).status_code == 200
