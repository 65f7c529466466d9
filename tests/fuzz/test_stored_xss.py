"""No stored XSS: hostile text typed into forms comes back escaped on every page that shows
it, stays inert inside the JSON-LD block, and is escaped in HTML emails."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.core import mail
from django.urls import reverse

from listings.models import Gig
from tests import factories

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(document.cookie)</script>",
    "<svg/onload=alert(1)>",
    "'-alert(1)-'",
]
RAW_MARKUP = re.compile(r"<script>alert|<img src=x|<svg/onload|</script><script>", re.IGNORECASE)
JSONLD = re.compile(r'<script[^>]*type="application/ld\+json"[^>]*>(.*?)</script>', re.DOTALL)


def _gig_form(payload: str) -> dict:
    return {
        "title": f"Admin {payload}",
        "description": f"Balas chat pembeli. {payload}",
        "requirements": payload,
        "pay_model": "commission",
        "pay_min": "50000",
        "commission_description": payload,
        "work_mode": "onsite",
        "city": f"Bandung {payload}"[:80],
        "channels": ["whatsapp"],
        "duties": ["customer_chat"],
        "screening_question": payload[:200],
        "openings": "1",
        "windows-TOTAL_FORMS": "0",
        "windows-INITIAL_FORMS": "0",
        "submit": "1",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_escaped_on_pages_in_json_ld_and_in_emails(
    payload, client_for, moderator, django_capture_on_commit_callbacks
):
    """An owner whose business name and gig carry script payloads gets them through review, a
    worker whose name and application carry them applies: no page renders them as markup,
    JSON-LD holds them as inert data, HTML emails escape them."""
    owner = factories.EmployerFactory()
    owner_client = client_for(owner)
    profile_form = {"business_name": f"Toko {payload}"[:120], "category": "fashion", "city": "Bandung"}
    profile_form["description"] = payload
    assert owner_client.post(reverse("accounts:employer_profile"), profile_form).status_code == 302
    response = owner_client.post(reverse("listings:gig_create"), _gig_form(payload))
    assert response.status_code == 302, response.context["form"].errors
    gig = Gig.objects.get(employer=owner)

    moderator_client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("listings:moderation_decide", args=[gig.pk, "approve"]))
    gig.refresh_from_db()
    assert gig.status == "published"
    reporter = client_for(factories.WorkerFactory())
    reporter.post(
        reverse("listings:gig_report", args=[gig.pk, gig.slug]), {"reason": "other", "details": payload}
    )
    applicant = factories.WorkerFactory()
    applicant.worker_profile.display_name = f"Siti {payload}"[:80]
    applicant.worker_profile.headline = payload[:140]
    applicant.worker_profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(applicant).post(
            reverse("listings:apply", args=[gig.pk, gig.slug]), {"message": payload}
        )
    assert response.status_code == 302
    application = gig.applications.get()

    anonymous = client_for(None)
    pages = {
        "detail": anonymous.get(gig.get_absolute_url()),
        "home": anonymous.get(reverse("listings:home")),
        "list": anonymous.get(reverse("listings:gig_list")),
        "employer page": anonymous.get(owner.employer_profile.get_absolute_url()),
        "my gigs": owner_client.get(reverse("listings:my_gigs")),
        "edit form": owner_client.get(reverse("listings:gig_edit", args=[gig.pk])),
        "moderation review": moderator_client.get(reverse("listings:moderation_review", args=[gig.pk])),
        "report queue": moderator_client.get(reverse("listings:report_queue")),
        "applicants": owner_client.get(reverse("listings:gig_applicants", args=[gig.pk])),
        "application": owner_client.get(application.get_absolute_url()),
        "worker page": anonymous.get(applicant.worker_profile.get_absolute_url()),
    }
    for name, page in pages.items():
        assert page.status_code == 200, name
        html = page.content.decode()
        assert not RAW_MARKUP.search(html), f"{name} renders the payload as markup"
        assert "Admin " in html or "Siti " in html or name == "report queue", f"{name} shows nothing"

    blocks = JSONLD.findall(pages["detail"].content.decode())
    assert len(blocks) == 1, "the detail page carries one JSON-LD block"
    assert "<" not in blocks[0], "JSON-LD must not contain a raw '<' (it could close the script)"
    data = json.loads(blocks[0])
    assert data["@type"] == "JobPosting"
    assert data["title"] == f"Admin {payload}"
    assert data["hiringOrganization"]["name"] == f"Toko {payload}"[:120]

    approved = next(m for m in mail.outbox if m.to == [owner.email])
    for message in mail.outbox:
        for body, _type in message.alternatives:
            assert not RAW_MARKUP.search(body), f"HTML email {message.subject!r} renders the payload"
    assert f"Admin {payload}" in approved.subject, "the subject is plain text: no entities"
    assert f"Admin {payload}" in approved.body, "the plain-text part shows the title as typed"


def _feed_texts(xml: bytes) -> list[str]:
    """Every text a feed reader shows: element texts, decoded from XML once (as a reader does)."""
    root = ElementTree.fromstring(xml)  # noqa: S314 (our own feed, parsed in a test)
    return [element.text for element in root.iter() if element.text]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("feed", ["listings:gig_feed", "listings:gig_feed_atom"])
def test_feeds_escape_hostile_titles_descriptions_authors_and_the_reflected_query(client, payload, feed):
    """Feed readers render titles and descriptions as HTML: after XML decoding, the payload is
    still escaped text, in items (title, description, creator) and in the channel title (?q=)."""
    owner = factories.EmployerFactory(profile__business_name=f"Toko {payload}"[:120])
    factories.PublishedGigFactory(
        employer=owner, title=f"Admin {payload}", description=f"Balas chat. {payload}"
    )
    listing = client.get(reverse(feed))
    assert listing.status_code == 200
    searched = client.get(reverse(feed), {"q": f"admin {payload}"})
    assert searched.status_code == 200
    texts = _feed_texts(listing.content) + _feed_texts(searched.content)
    assert any("Admin " in text for text in texts), "the gig is in the feed"
    for text in texts:
        assert not RAW_MARKUP.search(text), f"feed text {text!r} is markup to a feed reader"
