import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts import demo
from accounts.models import EmployerProfile, User
from listings.models import Gig
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_employer_signs_up_verifies_email_and_fills_profile(client):
    """Sign up as an UMKM owner, confirm the email from the outbox, land on the profile form."""
    response = client.post(
        reverse("account_signup"),
        {
            "email": "Bu.Yati@Contoh.ID",
            "password1": "sambal-pedas-2026",
            "password2": "sambal-pedas-2026",
            "role": "employer",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="bu.yati@contoh.id")
    assert user.role == User.Role.EMPLOYER
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/akun/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else re.sub(r"^https?://[^/]+", "", link)
    client.post(path)
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:employer_profile")
    response = client.post(
        reverse("accounts:employer_profile"),
        {
            "business_name": "Sambal Bu Yati",
            "category": "food",
            "city": "Surabaya",
            "whatsapp": "0812 3456 7890",
        },
    )
    profile = EmployerProfile.objects.get(user=user)
    assert str(profile.whatsapp) == "+6281234567890"


def test_unverified_email_cannot_log_in(client):
    client.post(
        reverse("account_signup"),
        {
            "email": "baru@contoh.id",
            "password1": "sambal-pedas-2026",
            "password2": "sambal-pedas-2026",
            "role": "worker",
        },
    )
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "baru@contoh.id", "password": "sambal-pedas-2026"}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "verifikasi" in response["Location"]
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("number", ["+60123456789", "021 555 1234", "12345", "+62 21 5551234", "nomor saya"])
def test_whatsapp_must_be_indonesian_mobile(client_for, number):
    user = factories.UserFactory(role="employer")
    response = client_for(user).post(
        reverse("accounts:employer_profile"),
        {"business_name": "Toko A", "category": "food", "city": "Medan", "whatsapp": number},
    )
    assert response.status_code == 200
    assert "has-error" in response.content.decode()
    assert not EmployerProfile.objects.exists()


def test_password_reset_does_not_reveal_accounts(client):
    factories.UserFactory(email="ada@contoh.id")
    known = client.post(reverse("account_reset_password"), {"email": "ada@contoh.id"})
    unknown = client.post(reverse("account_reset_password"), {"email": "tidakada@contoh.id"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_login_with_email(client):
    user = factories.EmployerFactory(email="pemilik@contoh.id")
    response = client.post(
        reverse("account_login"), {"login": "pemilik@contoh.id", "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.smoke
def test_seed_demo_is_idempotent_and_covers_every_status():
    call_command("seed_demo")
    counts = (User.objects.count(), Gig.objects.count(), EmployerProfile.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Gig.objects.count(), EmployerProfile.objects.count()) == counts
    assert set(Gig.objects.values_list("status", flat=True)) == {s.value for s in GigStatus}
    assert User.objects.get(email=demo.MODERATOR).is_staff
    assert User.objects.get(email=demo.MODERATOR).check_password(demo.DEMO_PASSWORD)


def test_site_domain_follows_site_url():
    """allauth emails and feeds build links from the Sites row, not example.com."""
    from django.contrib.sites.models import Site

    assert Site.objects.get_current().domain == "127.0.0.1:8000"
    assert Site.objects.get_current().name == "Loker CS"
