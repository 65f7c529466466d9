"""Every stateful row (gig, application, report, alert) is written through its feature's
services: a save, create, update or delete that starts anywhere else in project code (a
view, admin, a command, seed_demo) fails the test that exercised it.

The guard watches the whole suite (tests/conftest.py turns it on for every test), so each
code path a test walks is checked; the tests below prove the guard itself bites.
"""

import pytest
from django.test import Client
from django.urls import reverse

from listings.models import Gig
from tests import factories
from tests.doors import OutsideTheDoor, door_of


def test_a_save_from_a_view_module_is_refused(db):
    gig = factories.PublishedGigFactory()
    code = compile("gig.save()", "listings/gigs/views.py", "exec")
    with pytest.raises(OutsideTheDoor):
        exec(code, {"gig": gig})  # noqa: S102  (runs as if written in a view module)


def test_an_update_from_a_command_module_is_refused(db):
    gig = factories.PublishedGigFactory()
    code = compile("Gig.objects.filter(pk=pk).update(title='x')", "listings/management/commands/x.py", "exec")
    with pytest.raises(OutsideTheDoor):
        exec(code, {"Gig": Gig, "pk": gig.pk})  # noqa: S102


def test_services_and_tests_are_doors():
    assert door_of("listings/gigs/services.py")
    assert door_of("accounts/services.py")
    assert door_of("tests/listings/test_services.py")
    assert not door_of("listings/gigs/views.py")
    assert not door_of("listings/gigs/admin.py")
    assert not door_of("accounts/demo.py")


def test_django_admin_cannot_edit_a_gig_around_the_services(moderator):
    """Admin shows gigs read-only; a forged change POST does not write the row."""
    moderator.is_superuser = True
    moderator.save()
    gig = factories.PublishedGigFactory(title="Admin Chat Toko Kue")
    client = Client()
    client.force_login(moderator)
    url = reverse("admin:listings_gig_change", args=[gig.pk])
    client.post(url, {"title": "Diubah lewat admin", "status": "published"})
    gig.refresh_from_db()
    assert gig.title == "Admin Chat Toko Kue"
