"""What an UMKM owner stumbled over: confirmations, deleting drafts, the rejection email link."""

import pytest
from django.core import mail
from django.urls import reverse

from listings.gigs import services
from listings.models import Gig
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_closing_a_gig_asks_for_confirmation_first(client_for, employer):
    gig = factories.PublishedGigFactory(employer=employer, title="Admin Toko Kue")
    client = client_for(employer)
    url = reverse("listings:gig_action", args=[gig.pk, "close"])
    page = client.post(url)
    assert page.status_code == 200 and "Tutup lowongan “Admin Toko Kue”?" in page.content.decode()
    assert Gig.objects.get(pk=gig.pk).status == GigStatus.PUBLISHED
    client.post(url, {"confirm": "1"})
    assert Gig.objects.get(pk=gig.pk).status == GigStatus.CLOSED


def test_owner_can_delete_a_draft_after_confirming(client_for, employer):
    draft = factories.DraftGigFactory(employer=employer)
    client = client_for(employer)
    assert "Hapus draf" in client.get(reverse("listings:my_gigs")).content.decode()
    url = reverse("listings:gig_action", args=[draft.pk, "delete"])
    assert "tidak bisa dikembalikan" in client.post(url).content.decode()
    assert Gig.objects.filter(pk=draft.pk).exists()
    client.post(url, {"confirm": "1"})
    assert not Gig.objects.filter(pk=draft.pk).exists()


def test_only_drafts_can_be_deleted(client_for, employer):
    live = factories.PublishedGigFactory(employer=employer)
    client_for(employer).post(reverse("listings:gig_action", args=[live.pk, "delete"]), {"confirm": "1"})
    assert Gig.objects.filter(pk=live.pk).exists()


def test_rejection_email_link_opens_the_edit_page_through_login(
    client, client_for, employer, moderator, django_capture_on_commit_callbacks
):
    gig = factories.PendingGigFactory(employer=employer)
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_reject(gig=gig, by=moderator, reason="Gaji belum jelas.")
    edit = reverse("listings:gig_edit", args=[gig.pk])
    body = mail.outbox[-1].body
    assert edit in body
    link = body[body.index("http") :].split()[0]
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert response.status_code == 302 and "login" in response["Location"] and "next=" in response["Location"]
    assert client_for(employer).get("/" + path).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_flash_says_the_gig_is_live_when_screening_published_it(client_for, employer, moderator):
    """A verified owner's clean gig goes live at once, and the message says so."""
    from listings.trust import services as safety
    from tests.listings.test_views_employer import gig_post

    safety.employer_verify(profile=employer.employer_profile, by=moderator)
    response = client_for(employer).post(reverse("listings:gig_create"), gig_post(), follow=True)
    assert Gig.objects.get().status == GigStatus.PUBLISHED
    assert "sudah tayang" in response.content.decode()


def test_flash_after_renewing_says_what_happened(client_for, employer):
    gig = factories.ExpiredGigFactory(employer=employer, title="Admin Lama")
    response = client_for(employer).post(reverse("listings:gig_action", args=[gig.pk, "renew"]), follow=True)
    assert "Lowongan “Admin Lama” menunggu review moderator." in response.content.decode()


@pytest.mark.parametrize("typed", ["0812-34ab", "12345", "+1 415 555 0100"])
def test_whatsapp_errors_give_a_mobile_example_and_keep_what_was_typed(client_for, typed):
    from tests.accounts.test_worker_profile import _form_data

    worker = factories.WorkerFactory()
    html = (
        client_for(worker)
        .post(reverse("accounts:worker_profile"), _form_data(whatsapp=typed))
        .content.decode()
    )
    assert "0812-3456-7890" in html
    assert f'value="{typed}"' in html


@pytest.mark.parametrize(
    "url_name", ["listings:gig_create", "accounts:employer_profile", "account_login", "account_signup"]
)
def test_forms_use_the_sites_own_errors_not_browser_bubbles(client_for, url_name):
    """novalidate: required/number checks come back as inline Indonesian errors from the server."""
    user = factories.EmployerFactory() if url_name.startswith(("listings", "accounts")) else None
    html = client_for(user).get(reverse(url_name)).content.decode()
    forms = [chunk for chunk in html.split("<form")[1:] if 'method="post"' in chunk.split(">")[0]]
    main = [chunk.split(">")[0] for chunk in forms if "logout" not in chunk.split(">")[0]]
    assert main and all(
        "novalidate" in tag for tag in main if "set_language" not in tag and "i18n" not in tag
    )


def test_worker_sees_overlap_with_gigs_still_applied_for_while_applying(client_for):
    """Not only after a hire: a clash with a gig the worker has applied to shows on the apply page."""
    from datetime import time

    worker = factories.WorkerFactory()
    applied = factories.PublishedGigFactory(title="CS Malam Toko B")
    applied.time_windows.create(day=0, start=time(19), end=time(22))
    factories.ApplicationFactory(gig=applied, worker=worker, status="sent")
    clash = factories.PublishedGigFactory(title="Admin Malam Toko C")
    clash.time_windows.create(day=0, start=time(21), end=time(23))
    client = client_for(worker)
    for url in (clash.get_absolute_url(), reverse("listings:apply", args=[clash.pk, clash.slug])):
        html = client.get(url).content.decode()
        assert "Jadwal bisa bentrok" in html and "CS Malam Toko B" in html
