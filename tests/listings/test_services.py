from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from listings.gigs import services
from listings.gigs.services import TRANSITIONS, TransitionError
from listings.models import Gig, GigEvent
from listings.trust import services as trust_services
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db

ALL_STATUSES = [s.value for s in GigStatus]


def _run(action: str, gig: Gig, employer, moderator):
    """Call the service behind `action` as the right kind of user."""
    calls = {
        "submit": lambda: services.gig_submit(gig=gig, by=employer),
        "approve": lambda: services.gig_approve(gig=gig, by=moderator),
        "reject": lambda: services.gig_reject(gig=gig, by=moderator, reason="Gaji tidak jelas"),
        "suspend": lambda: services.gig_suspend(gig=gig, by=moderator, reason="Laporan penipuan"),
        "reinstate": lambda: services.gig_reinstate(gig=gig, by=moderator),
        "close": lambda: services.gig_close(gig=gig, by=employer),
        "expire": lambda: services.gig_expire(gig=gig),
        "renew": lambda: services.gig_renew(gig=gig, by=employer),
    }
    return calls[action]()


SERVICE_ACTIONS = [a for a in TRANSITIONS if a != "resubmit"]
CASES = [(a, s) for a in SERVICE_ACTIONS for s in ALL_STATUSES]


@pytest.mark.smoke
@pytest.mark.parametrize(("action", "status"), CASES)
def test_every_transition_is_allowed_or_refused_as_designed(action, status, employer, moderator):
    """Each (action, status) pair either moves the gig to the designed status with an audit row,
    or raises TransitionError and leaves the gig untouched."""
    gig = factories.DraftGigFactory(employer=employer, status=status)
    expected = TRANSITIONS[action].get(status)
    if expected is None:
        with pytest.raises(TransitionError):
            _run(action, gig, employer, moderator)
        gig.refresh_from_db()
        assert gig.status == status
        assert not GigEvent.objects.filter(gig=gig).exists()
    else:
        _run(action, gig, employer, moderator)
        gig.refresh_from_db()
        assert gig.status == expected
        event = GigEvent.objects.get(gig=gig)
        assert (event.from_status, event.to_status, event.action) == (status, expected, action)


def test_workflow_matches_design():
    """The table is the DESIGN.md workflow, nothing more."""
    edges = {(src, dst) for table in TRANSITIONS.values() for src, dst in table.items()}
    assert edges == {
        ("draft", "pending"),
        ("rejected", "pending"),
        ("pending", "published"),
        ("pending", "rejected"),
        ("published", "suspended"),
        ("suspended", "published"),
        ("published", "closed"),
        ("published", "expired"),
        ("expired", "pending"),
        ("closed", "pending"),
        ("published", "pending"),
    }


def test_only_moderators_decide(employer):
    gig = factories.PendingGigFactory(employer=employer)
    for call in (
        lambda: services.gig_approve(gig=gig, by=employer),
        lambda: services.gig_reject(gig=gig, by=employer, reason="x"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING


def test_only_the_owner_submits_closes_and_renews(employer, other_employer):
    draft = factories.DraftGigFactory(employer=employer)
    with pytest.raises(PermissionDenied):
        services.gig_submit(gig=draft, by=other_employer)
    published = factories.PublishedGigFactory(employer=employer)
    with pytest.raises(PermissionDenied):
        services.gig_close(gig=published, by=other_employer)
    expired = factories.ExpiredGigFactory(employer=employer)
    with pytest.raises(PermissionDenied):
        services.gig_renew(gig=expired, by=other_employer)


def test_rejecting_needs_a_reason_and_shows_it(employer, moderator):
    gig = factories.PendingGigFactory(employer=employer)
    with pytest.raises(ValidationError):
        services.gig_reject(gig=gig, by=moderator, reason="   ")
    services.gig_reject(gig=gig, by=moderator, reason="Sebutkan gaji per hari.")
    gig.refresh_from_db()
    assert gig.status == GigStatus.REJECTED
    assert gig.rejection_reason == "Sebutkan gaji per hari."


@pytest.mark.django_db(transaction=True)
def test_approving_and_rejecting_email_the_owner(employer, moderator):
    """Emails leave after commit, through the Celery task (eager in tests)."""
    approved = factories.PendingGigFactory(employer=employer, title="Admin WA Katering")
    services.gig_approve(gig=approved, by=moderator)
    rejected = factories.PendingGigFactory(employer=employer, title="CS Shopee")
    services.gig_reject(gig=rejected, by=moderator, reason="Deskripsi terlalu singkat")
    assert [m.to for m in mail.outbox] == [[employer.email], [employer.email]]
    assert "Admin WA Katering" in mail.outbox[0].subject
    assert "Deskripsi terlalu singkat" in mail.outbox[1].body
    assert "Deskripsi terlalu singkat" in mail.outbox[1].alternatives[0][0]


def test_substantive_edit_of_published_gig_goes_back_to_review(employer):
    gig = factories.PublishedGigFactory(employer=employer)
    services.gig_update(gig=gig, by=employer, data={"pay_min": 90_000})
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert GigEvent.objects.filter(gig=gig, action="resubmit").exists()


def test_cosmetic_edit_of_published_gig_stays_published(employer):
    gig = factories.PublishedGigFactory(employer=employer)
    services.gig_update(gig=gig, by=employer, data={"openings": 3, "hours_per_week": 25})
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED
    assert gig.openings == 3


def test_renew_sets_a_fresh_expiry(employer):
    gig = factories.ExpiredGigFactory(employer=employer)
    services.gig_renew(gig=gig, by=employer)
    gig.refresh_from_db()
    assert gig.status == GigStatus.PENDING
    assert gig.expires_at > timezone.now() + timedelta(days=29)


def test_duplicate_makes_a_draft_copy(employer):
    gig = factories.PublishedGigFactory(employer=employer, title="Admin Shopee")
    copy = services.gig_duplicate(gig=gig, by=employer)
    assert copy.pk != gig.pk
    assert copy.status == GigStatus.DRAFT
    assert copy.title == "Salinan: Admin Shopee"
    assert copy.channels == gig.channels


@pytest.mark.smoke
def test_expire_due_gigs_only_touches_published_past_expiry(employer):
    past = timezone.now() - timedelta(hours=1)
    due = factories.PublishedGigFactory(employer=employer, expires_at=past)
    fresh = factories.PublishedGigFactory(employer=employer)
    closed = factories.ClosedGigFactory(employer=employer, expires_at=past)
    assert services.expire_due_gigs() == 1
    for gig, status in ((due, "expired"), (fresh, "published"), (closed, "closed")):
        gig.refresh_from_db()
        assert gig.status == status


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"pay_min": 100_000, "pay_max": 50_000}, "pay_max"),
        ({"work_mode": "onsite", "city": ""}, "city"),
        ({"channels": ["telegram"]}, "channels"),
        ({"duties": []}, "duties"),
        ({"pay_model": "commission", "commission_description": ""}, "commission_description"),
    ],
)
def test_gig_rules_refuse_bad_data(employer, data, field):
    base = {
        "title": "Admin",
        "description": "Balas chat",
        "pay_model": "daily",
        "pay_min": 75_000,
        "work_mode": "remote",
        "channels": ["whatsapp"],
        "duties": ["customer_chat"],
    }
    with pytest.raises(ValidationError) as err:
        services.gig_create(employer=employer, data={**base, **data})
    assert field in err.value.message_dict
    assert not Gig.objects.exists()


def test_workers_cannot_post(worker):
    with pytest.raises(PermissionDenied):
        services.gig_create(employer=worker, data={})


def test_report_once_per_user(worker):
    gig = factories.PublishedGigFactory()
    trust_services.report_create(gig=gig, by=worker, reason="scam_fee")
    with pytest.raises(ValidationError):
        trust_services.report_create(gig=gig, by=worker, reason="scam_fee")
