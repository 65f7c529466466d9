"""The journeys from DESIGN.md, end to end in a real browser, at phone and desktop sizes."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from listings.models import Gig
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CONFIRM_PATH = re.compile(r"/akun/confirm-email/[^/\s]+/")


def _verification_path(email: str) -> str:
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    return CONFIRM_PATH.search(message.body).group(0)


def test_owner_signs_up_verifies_describes_business_and_posts_a_gig(page):
    """A UMKM owner signs up as employer, confirms the emailed link, fills in the business
    profile, posts a gig and sees it waiting for review ("menunggu review")."""
    email = "bu.rina@tokoberkah.id"
    page.goto("/")
    page.get_by_role("link", name="Daftar", exact=True).click()
    page.locator("#id_email").fill(email)
    page.locator("#id_role_1").check()
    page.locator("#id_password1").fill(factories.PASSWORD)
    page.locator("#id_password2").fill(factories.PASSWORD)
    page.get_by_role("button", name="Daftar").click()
    expect(page.locator("main")).to_contain_text(email)

    page.goto(_verification_path(email))
    page.locator("main").get_by_role("button").click()

    expect(page).to_have_url(re.compile(r"/usaha/profil/$"))
    page.locator("#id_business_name").fill("Toko Hijab Berkah")
    page.locator("#id_category").select_option("fashion")
    page.locator("#id_city").fill("Bandung")
    page.locator("#id_whatsapp").fill("0812 3456 7890")
    page.locator("main form").get_by_role("button", name=re.compile("Simpan")).click()

    page.get_by_role("link", name="Pasang lowongan").first.click()
    page.locator("#id_title").fill("Admin Online Olshop Hijab (WFH)")
    page.locator("#id_description").fill(
        "Membalas chat pembeli di WhatsApp dan Shopee, input pesanan dan rekap penjualan harian."
    )
    page.get_by_label("Membalas chat pelanggan").check()
    page.get_by_label("WhatsApp", exact=True).check()
    page.get_by_label("Shopee").check()
    page.get_by_label("Harian").check()
    page.locator("#id_pay_min").fill("75000")
    page.get_by_label("Paruh waktu").check()
    page.get_by_role("button", name="Simpan & ajukan review").click()

    expect(page.locator(".messages")).to_contain_text("menunggu review")
    expect(page.locator(".my-gig .badge")).to_have_text("Menunggu review")
    gig = Gig.objects.get(employer__email=email)
    assert gig.status == GigStatus.PENDING
    assert gig.channels == ["whatsapp", "shopee"]


def test_moderator_approves_from_the_queue_and_the_gig_goes_public(page, login_as, live_server):
    """The moderator opens the pending gig from the review queue, approves it, and an
    anonymous visitor then finds it on the home page and opens its detail page."""
    gig = factories.PendingGigFactory(title="Admin CS WhatsApp Toko Kue")
    login_as(factories.ModeratorFactory())
    page.goto("/moderasi/")
    page.get_by_role("link", name=gig.title).click()
    page.get_by_role("button", name=re.compile("Setujui")).click()
    expect(page.locator(".messages")).to_contain_text("disetujui")
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED

    page.context.clear_cookies()
    page.goto("/")
    page.get_by_role("link", name=gig.title).click()
    expect(page.locator("h1")).to_have_text(gig.title)
    expect(page).to_have_url(re.compile(rf"/lowongan/{gig.pk}/"))


def test_worker_finds_a_wfh_gig_applies_and_both_sides_get_whatsapp_after_shortlist(page, login_as):
    """A worker searches "cs wfh" from the home page, narrows to WFH gigs, opens the gig and
    applies; no WhatsApp number is visible yet. The owner shortlists the applicant from the
    applicant list, and then each side sees a wa.me link to the other."""
    gig = factories.PublishedGigFactory(
        title="CS WFH Admin Olshop Hijab", work_mode="remote", channels=["whatsapp", "shopee"]
    )
    factories.PublishedGigFactory(title="Admin Toko Offline Bandung", work_mode="onsite", city="Bandung")
    worker = factories.WorkerFactory()

    login_as(worker)
    page.goto("/")
    page.locator("#home-q").fill("cs wfh")
    page.locator("#home-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/lowongan/\?.*q=cs\+wfh"))
    filter_panel = page.locator("details.filter-panel")
    if filter_panel.count():
        filter_panel.locator("summary").click()
    page.locator("#id_work_mode").select_option("remote")
    page.locator("main form").get_by_role("button", name="Terapkan").click()
    expect(page).to_have_url(re.compile(r"work_mode=remote"))
    expect(page.get_by_role("link", name="Admin Toko Offline Bandung")).to_have_count(0)
    page.get_by_role("link", name=gig.title).click()
    expect(page.locator("h1")).to_have_text(gig.title)
    page.locator("textarea[name=message]").fill("Saya biasa balas chat Shopee, siap WFH.")
    page.get_by_role("button", name="Kirim lamaran").click()
    expect(page.locator(".messages")).to_contain_text("Lamaran terkirim")
    expect(page.locator("a[href^='https://wa.me/']")).to_have_count(0)

    login_as(gig.employer)
    page.goto("/saya/lowongan/")
    page.get_by_role("link", name=re.compile(r"1 pelamar")).click()
    page.get_by_role("link", name=worker.worker_profile.display_name).click()
    page.get_by_role("button", name="Masukkan daftar pilihan").click()
    expect(page.locator(".messages")).to_contain_text("Nomor WhatsApp kini terlihat")
    expect(page.locator("a[href^='https://wa.me/62857']")).to_be_visible()

    login_as(worker)
    page.goto("/")
    page.get_by_role("link", name="Lamaran saya").click()
    page.get_by_role("link", name=gig.title).first.click()
    expect(page.locator("a[href^='https://wa.me/62812']")).to_be_visible()


def test_worker_saves_the_search_as_an_alert(page, login_as):
    """From a filtered "cs wfh" search the worker taps "Kabari saya…" once; the alert is saved
    with the search's criteria and listed on the alerts page."""
    from listings.models import Alert

    factories.PublishedGigFactory(title="CS WFH Admin Olshop Hijab", work_mode="remote")
    worker = factories.WorkerFactory()
    login_as(worker)
    page.goto("/lowongan/?q=cs+wfh&work_mode=remote")
    page.get_by_role("button", name="Kabari saya lowongan baru seperti ini").click()
    expect(page.locator(".messages")).to_contain_text("disimpan")
    expect(page).to_have_url(re.compile(r"/lowongan/\?.*q=cs\+wfh"))
    alert = Alert.objects.get(worker=worker)
    assert (alert.q, alert.work_mode, alert.frequency) == ("cs wfh", "remote", "instant")
    page.get_by_role("link", name="Atur notifikasi").click()
    expect(page.locator("main")).to_contain_text(alert.name)
