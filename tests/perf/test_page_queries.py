"""Every main page costs at most six SQL queries, whoever looks at it (issue 15).

The data is what makes an N+1 show: a first page of published gigs with time windows, a
worker with hired and in-play applications, applicants with availability, unread
notifications for everyone. Each page is opened once first (a first visit may write: an
owner opening a new application marks it seen), then the page cache and every cached
lookup are retired and the page is counted again, fully rendered. Session and user
queries count.
"""

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import WorkerAvailability
from listings import pagecache
from listings.gigs.services import gig_windows_store
from listings.messaging.services import inbox_item_create
from listings.models import GigTimeWindow
from tests import factories
from tests.pages import build_main_pages

pytestmark = pytest.mark.django_db

MAX_QUERIES = 6
ROLES = ("anonymous", "worker", "other_worker", "employer", "other_employer", "moderator")


def _windows(gig, *spans):
    GigTimeWindow.objects.bulk_create(
        GigTimeWindow(gig=gig, day=day, start=time(start), end=time(end)) for day, start, end in spans
    )
    gig_windows_store(gig=gig)


def _realistic_pages() -> tuple[list[tuple[str, str]], dict]:
    pages, users, _links = build_main_pages()
    users["other_worker"] = factories.WorkerFactory()
    users["other_employer"] = factories.EmployerFactory()
    worker, employer = users["worker"], users["employer"]
    own_gigs = [factories.PublishedGigFactory(employer=employer) for _ in range(5)]
    for index, gig in enumerate(own_gigs):
        _windows(gig, (index, 9, 12), (index + 1, 13, 17))
        status = "hired" if index < 2 else "sent"
        factories.ApplicationFactory(gig=gig, worker=worker, status=status)
    first = factories.PublishedGigFactory(employer=employer)
    _windows(first, (0, 8, 11), (2, 8, 11))
    for _ in range(4):
        applicant = factories.WorkerFactory()
        profile = applicant.worker_profile
        WorkerAvailability.objects.create(profile=profile, day=0, start=time(8), end=time(12))
        factories.ApplicationFactory(gig=first, worker=applicant)
    for user in users.values():
        for n in range(4):
            if user is not None:
                inbox_item_create(
                    user=user, kind="match", code="match", params={"title": f"Admin {n}"}, url="/lowongan/"
                )
    api_gig = own_gigs[0]
    urls = {name: url for name, _role, url in pages}
    urls.update(
        {
            "gig detail with windows": first.get_absolute_url(),
            "apply form with clashes": reverse("listings:apply", args=[first.pk, first.slug]),
            "applicants with availability": reverse("listings:gig_applicants", args=[first.pk]),
            "rss feed": reverse("listings:gig_feed") + "?q=admin",
            "atom feed": reverse("listings:gig_feed_atom"),
            "api list": reverse("api:gig_list"),
            "api search": reverse("api:gig_list") + "?q=cs+wfh&work_mode=remote",
            "api detail": reverse("api:gig_detail", args=[api_gig.pk]),
            "dashboard": reverse("accounts:dashboard"),
        }
    )
    return sorted(urls.items()), users


@pytest.mark.parametrize("role", ROLES)
def test_every_main_page_costs_at_most_six_queries(role, client_for):
    pages, users = _realistic_pages()
    client = client_for(users[role])
    over = []
    for name, url in pages:
        client.get(url)
        pagecache.bump()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code < 500, (name, url)
        if len(queries) > MAX_QUERIES:
            statements = "\n    ".join(q["sql"][:160] for q in queries.captured_queries)
            over.append(f"{name} ({url}) as {role}: {len(queries)} queries\n    {statements}")
    assert not over, "\n".join(over)
