"""Alert pages: save a search in one tap, list, rename, pause, delete — per role."""

import pytest

from listings.models import Alert
from tests import factories

pytestmark = pytest.mark.django_db
SAVE = "/notifikasi-lowongan/simpan/"
LIST = "/notifikasi-lowongan/"


def test_search_page_offers_one_tap_save_with_the_current_query(client_for, worker):
    """The search results carry a form posting the current query string (without the page)."""
    factories.PublishedGigFactory()
    html = client_for(worker).get("/lowongan/?q=cs+wfh&channel=shopee&page=1").content.decode()
    assert f'action="{SAVE}"' in html
    assert 'name="query" value="q=cs+wfh&amp;channel=shopee"' in html


def test_worker_saves_the_search_as_an_instant_alert(client_for, worker):
    """One tap stores every criterion in its own column and names the alert from the search."""
    response = client_for(worker).post(
        SAVE, {"query": "q=cs+wfh&channel=shopee&channel=tokopedia&city=Bandung&min_pay=2000000"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/lowongan/?q=cs+wfh")
    alert = Alert.objects.get(worker=worker)
    assert (alert.q, alert.q_key, alert.city, alert.min_pay) == ("cs wfh", "cs wfh", "Bandung", 2_000_000)
    assert alert.channels == ["shopee", "tokopedia"]
    assert alert.frequency == "instant" and not alert.paused
    assert alert.name.startswith("cs wfh")


def test_saving_with_a_name_and_daily_digest(client_for, worker):
    client_for(worker).post(SAVE, {"query": "q=admin", "name": "Admin harian", "frequency": "daily"})
    alert = Alert.objects.get(worker=worker)
    assert (alert.name, alert.frequency) == ("Admin harian", "daily")


@pytest.mark.parametrize(
    "post",
    [
        {"query": "channel=myspace"},
        {"query": "min_pay=banyak"},
        {"query": "q=" + "x" * 300},
        {"query": "q=cs", "frequency": "hourly"},
        {"query": "q=cs", "name": "n" * 200},
    ],
)
def test_hostile_input_gets_a_clear_indonesian_error(client_for, worker, post):
    """Bad codes, amounts, lengths: 400 with an explanation, nothing saved, never a 500."""
    response = client_for(worker).post(SAVE, post)
    assert response.status_code == 400
    body = response.content.decode()
    assert "tidak" in body or "Pilih" in body or "karakter" in body
    assert not Alert.objects.exists()


def test_logged_out_worker_gets_the_alert_saved_after_login(client, worker):
    """Tap "Kabari saya" logged out, log in: the alert exists and the search is shown again."""
    response = client.post(SAVE, {"query": "q=cs+wfh"})
    assert response.status_code == 302 and "/akun/login/" in response["Location"]
    assert not Alert.objects.exists()
    login = client.post(
        response["Location"], {"login": worker.email, "password": factories.PASSWORD}, follow=True
    )
    alert = Alert.objects.get(worker=worker)
    assert alert.q == "cs wfh"
    assert login.redirect_chain[-1][0].endswith("/lowongan/?q=cs+wfh")
    assert "disimpan" in login.content.decode()


@pytest.mark.parametrize("role", ["employer", "moderator"])
def test_only_workers_have_alerts(client_for, request, role):
    user = request.getfixturevalue(role)
    assert client_for(user).post(SAVE, {"query": "q=cs"}).status_code == 404
    assert client_for(user).get(LIST).status_code == 404
    assert not Alert.objects.exists()


def test_list_page_shows_own_alerts_only(client_for, worker, other_worker):
    mine = factories.AlertFactory(worker=worker, name="CS WFH malam")
    factories.AlertFactory(worker=other_worker, name="Punya orang lain")
    mine.channels, mine.min_pay = ["shopee"], 75_000
    mine.save()
    html = client_for(worker).get(LIST).content.decode()
    assert "Notifikasi lowongan" in html and mine.name in html
    assert "Shopee" in html and "min. Rp 75.000" in html
    assert "Punya orang lain" not in html


def test_rename_pause_resume_delete(client_for, worker):
    alert = factories.AlertFactory(worker=worker, name="Lama")
    client = client_for(worker)
    client.post(f"{LIST}{alert.pk}/", {f"a{alert.pk}-name": "Baru", f"a{alert.pk}-frequency": "daily"})
    alert.refresh_from_db()
    assert (alert.name, alert.frequency) == ("Baru", "daily")
    client.post(f"{LIST}{alert.pk}/jeda/", {"paused": "1"})
    alert.refresh_from_db()
    assert alert.paused
    client.post(f"{LIST}{alert.pk}/jeda/", {"paused": "0"})
    alert.refresh_from_db()
    assert not alert.paused
    client.post(f"{LIST}{alert.pk}/hapus/")
    assert not Alert.objects.filter(pk=alert.pk).exists()


@pytest.mark.parametrize("action", ["", "jeda/", "hapus/"])
def test_another_workers_alert_is_a_404(client_for, worker, other_worker, action):
    alert = factories.AlertFactory(worker=other_worker)
    response = client_for(worker).post(f"{LIST}{alert.pk}/{action}", {"paused": "1"})
    assert response.status_code == 404
    assert Alert.objects.filter(pk=alert.pk, paused=False).exists()


def test_profile_matching_opt_in_and_out(client_for, worker):
    client = client_for(worker)
    client.post(f"{LIST}profil/", {"enabled": "on", "frequency": "daily"})
    alert = Alert.objects.get(worker=worker, kind="profile")
    assert alert.frequency == "daily"
    assert "Sesuai profil saya" in alert.name or alert.name
    client.post(f"{LIST}profil/", {"enabled": "", "frequency": "daily"})
    assert not Alert.objects.filter(worker=worker, kind="profile").exists()


@pytest.mark.smoke
def test_alert_limit_per_worker(client_for, worker):
    """A worker can keep 20 saved searches; the 21st is refused with a reason."""
    for _ in range(20):
        factories.AlertFactory(worker=worker)
    response = client_for(worker).post(SAVE, {"query": "q=cs"})
    assert response.status_code == 400 and "Maksimal 20" in response.content.decode()
    assert Alert.objects.filter(worker=worker).count() == 20
