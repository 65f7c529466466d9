"""A banned employer's gigs cannot come back on the board through "Duplikat": the web path is
closed (the ban ends the session), and a copy made through the service still only reaches
the review queue, never the board."""

import pytest
from django.urls import reverse

from listings.gigs import services
from listings.models import Gig, GigScreening
from listings.trust import services as safety
from listings.vocabulary import GigStatus
from tests import factories

pytestmark = pytest.mark.django_db

CLEAN_TEXT = "Membalas chat pembeli di WhatsApp dan Shopee, input pesanan dan rekap harian untuk owner."


def _banned_verified_owner(employer, moderator):
    """A verified owner (whose clean posts would go live without review) who is then banned."""
    safety.employer_verify(profile=employer.employer_profile, by=moderator, note="Toko dicek")
    live = factories.PublishedGigFactory(employer=employer, description=CLEAN_TEXT)
    closed = factories.ClosedGigFactory(employer=employer, description=CLEAN_TEXT + " Shift pagi.")
    safety.employer_ban(user=employer, by=moderator, reason="Penipuan")
    employer.refresh_from_db()
    return live, closed


def test_banned_employer_cannot_duplicate_from_the_web(client, employer, moderator):
    """The banned owner's old session no longer counts: the duplicate button's POST sends them
    to the login page and no copy is made."""
    client.force_login(employer)
    _live, closed = _banned_verified_owner(employer, moderator)
    before = Gig.objects.filter(employer=employer).count()
    response = client.post(reverse("listings:gig_action", args=[closed.pk, "duplicate"]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert Gig.objects.filter(employer=employer).count() == before


@pytest.mark.parametrize("source", ["suspended", "closed"])
def test_banned_employers_copy_is_never_published(
    employer, moderator, source, django_capture_on_commit_callbacks
):
    """Copying the gig the ban suspended, or an older closed one, and submitting the copy
    leaves it pending for a moderator: the ban withdrew the verified fast path, and nothing
    of the owner's is on the board afterwards."""
    live, closed = _banned_verified_owner(employer, moderator)
    original = {"suspended": live, "closed": closed}[source]
    original.refresh_from_db()
    assert original.status == (GigStatus.SUSPENDED if source == "suspended" else GigStatus.CLOSED)

    copy = services.gig_duplicate(gig=original, by=employer)
    assert copy.status == GigStatus.DRAFT and copy.copied_from == original
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_submit(gig=copy, by=employer)
    copy.refresh_from_db()

    assert copy.status == GigStatus.PENDING
    assert copy.screening.outcome in (GigScreening.Outcome.HELD, GigScreening.Outcome.QUEUED)
    assert copy.screening.outcome != GigScreening.Outcome.AUTO_PUBLISHED
    if source == "suspended":
        assert copy.screening.outcome == GigScreening.Outcome.HELD
        assert "copy_of_suspended" in {r["code"] for r in copy.screening.reasons}
    assert not Gig.objects.filter(employer=employer, status=GigStatus.PUBLISHED).exists()
