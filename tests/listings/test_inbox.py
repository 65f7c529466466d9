import pytest
from django.urls import reverse

from listings.messaging import services as inbox
from listings.models import InboxItem

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_header_shows_unread_count_and_list_marks_read(worker, client_for):
    """Unread notifications are counted in the header; opening the inbox marks them read."""
    inbox.inbox_item_create(
        user=worker, kind="application", code="application.view", params={"gig": "CS Toko"}, url="/x/"
    )
    inbox.inbox_item_create(user=worker, kind="match", code="match", params={"title": "Admin Shopee"})
    client = client_for(worker)
    home = client.get(reverse("listings:home"))
    assert 'class="badge badge-count"' in home.content.decode()
    assert inbox.inbox_unread_count(user=worker) == 2

    page = client.get(reverse("listings:inbox"))
    assert page.status_code == 200
    assert "Lamaran Anda untuk “CS Toko” sudah dilihat pemberi kerja." in page.content.decode()
    assert inbox.inbox_unread_count(user=worker) == 0
    assert "badge-count" not in client.get(reverse("listings:home")).content.decode()


def test_inbox_is_private(worker, other_worker, client_for):
    """Another user's notifications never show in my inbox."""
    inbox.inbox_item_create(
        user=other_worker, kind="match", code="match", params={"title": "Rahasia orang lain"}
    )
    page = client_for(worker).get(reverse("listings:inbox"))
    assert "Rahasia orang lain" not in page.content.decode()
    assert InboxItem.objects.get().read_at is None


def test_anonymous_is_sent_to_login(client_for):
    response = client_for(None).get(reverse("listings:inbox"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_notices_are_stored_as_codes_and_worded_in_the_readers_language(worker, client_for):
    """One stored notice (a code and its parameters, no sentence) reads in Indonesian to an
    Indonesian reader and in English to one who switched the site to English."""
    item = inbox.inbox_item_create(
        user=worker, kind="application", code="application.hire", params={"gig": "Admin Olshop"}
    )
    assert (item.code, item.params, item.text) == ("application.hire", {"gig": "Admin Olshop"}, "")
    client = client_for(worker)
    indonesian = client.get(reverse("listings:inbox")).content.decode()
    assert "Selamat! Anda diterima untuk “Admin Olshop”." in indonesian
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("listings:inbox")).content.decode()
    assert "Congratulations" in english and "Admin Olshop" in english
    assert "Selamat! Anda diterima" not in english


def test_notices_stored_as_sentences_before_codes_still_show(worker, client_for):
    InboxItem.objects.create(user=worker, kind="application", text="Pesan lama sebelum kode")
    assert "Pesan lama sebelum kode" in client_for(worker).get(reverse("listings:inbox")).content.decode()


def test_an_unknown_code_is_refused_when_written(worker):
    with pytest.raises(ValueError):
        inbox.inbox_item_create(user=worker, kind="x", code="no.such.code")


def test_header_count_costs_one_query(worker, client_for, django_assert_max_num_queries):
    """The context processor adds a single COUNT per page."""
    client = client_for(worker)
    client.get(reverse("listings:home"))
    inbox.inbox_item_create(user=worker, kind="match", code="match", params={"title": "y"})
    with django_assert_max_num_queries(6):
        client.get(reverse("listings:inbox"))
