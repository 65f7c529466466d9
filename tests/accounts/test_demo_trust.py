"""seed_demo shows reviews and a verification request (issue 16), idempotently."""

import pytest
from django.core.management import call_command

from accounts.models import EmployerProfile
from listings.models import Review, VerificationRequest
from listings.reviews.selectors import review_summary

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_seed_demo_seeds_reviews_and_a_pending_verification_request():
    call_command("seed_demo")
    counts = (Review.objects.count(), VerificationRequest.objects.count())
    call_command("seed_demo")
    assert (Review.objects.count(), VerificationRequest.objects.count()) == counts
    laundry = EmployerProfile.objects.get(user__email="cs@laundrykilat.id")
    summary = review_summary(laundry.user)
    assert summary.count == 1 and summary.pays_on_time_percent == 100
    assert Review.objects.filter(author__email="siti@contoh.id").exists()  # waiting for the owner
    request = VerificationRequest.objects.get()
    assert request.status == "pending" and request.ktp and request.shop_photo
