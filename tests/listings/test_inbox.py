import pytest
from django.urls import reverse

from listings.messaging import services as inbox
from listings.models import InboxItem

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_header_shows_unread_count_and_list_marks_read(worker, client_for):
    """Unread notifications are counted in the header; opening the inbox marks them read."""
    inbox.inbox_item_create(user=worker, kind="application", text="Lamaran Anda dilihat", url="/x/")
    inbox.inbox_item_create(user=worker, kind="match", text="Lowongan baru cocok untuk Anda")
    client = client_for(worker)
    home = client.get(reverse("listings:home"))
    assert 'class="badge badge-count"' in home.content.decode()
    assert inbox.inbox_unread_count(user=worker) == 2

    page = client.get(reverse("listings:inbox"))
    assert page.status_code == 200
    assert "Lamaran Anda dilihat" in page.content.decode()
    assert inbox.inbox_unread_count(user=worker) == 0
    assert "badge-count" not in client.get(reverse("listings:home")).content.decode()


def test_inbox_is_private(worker, other_worker, client_for):
    """Another user's notifications never show in my inbox."""
    inbox.inbox_item_create(user=other_worker, kind="application", text="Rahasia orang lain")
    page = client_for(worker).get(reverse("listings:inbox"))
    assert "Rahasia orang lain" not in page.content.decode()
    assert InboxItem.objects.get().read_at is None


def test_anonymous_is_sent_to_login(client_for):
    response = client_for(None).get(reverse("listings:inbox"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_long_text_is_truncated_not_rejected(worker):
    """Senders may pass long gig titles; the row is still written, cut to the column size."""
    item = inbox.inbox_item_create(user=worker, kind="match", text="x" * 500)
    assert len(item.text) == 300 and item.text.endswith("…")


def test_header_count_costs_one_query(worker, client_for, django_assert_max_num_queries):
    """The context processor adds a single COUNT per page."""
    client = client_for(worker)
    client.get(reverse("listings:home"))
    inbox.inbox_item_create(user=worker, kind="x", text="y")
    with django_assert_max_num_queries(6):
        client.get(reverse("listings:inbox"))
