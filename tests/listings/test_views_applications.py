from datetime import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from listings.models import Application, InboxItem
from tests import factories

pytestmark = pytest.mark.django_db

WORKER_WA = "+6285712345678"  # WorkerProfileFactory
EMPLOYER_WA = "+6281234567890"  # EmployerProfileFactory
# "wa.me/6": a chat link to a number (the gig page's "Bagikan ke WhatsApp" is wa.me/?text=…).
NUMBER_FRAGMENTS = ("85712345678", "857-1234", "0857 1234", "81234567890", "0812 3456", "wa.me/6")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """django-ratelimit counts in the shared cache; start each test with clean counters."""
    cache.clear()


def _detail(application):
    return reverse("listings:application_detail", args=[application.pk])


def _action(application, action):
    return reverse("listings:application_action", args=[application.pk, action])


def _applicants(gig):
    return reverse("listings:gig_applicants", args=[gig.pk])


# --- applying -----------------------------------------------------------------------------


def test_gig_detail_has_the_apply_form_and_applying_works(
    worker, client_for, django_capture_on_commit_callbacks
):
    """A worker sees the apply form under the gig; one POST creates the application and the
    employer gets an inbox notice and an email."""
    gig = factories.PublishedGigFactory(screening_question="Pernah pakai Shopee?")
    client = client_for(worker)
    page = client.get(gig.get_absolute_url()).content.decode()
    assert reverse("listings:apply", args=[gig.pk, gig.slug]) in page
    assert "Pernah pakai Shopee?" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("listings:apply", args=[gig.pk, gig.slug]),
            {"message": "Siap kerja malam", "screening_answer": "Pernah"},
        )
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail(application)
    assert (application.worker, application.message, application.screening_answer) == (
        worker,
        "Siap kerja malam",
        "Pernah",
    )
    assert InboxItem.objects.get().user == gig.employer
    assert mail.outbox[0].to == [gig.employer.email]
    again = client.get(gig.get_absolute_url()).content.decode()
    assert "Anda sudah melamar" in again


def test_applying_twice_keeps_one_row_and_says_so(worker, client_for):
    gig = factories.PublishedGigFactory()
    client = client_for(worker)
    client.post(reverse("listings:apply", args=[gig.pk, gig.slug]), {"message": "1"})
    response = client.post(reverse("listings:apply", args=[gig.pk, gig.slug]), {"message": "2"}, follow=True)
    assert Application.objects.count() == 1
    assert "sudah melamar" in response.content.decode()


@pytest.mark.parametrize("factory", [factories.ClosedGigFactory, factories.ExpiredGigFactory])
def test_applying_to_closed_gig_is_refused_with_a_message(factory, worker, client_for):
    gig = factory()
    response = client_for(worker).post(
        reverse("listings:apply", args=[gig.pk, gig.slug]), {"message": "x"}, follow=True
    )
    assert not Application.objects.exists()
    assert "sudah ditutup atau berakhir" in response.content.decode()


def test_applying_to_unpublished_gig_is_404(worker, client_for):
    """Drafts and pending gigs are invisible to workers, so their apply URL is a 404."""
    for gig in (factories.DraftGigFactory(), factories.PendingGigFactory()):
        assert client_for(worker).post(reverse("listings:apply", args=[gig.pk, gig.slug])).status_code == 404
    assert not Application.objects.exists()


def test_employer_cannot_apply(employer, client_for):
    gig = factories.PublishedGigFactory()
    response = client_for(employer).post(reverse("listings:apply", args=[gig.pk, gig.slug]))
    assert not Application.objects.exists()
    assert response.status_code == 404


def test_anonymous_apply_goes_to_login(client_for):
    gig = factories.PublishedGigFactory()
    response = client_for(None).post(reverse("listings:apply", args=[gig.pk, gig.slug]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert "Masuk untuk melamar" in client_for(None).get(gig.get_absolute_url()).content.decode()


def test_overlong_message_is_an_error_not_a_500(worker, client_for):
    gig = factories.PublishedGigFactory()
    response = client_for(worker).post(
        reverse("listings:apply", args=[gig.pk, gig.slug]), {"message": "x" * 1001}
    )
    assert response.status_code == 200
    assert "1000" in response.content.decode()
    assert not Application.objects.exists()


def test_applying_is_rate_limited(worker, client_for, settings):
    settings.APPLICATION_RATE = "2/h"
    client = client_for(worker)
    gigs = factories.PublishedGigFactory.create_batch(3)
    statuses = [client.post(reverse("listings:apply", args=[g.pk, g.slug])).status_code for g in gigs]
    assert statuses == [302, 302, 429]
    assert Application.objects.count() == 2


def test_apply_page_shows_safety_tip(worker, client_for):
    gig = factories.PublishedGigFactory()
    page = client_for(worker).get(reverse("listings:apply", args=[gig.pk, gig.slug])).content.decode()
    assert "Tips aman" in page and "tidak pernah meminta biaya" in page


# --- permission matrix --------------------------------------------------------------------


@pytest.mark.parametrize("who", ["other_worker", "other_employer", "moderator"])
def test_strangers_get_404_on_every_application_page_and_action(who, request, client_for):
    """Another worker, another employer or a moderator can neither see nor change it."""
    application = factories.ApplicationFactory(employer_note="catatan rahasia")
    client = client_for(request.getfixturevalue(who))
    assert client.get(_detail(application)).status_code == 404
    assert client.get(_applicants(application.gig)).status_code == 404
    for action in ("shortlist", "offer_trial", "hire", "decline", "withdraw"):
        assert client.post(_action(application, action)).status_code == 404
    note_url = reverse("listings:application_note", args=[application.pk])
    assert client.post(note_url, {"employer_note": "hack"}).status_code == 404
    decline_url = reverse("listings:gig_applicants_decline", args=[application.gig.pk])
    assert client.post(decline_url, {"applications": [application.pk]}).status_code == 404
    application.refresh_from_db()
    assert (application.status, application.employer_note) == ("sent", "catatan rahasia")


def test_anonymous_is_sent_to_login_everywhere(client_for):
    application = factories.ApplicationFactory()
    client = client_for(None)
    urls = [
        ("get", _detail(application)),
        ("get", _applicants(application.gig)),
        ("get", reverse("listings:my_applications")),
        ("post", _action(application, "shortlist")),
        ("post", reverse("listings:application_note", args=[application.pk])),
        ("get", reverse("accounts:worker_profile")),
        ("get", reverse("accounts:worker_data_export")),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and reverse("account_login") in response["Location"], url
    assert Application.objects.get().status == "sent"


def test_worker_cannot_do_employer_actions_and_vice_versa(client_for):
    application = factories.ApplicationFactory(status="viewed")
    worker_client = client_for(application.worker)
    employer_client = client_for(application.gig.employer)
    assert worker_client.post(_action(application, "shortlist")).status_code == 404
    assert employer_client.post(_action(application, "withdraw")).status_code == 404
    assert worker_client.get(_applicants(application.gig)).status_code == 404
    assert employer_client.post(_action(application, "bogus")).status_code == 404
    application.refresh_from_db()
    assert application.status == "viewed"


def test_employer_opening_an_application_marks_it_viewed_and_tells_the_worker(client_for):
    application = factories.ApplicationFactory()
    assert client_for(application.gig.employer).get(_detail(application)).status_code == 200
    application.refresh_from_db()
    assert application.status == "viewed"
    assert InboxItem.objects.get().user == application.worker


def test_invalid_transition_via_http_shows_a_message(client_for):
    application = factories.ApplicationFactory(status="declined")
    response = client_for(application.gig.employer).post(_action(application, "hire"), follow=True)
    assert "tidak bisa diubah" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "declined"


# --- contact reveal -----------------------------------------------------------------------


def _pages_for_both_sides(application, client_for):
    worker_client = client_for(application.worker)
    employer_client = client_for(application.gig.employer)
    profile = application.worker.worker_profile
    return {
        "employer detail": employer_client.get(_detail(application)),
        "applicants": employer_client.get(_applicants(application.gig)),
        "applicants filtered": employer_client.get(
            _applicants(application.gig), {"status": application.status}
        ),
        "employer gig detail": employer_client.get(application.gig.get_absolute_url()),
        "employer inbox": employer_client.get(reverse("listings:inbox")),
        "worker detail": worker_client.get(_detail(application)),
        "my applications": worker_client.get(reverse("listings:my_applications")),
        "worker gig detail": worker_client.get(application.gig.get_absolute_url()),
        "public profile (employer)": employer_client.get(profile.get_absolute_url()),
        "public profile (anonymous)": client_for(None).get(profile.get_absolute_url()),
    }


@pytest.mark.parametrize("status", ["sent", "viewed", "declined", "withdrawn"])
def test_no_phone_number_anywhere_before_shortlist(status, client_for):
    """Until the shortlist neither side's WhatsApp appears in any page either side can open."""
    application = factories.ApplicationFactory(status=status)
    for name, response in _pages_for_both_sides(application, client_for).items():
        assert response.status_code == 200, name
        html = response.content.decode()
        for fragment in NUMBER_FRAGMENTS:
            assert fragment not in html, (name, fragment)


@pytest.mark.parametrize("status", ["shortlisted", "trial_offered", "hired"])
def test_shortlist_reveals_both_whatsapp_links_with_a_greeting(status, client_for):
    application = factories.ApplicationFactory(status=status, gig__title="Admin Shopee & TikTok")
    employer_html = client_for(application.gig.employer).get(_detail(application)).content.decode()
    worker_html = client_for(application.worker).get(_detail(application)).content.decode()
    assert "https://wa.me/6285712345678?text=Halo%20" in employer_html
    assert "Admin%20Shopee%20%26amp%3B%20TikTok" not in employer_html  # encoded, not HTML-escaped twice
    assert "Admin%20Shopee%20%26%20TikTok" in employer_html
    assert "https://wa.me/6281234567890?text=Halo%20" in worker_html
    applicants_html = client_for(application.gig.employer).get(_applicants(application.gig)).content.decode()
    assert "wa.me/6285712345678" in applicants_html
    # Strangers still see nothing: the public profile never carries the number.
    public = client_for(None).get(application.worker.worker_profile.get_absolute_url()).content.decode()
    assert "85712345678" not in public and "wa.me" not in public


def test_shortlisting_via_http_reveals_contact(client_for):
    application = factories.ApplicationFactory(status="viewed")
    employer = client_for(application.gig.employer)
    employer.post(_action(application, "shortlist"))
    application.refresh_from_db()
    assert application.status == "shortlisted"
    assert "wa.me/6285712345678" in employer.get(_detail(application)).content.decode()
    assert "wa.me/6281234567890" in client_for(application.worker).get(_detail(application)).content.decode()


# --- employer side ------------------------------------------------------------------------


def test_applicant_filters(employer, client_for):
    gig = factories.PublishedGigFactory(employer=employer)
    gig.time_windows.create(day=0, start=time(19), end=time(23))
    night = factories.ApplicationFactory(gig=gig, worker__profile__display_name="Rina Malam")
    night.worker.worker_profile.availability.create(day=0, start=time(21), end=time(1))
    morning = factories.ApplicationFactory(
        gig=gig, worker__profile__display_name="Dewi Pagi", status="viewed"
    )
    morning.worker.worker_profile.availability.create(day=0, start=time(7), end=time(11))
    profile = morning.worker.worker_profile
    profile.channels = ["tokopedia"]
    profile.save()
    client = client_for(employer)

    def names(params):
        html = client.get(_applicants(gig), params).content.decode()
        return {name for name in ("Rina Malam", "Dewi Pagi") if name in html}

    assert names({}) == {"Rina Malam", "Dewi Pagi"}
    assert names({"available": "on"}) == {"Rina Malam"}
    assert names({"status": "viewed"}) == {"Dewi Pagi"}
    assert names({"channel": "tokopedia"}) == {"Dewi Pagi"}
    assert names({"status": "nonsense"}) == {"Rina Malam", "Dewi Pagi"}  # bad filter: ignored, no 500


def test_bulk_decline_and_private_note(employer, client_for):
    gig = factories.PublishedGigFactory(employer=employer)
    first, second = factories.ApplicationFactory(gig=gig), factories.ApplicationFactory(gig=gig)
    client = client_for(employer)
    client.post(
        reverse("listings:gig_applicants_decline", args=[gig.pk]),
        {"applications": [first.pk], "confirm": "1"},
    )
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == ("declined", "sent")
    response = client.post(reverse("listings:gig_applicants_decline", args=[gig.pk]), {}, follow=True)
    assert "Pilih minimal satu pelamar" in response.content.decode()

    client.post(
        reverse("listings:application_note", args=[second.pk]), {"employer_note": "Bagus, fast respon"}
    )
    assert "Bagus, fast respon" in client.get(_applicants(gig)).content.decode()
    worker_html = client_for(second.worker).get(_detail(second)).content.decode()
    assert "Bagus, fast respon" not in worker_html


def test_my_gigs_shows_applicant_counts(employer, client_for):
    gig = factories.PublishedGigFactory(employer=employer)
    factories.ApplicationFactory(gig=gig)
    factories.ApplicationFactory(gig=gig, status="hired")
    html = client_for(employer).get(reverse("listings:my_gigs")).content.decode()
    assert "2 pelamar" in html and "1 baru" in html and _applicants(gig) in html


def test_applicant_list_query_count_does_not_grow(employer, client_for, django_assert_max_num_queries):
    gig = factories.PublishedGigFactory(employer=employer)
    gig.time_windows.create(day=0, start=time(9), end=time(12))
    for _ in range(12):
        application = factories.ApplicationFactory(gig=gig, status="shortlisted")
        application.worker.worker_profile.availability.create(day=0, start=time(10), end=time(11))
    client = client_for(employer)
    client.get(_applicants(gig))
    with django_assert_max_num_queries(12):
        response = client.get(_applicants(gig), {"available": "on"})
    assert response.content.decode().count("wa.me/") == 12


def test_my_applications_query_count_does_not_grow(worker, client_for, django_assert_max_num_queries):
    for status in ["sent", "viewed", "hired", "hired", "declined"] * 2:
        factories.ApplicationFactory(worker=worker, status=status)
    client = client_for(worker)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("listings:my_applications"))
    assert response.content.decode().count('class="card application-card"') == 10


# --- several gigs at once -----------------------------------------------------------------


def test_overlap_warning_and_totals_when_taking_a_second_gig(worker, client_for):
    """Hired for Monday 22:00–02:00; a gig on Tuesday 01:00–03:00 clashes across midnight."""
    hired_gig = factories.PublishedGigFactory(title="CS Malam Toko A", pay_model="monthly", pay_min=1_500_000)
    hired_gig.time_windows.create(day=0, start=time(22), end=time(2))
    factories.ApplicationFactory(gig=hired_gig, worker=worker, status="hired")
    clash = factories.PublishedGigFactory(title="Admin Dini Hari")
    clash.time_windows.create(day=1, start=time(1), end=time(3))
    fine = factories.PublishedGigFactory(title="Admin Siang")
    fine.time_windows.create(day=1, start=time(9), end=time(12))
    client = client_for(worker)

    assert "Jadwal bentrok" in client.get(clash.get_absolute_url()).content.decode()
    assert (
        "Jadwal bentrok"
        in client.get(reverse("listings:apply", args=[clash.pk, clash.slug])).content.decode()
    )
    assert "Jadwal bentrok" not in client.get(fine.get_absolute_url()).content.decode()
    offer = factories.ApplicationFactory(gig=clash, worker=worker, status="trial_offered")
    assert "Jadwal bentrok" in client.get(_detail(offer)).content.decode()

    html = client.get(reverse("listings:my_applications")).content.decode()
    assert "CS Malam Toko A" in html
    assert "20 jam/minggu" in html  # the factory's declared hours
    assert "Rp 1.500.000" in html


def test_admin_pages_for_applications_render_read_only(client_for):
    """Support staff can look at applications, inbox rows and availability, not change status."""
    admin_user = factories.ModeratorFactory(is_superuser=True)
    application = factories.ApplicationFactory()
    InboxItem.objects.create(user=application.worker, kind="application", text="x")
    client = client_for(admin_user)
    for url in (
        reverse("admin:listings_application_changelist"),
        reverse("admin:listings_application_change", args=[application.pk]),
        reverse("admin:listings_inboxitem_changelist"),
        reverse("admin:accounts_workerprofile_change", args=[application.worker.worker_profile.pk]),
    ):
        assert client.get(url).status_code == 200, url
    change = client.get(reverse("admin:listings_application_change", args=[application.pk])).content.decode()
    assert 'name="status"' not in change


def test_apply_box_warns_when_the_worker_has_no_whatsapp(client_for):
    """Without a number the shortlist would reveal nothing, so the worker is told before applying."""
    worker = factories.WorkerFactory(profile__whatsapp="")
    gig = factories.PublishedGigFactory()
    assert "belum mengisi nomor WhatsApp" in client_for(worker).get(gig.get_absolute_url()).content.decode()
    other = factories.WorkerFactory()
    assert (
        "belum mengisi nomor WhatsApp" not in client_for(other).get(gig.get_absolute_url()).content.decode()
    )


def test_declining_and_withdrawing_ask_first_and_change_nothing_until_confirmed(employer, client_for):
    """Decline, bulk decline and withdraw can't be undone: the first POST shows a question
    (a plain form carrying the choice), only the confirmed one changes the application."""
    gig = factories.PublishedGigFactory(employer=employer)
    application = factories.ApplicationFactory(gig=gig)
    owner = client_for(employer)
    page = owner.post(reverse("listings:application_action", args=[application.pk, "decline"]))
    assert page.status_code == 200 and 'name="confirm" value="1"' in page.content.decode()
    bulk = owner.post(
        reverse("listings:gig_applicants_decline", args=[gig.pk]), {"applications": [application.pk]}
    )
    assert f'name="applications" value="{application.pk}"' in bulk.content.decode()
    worker = client_for(application.worker)
    asked = worker.post(reverse("listings:application_action", args=[application.pk, "withdraw"]))
    assert "Yakin?" in asked.content.decode()
    application.refresh_from_db()
    assert application.status == "sent"
    worker.post(reverse("listings:application_action", args=[application.pk, "withdraw"]), {"confirm": "1"})
    application.refresh_from_db()
    assert application.status == "withdrawn"
