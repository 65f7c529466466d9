import pytest
from django.core import mail

from listings.messaging.emails import send_gig_decision
from tests import factories


@pytest.mark.django_db
@pytest.mark.smoke
def test_plain_text_parts_show_user_text_as_typed_and_html_escapes_it():
    """Subject and text body read "Admin & CS" (not "&amp;"), the subject stays on one line
    even if the title had a newline, and the HTML part is escaped."""
    gig = factories.PublishedGigFactory(title="Admin & CS <Toko>\nBerkah")
    send_gig_decision(gig=gig, kind="approved")
    message = mail.outbox[0]
    assert message.subject == "Lowongan “Admin & CS <Toko> Berkah” sudah tayang"
    assert "Admin & CS <Toko>" in message.body
    assert "Admin &amp; CS &lt;Toko&gt;" in message.alternatives[0][0]
