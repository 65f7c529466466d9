"""Issue 16 journeys in a real browser, at phone and desktop sizes: a worker reviews an
employer after a hire; an owner requests verification and a moderator grants it."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from listings.models import Review, VerificationRequest
from tests import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _png() -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), (120, 80, 200)).save(buffer, format="PNG")
    return {"name": "ktp.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def test_worker_reviews_the_employer_after_a_hire_and_it_shows_once_both_wrote(page, login_as):
    """The hired worker opens the application, writes a 5-star review with "Bayar tepat
    waktu"; it stays private until the owner writes theirs; then the employer page shows
    the average, the count and the pay-on-time share."""
    gig = factories.PublishedGigFactory(title="Admin WA Toko Kue (WFH)")
    worker = factories.WorkerFactory()
    application = factories.ApplicationFactory(gig=gig, worker=worker, status="hired")

    login_as(worker)
    page.goto(application.get_absolute_url())
    page.get_by_role("link", name="Tulis ulasan").click()
    page.get_by_label("5 — sangat baik").check()
    page.get_by_label("Bayar tepat waktu").check()
    page.get_by_label("Komentar (opsional)").fill("Gaji selalu cair tiap Sabtu, owner ramah.")
    page.get_by_role("button", name="Kirim ulasan").click()
    expect(page.locator(".messages")).to_contain_text("Terima kasih")
    expect(page.locator("#ulasan")).to_contain_text("Anda memberi 5 dari 5 bintang")

    profile_url = gig.employer.employer_profile.get_absolute_url()
    page.context.clear_cookies()
    page.goto(profile_url)
    expect(page.locator("main")).to_contain_text("Belum ada ulasan yang tampil")

    login_as(gig.employer)
    page.goto(application.get_absolute_url())
    expect(page.locator("#ulasan")).to_contain_text("Pihak lain sudah menulis ulasan")
    page.get_by_role("link", name="Tulis ulasan").click()
    page.get_by_label("4 — baik").check()
    page.get_by_label("Teliti").check()
    page.get_by_role("button", name="Kirim ulasan").click()
    expect(page.locator("#ulasan")).to_contain_text("Gaji selalu cair tiap Sabtu")

    page.context.clear_cookies()
    page.goto(profile_url)
    summary = page.locator(".review-summary")
    expect(summary).to_contain_text(re.compile(r"5[,.]0"))
    expect(summary).to_contain_text("1 ulasan")
    expect(summary).to_contain_text("100% menyebut bayar tepat waktu")
    assert Review.objects.count() == 2


def test_owner_requests_verification_and_a_moderator_grants_it(page, login_as):
    """From the business profile the owner asks for verification with an NIB and a KTP
    photo; the moderator opens it from the queue, ticks what they checked and grants it;
    visitors then see the badge and what was checked."""
    owner = factories.EmployerFactory()
    profile = owner.employer_profile

    login_as(owner)
    page.goto("/usaha/profil/")
    page.get_by_role("link", name=re.compile("Ajukan verifikasi UMKM")).click()
    page.get_by_label("NIB (Nomor Induk Berusaha)").fill("9120 0012 34567")
    page.get_by_label("Foto KTP pemilik").set_input_files(_png())
    page.get_by_role("button", name="Kirim permintaan").click()
    expect(page.locator(".messages")).to_contain_text("Permintaan verifikasi terkirim")
    expect(page.locator("main")).to_contain_text("Menunggu pemeriksaan")

    login_as(factories.ModeratorFactory())
    page.goto("/moderasi/")
    page.get_by_role("link", name="Verifikasi UMKM").click()
    page.get_by_role("link", name=profile.business_name).click()
    expect(page.get_by_role("link", name="Lihat foto KTP (rahasia)")).to_be_visible()
    page.get_by_label("NIB terdaftar di OSS").check()
    page.get_by_label("Identitas pemilik (KTP) cocok").check()
    page.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("UMKM diverifikasi")
    request = VerificationRequest.objects.get()
    assert request.status == "granted" and not request.ktp

    page.context.clear_cookies()
    page.goto(profile.get_absolute_url())
    expect(page.locator("h1 .badge-verified")).to_be_visible()
    page.get_by_text("Apa arti “UMKM terverifikasi”?").click()
    expect(page.locator(".verification-note")).to_contain_text("NIB terdaftar di OSS")
