import json
from datetime import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User, WorkerAvailability, WorkerProfile
from accounts.selectors import worker_profile_completeness
from listings.messaging.services import inbox_item_text
from listings.models import Application, ApplicationEvent, InboxItem
from tests import factories

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _form_data(**overrides):
    data = {
        "display_name": "Siti Aminah",
        "headline": "Admin olshop fast response",
        "city": "Sleman",
        "open_to_remote": "on",
        "whatsapp": "0857 1234 5678",
        "channels": ["whatsapp", "shopee"],
        "duties": ["customer_chat", "order_processing"],
        "years_experience": "2",
        "languages": ["id", "jv"],
        "preferred_pay_models": ["daily", "monthly"],
        "expected_pay_min": "75000",
        "expected_pay_model": "daily",
        "portfolio_text": "Membantu toko hijab di Shopee, rating naik ke 4.9.",
        "link_1": "https://shopee.co.id/tokohijab",
        "link_2": "",
        "link_3": "",
        "slots-TOTAL_FORMS": "2",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "14",
        "slots-0-day": "0",
        "slots-0-start": "19:00",
        "slots-0-end": "23:00",
        "slots-1-day": "4",
        "slots-1-start": "22:00",
        "slots-1-end": "02:00",
    }
    data.update(overrides)
    return data


@pytest.mark.smoke
def test_worker_signup_creates_the_profile(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "siti@contoh.id",
            "password1": "teh-manis-2026",
            "password2": "teh-manis-2026",
            "role": "worker",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="siti@contoh.id")
    assert user.role == User.Role.WORKER
    assert WorkerProfile.objects.filter(user=user).exists()


@pytest.mark.smoke
def test_profile_form_saves_everything_on_one_page(worker, client_for):
    """One POST saves profile, code lists, links and availability (incl. a window past midnight)."""
    response = client_for(worker).post(reverse("accounts:worker_profile"), _form_data())
    assert response.status_code == 302
    profile = WorkerProfile.objects.get(user=worker)
    assert profile.channels == ["whatsapp", "shopee"]
    assert profile.languages == ["id", "jv"]
    assert profile.portfolio_links == ["https://shopee.co.id/tokohijab"]
    assert str(profile.whatsapp) == "+6285712345678"
    assert [(w.day, w.start, w.end) for w in profile.availability.all()] == [
        (0, time(19), time(23)),
        (4, time(22), time(2)),
    ]
    assert worker_profile_completeness(profile).percent == 100


def test_completeness_meter_says_what_to_add(client_for):
    worker = factories.UserFactory(role=User.Role.WORKER)
    WorkerProfile.objects.create(user=worker)
    html = client_for(worker).get(reverse("accounts:worker_profile")).content.decode()
    assert "Profil 0% lengkap" in html
    assert "Nomor WhatsApp" in html and "Waktu luang per hari" in html
    result = worker_profile_completeness(WorkerProfile.objects.get(user=worker))
    assert result.missing[0].startswith("Nomor WhatsApp")  # heaviest items first


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"channels": ["myspace"]}, "bukan salah satu"),
        ({"link_1": "javascript:alert(1)"}, "URL"),
        ({"slots-0-end": "19:00"}, "tidak boleh sama"),
        ({"whatsapp": "+1 202 555 0100"}, "Indonesia"),
        ({"expected_pay_min": "50000", "expected_pay_model": ""}, "Pilih gaji ini per"),
        ({"years_experience": "-3"}, ""),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(overrides, message, worker, client_for):
    response = client_for(worker).post(reverse("accounts:worker_profile"), _form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Perubahan belum disimpan" in html and message in html
    profile = WorkerProfile.objects.get(user=worker)
    assert profile.display_name != "Siti Aminah" and not profile.availability.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "bukan PDF"),  # renamed Windows executable
        ("cv.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "bukan PDF"),  # renamed Linux binary
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "Hanya file PDF"),
        ("cv.txt", b"%PDF-1.4 but named .txt", "Hanya file PDF"),
        ("besar.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), "maksimal 2 MB"),
    ],
)
def test_portfolio_upload_is_checked_by_type_size_and_content(name, content, message, worker, client_for):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client_for(worker).post(reverse("accounts:worker_profile"), _form_data(portfolio_pdf=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WorkerProfile.objects.get(user=worker).portfolio_pdf


def test_real_pdf_is_accepted_and_a_replaced_one_is_removed(
    worker, client_for, django_capture_on_commit_callbacks
):
    client = client_for(worker)
    client.post(
        reverse("accounts:worker_profile"),
        _form_data(portfolio_pdf=SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf")),
    )
    first = WorkerProfile.objects.get(user=worker).portfolio_pdf
    assert first.name.endswith(".pdf") and "cv" not in first.name  # unguessable name
    storage, old_name = first.storage, first.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:worker_profile"),
            _form_data(
                portfolio_pdf=SimpleUploadedFile("cv2.pdf", PDF_BYTES, content_type="application/pdf")
            ),
        )
    assert WorkerProfile.objects.get(user=worker).portfolio_pdf.name != old_name
    assert not storage.exists(old_name)


def test_public_profile_shows_skills_but_no_contact(worker, client_for):
    client_for(worker).post(reverse("accounts:worker_profile"), _form_data())
    profile = WorkerProfile.objects.get(user=worker)
    html = client_for(None).get(profile.get_absolute_url()).content.decode()
    assert "Admin olshop fast response" in html and "Shopee" in html and "Jumat 22:00–02:00" in html
    for secret in ("85712345678", "0857", worker.email, "wa.me"):
        assert secret not in html


def test_public_profile_of_non_workers_is_404(employer, client_for):
    profile = WorkerProfile.objects.create(user=employer)
    assert client_for(None).get(profile.get_absolute_url()).status_code == 404


def test_profile_page_is_for_workers_only(employer, client_for):
    """Another role gets the same 404 as a page that is not theirs."""
    response = client_for(employer).get(reverse("accounts:worker_profile"))
    assert response.status_code == 404
    assert client_for(employer).get(reverse("accounts:worker_data_export")).status_code == 404
    assert (
        client_for(employer).post(reverse("accounts:worker_account_delete"), {"confirm": "HAPUS"}).status_code
        == 404
    )
    assert User.objects.filter(pk=employer.pk).exists()


# --- privacy: export and deletion ---------------------------------------------------------


def test_data_export_has_my_data_and_nothing_private_of_others(worker, client_for):
    client = client_for(worker)
    client.post(reverse("accounts:worker_profile"), _form_data())
    application = factories.ApplicationFactory(
        worker=worker, status="shortlisted", employer_note="Jangan lupa tanya soal laptop"
    )
    ApplicationEvent.objects.create(application=application, actor=worker, action="submit", to_status="sent")
    response = client.get(reverse("accounts:worker_data_export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == worker.email
    assert data["worker_profile"]["whatsapp"] == "+6285712345678"
    assert data["worker_profile"]["availability"][1] == {"day": 4, "start": "22:00", "end": "02:00"}
    assert data["applications"][0]["message"] == application.message
    assert data["applications"][0]["history"][0]["to"] == "sent"
    raw = response.content.decode()
    assert "Jangan lupa tanya soal laptop" not in raw  # the employer's note is the employer's
    assert "81234567890" not in raw  # nor is the employer's number


def test_deleting_the_account_erases_the_person_and_keeps_employer_records(
    worker, client_for, django_capture_on_commit_callbacks
):
    client = client_for(worker)
    client.post(
        reverse("accounts:worker_profile"),
        _form_data(portfolio_pdf=SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf")),
    )
    pdf = WorkerProfile.objects.get(user=worker).portfolio_pdf
    storage, pdf_name = pdf.storage, pdf.name
    open_one = factories.ApplicationFactory(worker=worker, status="shortlisted", employer_note="calon kuat")
    hired = factories.ApplicationFactory(worker=worker, status="hired")
    InboxItem.objects.create(user=worker, kind="application", text="pesan lama")

    wrong = client.post(reverse("accounts:worker_account_delete"), {"confirm": "ya"})
    assert wrong.status_code == 200 and User.objects.filter(pk=worker.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:worker_account_delete"), {"confirm": "hapus"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=worker.pk).exists()
    assert not User.objects.filter(email=worker.email).exists()
    assert not WorkerProfile.objects.exists() and not WorkerAvailability.objects.exists()
    assert not InboxItem.objects.filter(text="pesan lama").exists()
    assert not storage.exists(pdf_name)

    open_one.refresh_from_db(), hired.refresh_from_db()
    assert (open_one.worker, open_one.status, open_one.message) == (None, "withdrawn", "")
    assert open_one.employer_note == "calon kuat"  # the employer's own record stays
    assert (hired.worker, hired.status) == (None, "hired")
    employer = open_one.gig.employer
    notice = InboxItem.objects.get(user=employer)
    assert "menghapus akunnya" in inbox_item_text(notice) and "Siti" not in inbox_item_text(notice)
    assert any(employer.email in m.to for m in mail.outbox)

    employer_client = client_for(employer)
    page = employer_client.get(reverse("listings:gig_applicants", args=[open_one.gig.pk]))
    assert page.status_code == 200 and "akun dihapus" in page.content.decode()
    detail = employer_client.get(reverse("listings:application_detail", args=[open_one.pk]))
    assert detail.status_code == 200 and "wa.me" not in detail.content.decode()
    assert client.get(reverse("listings:my_applications")).status_code == 302  # logged out
    assert Application.objects.count() == 2


def test_seed_demo_sets_up_the_worker_journey(client_for):
    """After seed_demo (twice: idempotent) Siti is hired at one evening job, can apply to the
    skincare gig, sees the overlap warning on the evening hijab gig; contacts are revealed only
    for the shortlisted demo application."""
    from django.core.management import call_command

    from accounts import demo
    from listings.models import Gig

    call_command("seed_demo")
    call_command("seed_demo")
    assert Application.objects.count() == len(demo.APPLICATIONS)
    siti = User.objects.get(email="siti@contoh.id")
    assert worker_profile_completeness(siti.worker_profile).percent >= 90
    client = client_for(siti)
    skincare = Gig.objects.get(title="Customer Service Skincare Shift Pagi")
    assert "Kirim lamaran" in client.get(skincare.get_absolute_url()).content.decode()
    evening = Gig.objects.get(title=demo.EVENING_GIG["title"])
    assert "Jadwal bentrok" in client.get(evening.get_absolute_url()).content.decode()
    shortlisted = Application.objects.get(status="shortlisted")
    html = client_for(shortlisted.gig.employer).get(shortlisted.get_absolute_url()).content.decode()
    assert "wa.me/6287865430003" in html


def test_saved_availability_is_shown_back_in_html_time_format(worker, client_for):
    """<input type=time> only accepts HH:MM; the Indonesian locale's 19.00.00 would show blank
    and silently drop the windows on the next save."""
    worker.worker_profile.availability.create(day=0, start=time(19), end=time(23, 30))
    html = client_for(worker).get(reverse("accounts:worker_profile")).content.decode()
    assert 'value="19:00"' in html and 'value="23:30"' in html
