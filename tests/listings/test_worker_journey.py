"""DESIGN.md journey 2 on the demo data: the "done when" of issue 4, through real logins."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts import demo
from listings.models import Application, Gig

pytestmark = pytest.mark.django_db


def _login(email: str) -> Client:
    client = Client()
    response = client.post(reverse("account_login"), {"login": email, "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def test_demo_worker_applies_employer_shortlists_both_see_whatsapp(django_capture_on_commit_callbacks):
    cache.clear()
    call_command("seed_demo")
    siti = _login("siti@contoh.id")
    gig = Gig.objects.get(title="Customer Service Skincare Shift Pagi")

    # The worker finds the gig through search and applies from its page.
    listing = siti.get(reverse("listings:gig_list")).content.decode()
    assert gig.get_absolute_url() in listing
    with django_capture_on_commit_callbacks(execute=True):
        siti.post(reverse("listings:apply", args=[gig.pk, gig.slug]), {"message": "Siap shift pagi, kak."})
    application = Application.objects.get(gig=gig, worker__email="siti@contoh.id")
    assert "wa.me" not in siti.get(application.get_absolute_url()).content.decode()

    # The employer sees the applicant (no number yet) and shortlists.
    owner = _login("admin@glowskin.id")
    assert "1 baru" in owner.get(reverse("listings:my_gigs")).content.decode()
    applicants = owner.get(reverse("listings:gig_applicants", args=[gig.pk])).content.decode()
    assert "Siti Rahmawati" in applicants and "wa.me" not in applicants
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(reverse("listings:application_action", args=[application.pk, "shortlist"]))

    employer_view = owner.get(application.get_absolute_url()).content.decode()
    worker_view = siti.get(application.get_absolute_url()).content.decode()
    assert re.search(r"https://wa\.me/6285712340001\?text=Halo%20Siti", employer_view)
    assert re.search(r"https://wa\.me/6287812345001\?text=Halo%20Glow%20Skin%20Store", worker_view)
    assert "Customer%20Service%20Skincare%20Shift%20Pagi" in worker_view

    # Taking a second evening gig in the hours of her hired laundry job: the warning shows.
    evening = Gig.objects.get(title=demo.EVENING_GIG["title"])
    assert "Jadwal bentrok" in siti.get(evening.get_absolute_url()).content.decode()
    assert (
        "Jadwal bentrok"
        in siti.get(reverse("listings:apply", args=[evening.pk, evening.slug])).content.decode()
    )
    inbox = siti.get(reverse("listings:inbox")).content.decode()
    assert "masuk daftar pilihan" in inbox
