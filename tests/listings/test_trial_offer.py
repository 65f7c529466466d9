"""Trial offers: the employer offers days and pay (per day or in total), the worker sees the
terms on the application page and in the inbox and email, and accepts or declines; every
answer is audited and the employer is told."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from listings.applications import services as applications
from listings.models import Application, ApplicationEvent, Gig, InboxItem
from listings.vocabulary import ApplicationStatus
from tests import factories

pytestmark = pytest.mark.django_db

TERMS = "3 hari, dibayar Rp 50.000 per hari"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def shortlisted(employer, worker):
    return factories.ApplicationFactory(gig__employer=employer, worker=worker, status="shortlisted")


def _action(application, action):
    return reverse("listings:application_action", args=[application.pk, action])


def _detail(application):
    return reverse("listings:application_detail", args=[application.pk])


def _offer(client, application, **data):
    return client.post(
        _action(application, "offer_trial"), {"days": "3", "pay": "50rb", "pay_basis": "per_day", **data}
    )


def test_employer_offers_terms_and_the_worker_sees_them_everywhere(
    client_for, employer, worker, shortlisted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _offer(client_for(employer), shortlisted)
    assert response.status_code == 302
    shortlisted.refresh_from_db()
    assert shortlisted.status == ApplicationStatus.TRIAL_OFFERED
    assert (shortlisted.trial_days, shortlisted.trial_pay, shortlisted.trial_pay_basis) == (
        3,
        50_000,
        "per_day",
    )
    event = ApplicationEvent.objects.get(application=shortlisted)
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "offer_trial",
        employer,
        "shortlisted",
        "trial_offered",
    )
    notice = InboxItem.objects.get(user=worker)
    assert notice.code == "application.offer_trial"
    assert notice.params["days"] == 3 and notice.params["pay"] == 50_000 and not notice.text
    assert TERMS in mail.outbox[0].body and mail.outbox[0].to == [worker.email]

    inbox = client_for(worker).get(reverse("listings:inbox")).content.decode()
    assert TERMS in inbox
    page = client_for(worker).get(_detail(shortlisted)).content.decode()
    assert TERMS in page
    assert "Terima masa percobaan" in page and "Tolak masa percobaan" in page


def test_total_and_unpaid_trials_say_so(employer, shortlisted):
    applications.application_offer_trial(
        application=shortlisted, by=employer, days=5, pay=200_000, pay_basis="total"
    )
    assert shortlisted.trial_terms == "5 hari, dibayar Rp 200.000 untuk seluruh masa percobaan"
    unpaid = factories.ApplicationFactory(gig__employer=employer, status="shortlisted")
    applications.application_offer_trial(application=unpaid, by=employer, days=1)
    assert unpaid.trial_terms == "1 hari, tanpa bayaran"


def test_the_form_starts_from_the_trial_the_gig_announced(client_for, employer, worker):
    application = factories.ApplicationFactory(
        gig__employer=employer, gig__trial_days=4, gig__trial_pay=60_000, worker=worker, status="shortlisted"
    )
    html = client_for(employer).get(_detail(application)).content.decode()
    assert 'name="days" value="4"' in html
    assert re.search(r'name="pay" value="(Rp )?60\.?000"', html)


@pytest.mark.parametrize(
    ("action", "status", "told"),
    [
        ("accept_trial", ApplicationStatus.TRIAL_ACCEPTED, "menerima tawaran masa percobaan"),
        ("decline_trial", ApplicationStatus.SHORTLISTED, "menolak tawaran masa percobaan"),
    ],
)
def test_worker_answers_and_the_employer_is_told(
    client_for, employer, worker, shortlisted, action, status, told, django_capture_on_commit_callbacks
):
    applications.application_offer_trial(
        application=shortlisted, by=employer, days=3, pay=50_000, pay_basis="per_day"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(worker).post(_action(shortlisted, action))
    assert response.status_code == 302
    shortlisted.refresh_from_db()
    assert shortlisted.status == status
    event = ApplicationEvent.objects.filter(application=shortlisted).latest("pk")
    assert (event.action, event.actor, event.from_status) == (action, worker, "trial_offered")
    notice = InboxItem.objects.get(user=employer, code=f"application.{action}")
    assert notice.url == shortlisted.get_absolute_url()
    assert told in client_for(employer).get(reverse("listings:inbox")).content.decode()
    assert mail.outbox[0].to == [employer.email] and told in mail.outbox[0].body


def test_an_accepted_trial_can_still_end_in_a_hire(employer, worker, shortlisted):
    applications.application_offer_trial(application=shortlisted, by=employer, days=3)
    applications.application_accept_trial(application=shortlisted, by=worker)
    applications.application_hire(application=shortlisted, by=employer)
    assert shortlisted.status == ApplicationStatus.HIRED


@pytest.mark.parametrize("who", ["other_worker", "other_employer", "moderator"])
def test_nobody_else_can_offer_or_answer(who, request, client_for, employer, shortlisted):
    applications.application_offer_trial(application=shortlisted, by=employer, days=3)
    client = client_for(request.getfixturevalue(who))
    for action in ("offer_trial", "accept_trial", "decline_trial"):
        assert client.post(_action(shortlisted, action), {"days": "2"}).status_code == 404
    shortlisted.refresh_from_db()
    assert shortlisted.status == ApplicationStatus.TRIAL_OFFERED and shortlisted.trial_days == 3


def test_each_side_only_has_its_own_buttons(client_for, employer, worker, shortlisted):
    """The employer can't answer for the worker, nor the worker offer a trial: 404, no change."""
    assert client_for(worker).post(_action(shortlisted, "offer_trial"), {"days": "3"}).status_code == 404
    applications.application_offer_trial(application=shortlisted, by=employer, days=3)
    assert client_for(employer).post(_action(shortlisted, "accept_trial")).status_code == 404
    shortlisted.refresh_from_db()
    assert shortlisted.status == ApplicationStatus.TRIAL_OFFERED


def test_anonymous_is_sent_to_login(client_for, shortlisted):
    for action in ("offer_trial", "accept_trial", "decline_trial"):
        response = client_for(None).post(_action(shortlisted, action))
        assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"days": "-2"}, "Masa percobaan minimal 1 hari."),
        ({"days": "0"}, "Masa percobaan minimal 1 hari."),
        ({"days": "abc"}, "Isi lama masa percobaan dengan angka hari, misalnya 3."),
        ({"days": "99"}, "Masa percobaan paling lama 30 hari."),
        ({"days": ""}, "Isi lama masa percobaan, misalnya 3 hari."),
        ({"pay": "abc"}, "Contoh"),
        ({"pay": "-5000"}, "tidak boleh negatif"),
        ({"pay_basis": "sometimes"}, "Pilih"),
    ],
)
def test_hostile_terms_get_a_clear_indonesian_error_and_change_nothing(
    client_for, employer, shortlisted, data, message
):
    response = _offer(client_for(employer), shortlisted, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    shortlisted.refresh_from_db()
    assert shortlisted.status == ApplicationStatus.SHORTLISTED and shortlisted.trial_days is None
    assert not ApplicationEvent.objects.filter(application=shortlisted).exists()


def test_the_service_refuses_impossible_terms_too(employer, shortlisted):
    for terms in (
        {"days": 0},
        {"days": 31},
        {"days": 3, "pay": -1},
        {"days": 3, "pay": 1000, "pay_basis": "x"},
    ):
        with pytest.raises(applications.ApplicationError):
            applications.application_offer_trial(application=shortlisted, by=employer, **terms)
    assert Application.objects.get(pk=shortlisted.pk).status == ApplicationStatus.SHORTLISTED


def test_the_demo_has_a_trial_offer_and_a_mon_fri_gig(client_for):
    """`make run` shows a trial offer waiting for Rizky's answer, and a gig whose Mon–Fri
    hours are one "Senin–Jumat" row on its edit form."""
    call_command("seed_demo")
    offer = Application.objects.get(worker__email="rizky@contoh.id", status=ApplicationStatus.TRIAL_OFFERED)
    page = client_for(offer.worker).get(_detail(offer)).content.decode()
    assert TERMS in page and "Terima masa percobaan" in page
    hijab = Gig.objects.get(title="Admin Online Olshop Hijab (WFH, Part Time)")
    assert hijab.time_window_summary() == ["Senin–Jumat 09:00–13:00"]
    edit = client_for(hijab.employer).get(reverse("listings:gig_edit", args=[hijab.pk])).content.decode()
    assert '<option value="weekdays" selected>Senin–Jumat</option>' in edit
