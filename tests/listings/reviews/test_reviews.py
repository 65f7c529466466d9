"""Two-way reviews after a hire or an ended trial (issue 16, item 2)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from listings.applications import services as applications
from listings.models import Application, InboxItem, Review, ReviewEvent
from listings.reviews import selectors, services
from listings.reviews.rules import REVEAL_AFTER
from listings.screening import subject_for
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def hired(employer, worker):
    gig = factories.PublishedGigFactory(employer=employer)
    application = factories.ApplicationFactory(gig=gig, worker=worker, status="shortlisted")
    return applications.application_hire(application=application, by=employer)


def _both_write(application, employer, worker):
    services.review_submit(application=application, by=worker, rating=5, tags=["pays_on_time"], comment="Oke")
    services.review_submit(application=application, by=employer, rating=4, tags=["thorough"], comment="Rajin")


def test_review_stays_private_until_the_other_side_writes(hired, employer, worker):
    """A lone review is not public; once the employer answers, both are visible at once."""
    first = services.review_submit(
        application=hired, by=worker, rating=5, tags=["pays_on_time"], comment="Oke"
    )
    assert not Review.objects.visible().filter(pk=first.pk).exists()
    assert selectors.review_summary(employer).count == 0
    assert InboxItem.objects.filter(user=employer, kind="review").exists()

    services.review_submit(application=hired, by=employer, rating=4, tags=["thorough"])
    assert Review.objects.visible().count() == 2
    summary = selectors.review_summary(employer)
    assert (summary.count, summary.average, summary.pays_on_time_percent) == (1, 5.0, 100)
    assert selectors.review_summary(worker, direction=Review.Direction.OF_WORKER).average == 4.0
    assert ReviewEvent.objects.filter(action="submit").count() == 2


def test_unanswered_review_becomes_public_after_14_days(hired, worker):
    review = services.review_submit(application=hired, by=worker, rating=2)
    assert review.visible_from - review.created_at >= REVEAL_AFTER - timedelta(seconds=1)
    later = review.created_at + REVEAL_AFTER + timedelta(minutes=1)
    assert Review.objects.visible(now=later).filter(pk=review.pk).exists()
    assert not Review.objects.visible(now=later - timedelta(days=1)).filter(pk=review.pk).exists()


def test_only_once_per_side(hired, worker):
    services.review_submit(application=hired, by=worker, rating=5)
    with pytest.raises(services.ReviewError, match="sudah menulis"):
        services.review_submit(application=hired, by=worker, rating=1)
    assert Review.objects.count() == 1


def test_not_before_hire_and_not_after_30_days(employer, worker):
    application = factories.ApplicationFactory(gig__employer=employer, worker=worker, status="shortlisted")
    with pytest.raises(services.ReviewError, match="setelah pelamar diterima"):
        services.review_submit(application=application, by=worker, rating=5)
    hired = applications.application_hire(application=application, by=employer)
    Application.objects.filter(pk=hired.pk).update(status_changed_at=timezone.now() - timedelta(days=31))
    with pytest.raises(services.ReviewError, match="30 hari"):
        services.review_submit(application=hired, by=worker, rating=5)
    assert not Review.objects.exists()


def test_an_ended_trial_can_be_reviewed_a_plain_decline_cannot(employer, worker, other_worker):
    trial = factories.ApplicationFactory(gig__employer=employer, worker=worker, status="shortlisted")
    applications.application_offer_trial(application=trial, by=employer, days=3)
    applications.application_decline(application=trial, by=employer)
    assert services.review_submit(application=trial, by=worker, rating=3).rating == 3

    plain = factories.ApplicationFactory(gig__employer=employer, worker=other_worker, status="viewed")
    applications.application_decline(application=plain, by=employer)
    with pytest.raises(services.ReviewError):
        services.review_submit(application=plain, by=other_worker, rating=1)


def test_strangers_cannot_review(hired, other_worker, other_employer, moderator):
    for user in (other_worker, other_employer, moderator):
        with pytest.raises(PermissionDenied):
            services.review_submit(application=hired, by=user, rating=1)


@pytest.mark.parametrize(
    ("rating", "tags", "comment", "field"),
    [
        (0, [], "", "rating"),
        ("lima", [], "", "rating"),
        (6, [], "", "rating"),
        (5, ["thorough"], "", "tags"),
        (5, ["bogus"], "", "tags"),
        (5, [], "x" * 501, "comment"),
    ],
)
def test_bad_input_is_refused_with_a_reason(hired, worker, rating, tags, comment, field):
    with pytest.raises(services.ReviewError) as error:
        services.review_submit(application=hired, by=worker, rating=rating, tags=tags, comment=comment)
    assert field in error.value.message_dict
    assert not Review.objects.exists()


def test_moderator_hides_with_a_reason_and_it_is_audited(hired, employer, worker, moderator):
    _both_write(hired, employer, worker)
    review = Review.objects.get(direction="of_employer")
    with pytest.raises(services.ReviewError):
        services.review_hide(review=review, by=moderator, reason="  ")
    with pytest.raises(PermissionDenied):
        services.review_hide(review=review, by=employer, reason="tidak suka")
    services.review_hide(review=review, by=moderator, reason="Berisi nomor HP pribadi")
    assert selectors.review_summary(employer).count == 0
    event = ReviewEvent.objects.get(action="hide")
    assert (event.actor, event.reason) == (moderator, "Berisi nomor HP pribadi")
    services.review_unhide(review=review, by=moderator)
    assert selectors.review_summary(employer).count == 1


def test_employer_page_shows_average_count_and_pay_on_time(client, hired, employer, worker):
    _both_write(hired, employer, worker)
    response = client.get(employer.employer_profile.get_absolute_url())
    html = response.content.decode()
    assert "<strong>5,0</strong> / 5 · 1 ulasan · 100% menyebut bayar tepat waktu" in html
    assert "Oke" in html


def test_worker_profile_shows_their_reviews(client, hired, employer, worker):
    _both_write(hired, employer, worker)
    html = client.get(worker.worker_profile.get_absolute_url()).content.decode()
    assert "Rajin" in html and "Teliti" in html


def test_worker_writes_a_review_through_the_page(client_for, hired, employer, worker):
    client = client_for(worker)
    detail = client.get(hired.get_absolute_url()).content.decode()
    assert reverse("listings:review_write", args=[hired.pk]) in detail
    url = reverse("listings:review_write", args=[hired.pk])
    bad = client.post(url, {"rating": "9", "comment": "x"})
    assert bad.status_code == 200 and "msg-error" in bad.content.decode()
    response = client.post(url, {"rating": "4", "tags": ["responsive", "pays_on_time"], "comment": "Mantap"})
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.author, review.subject, review.rating) == (worker, employer, 4)
    again = client.get(url)
    assert again.status_code == 302  # once only


def test_review_pages_query_counts(
    client, client_for, hired, employer, worker, moderator, django_assert_max_num_queries
):
    for _ in range(5):
        other = factories.ApplicationFactory(gig__employer=employer, status="hired")
        services.review_submit(application=other, by=other.worker, rating=4, tags=["pays_on_time"])
        services.review_submit(application=other, by=employer, rating=5)
    with django_assert_max_num_queries(12):
        assert client.get(employer.employer_profile.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(worker.worker_profile.get_absolute_url()).status_code == 200
    staff = client_for(moderator)
    with django_assert_max_num_queries(12):
        assert staff.get(reverse("listings:review_queue")).status_code == 200


def test_well_reviewed_employer_counts_as_a_known_business_for_screening(employer):
    gig = factories.PendingGigFactory(employer=employer)
    assert not subject_for(gig).business_presence
    for _ in range(3):
        application = factories.ApplicationFactory(gig__employer=employer, status="hired")
        services.review_submit(application=application, by=application.worker, rating=5)
        services.review_submit(application=application, by=employer, rating=5)
    assert selectors.employer_review_trust(employer.pk).well_reviewed
    assert subject_for(gig).business_presence


def test_worker_data_export_includes_reviews(client_for, hired, employer, worker):
    _both_write(hired, employer, worker)
    data = client_for(worker).get(reverse("accounts:worker_data_export")).json()
    assert [r["comment"] for r in data["reviews_written"]] == ["Oke"]
    assert [r["comment"] for r in data["reviews_received"]] == ["Rajin"]
