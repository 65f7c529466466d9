"""WhatsApp Business Cloud API as a notification channel (issue 16, item 3), against a local
fake of the API started by the test (tests/whatsapp_fake.py)."""

import pytest
from django.core import mail
from django.urls import reverse

from listings.alerts import notifications
from listings.alerts.unsubscribe import unsubscribe_alerts
from listings.applications import services as applications
from listings.gigs import services
from listings.models import InboxItem, Notification, WhatsAppMessage, WhatsAppOptIn, WhatsAppOptInEvent
from listings.whatsapp import client
from listings.whatsapp import services as whatsapp
from tests import factories, whatsapp_fake

pytestmark = pytest.mark.django_db
Status = Notification.Status


def opt_in(worker, api) -> WhatsAppOptIn:
    """The real opt-in: a code goes to the profile's number, the worker types it back."""
    whatsapp.whatsapp_code_send(worker=worker)
    code = api.parameters()[0]
    return whatsapp.whatsapp_code_confirm(worker=worker, code=code)


def create_rows(gig, worker) -> list[int]:
    """The fan-out's rows for `worker` (channel chosen as a fan-out would), not yet delivered."""
    result = notifications.notifications_create(
        gig=gig, text_keys=[], first_worker_id=worker.pk, last_worker_id=worker.pk
    )
    return result.instant_ids


def publish(gig, moderator, capture):
    with capture(execute=True):
        services.gig_approve(gig=gig, by=moderator)


def test_unconfigured_whatsapp_is_off_and_email_carries_on(
    client_for, worker, moderator, django_capture_on_commit_callbacks
):
    assert not client.enabled()
    with pytest.raises(whatsapp.WhatsAppOptInError, match="belum tersedia"):
        whatsapp.whatsapp_code_send(worker=worker)
    page = client_for(worker).get(reverse("listings:whatsapp_settings")).content.decode()
    assert "belum tersedia" in page
    alerts_page = client_for(worker).get(reverse("listings:alert_list")).content.decode()
    assert reverse("listings:whatsapp_settings") not in alerts_page
    factories.AlertFactory(worker=worker)
    publish(factories.PendingGigFactory(), moderator, django_capture_on_commit_callbacks)
    assert Notification.objects.get().channel == "email"
    assert len([m for m in mail.outbox if m.to == [worker.email]]) == 1


def test_opt_in_verifies_the_number_with_a_code(cloud_api, worker):
    whatsapp.whatsapp_code_send(worker=worker)
    request = cloud_api.requests[-1]
    assert request["path"] == f"/{whatsapp_fake.VERSION}/{whatsapp_fake.PHONE_NUMBER_ID}/messages"
    assert request["authorization"] == f"Bearer {whatsapp_fake.TOKEN}"
    assert request["body"]["to"] == "6285712345678"
    assert request["body"]["template"]["name"] == "kode_verifikasi"
    code = cloud_api.parameters()[0]
    assert len(code) == 6 and code.isdigit()
    assert code not in WhatsAppOptIn.objects.get().code_hash  # only a keyed hash is stored
    with pytest.raises(whatsapp.WhatsAppOptInError, match="Tunggu"):
        whatsapp.whatsapp_code_send(worker=worker)
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(whatsapp.WhatsAppOptInError, match="salah"):
        whatsapp.whatsapp_code_confirm(worker=worker, code=wrong)
    assert not WhatsAppOptIn.objects.get().active
    assert whatsapp.whatsapp_code_confirm(worker=worker, code=f"{code[:3]} {code[3:]}").active
    whatsapp.whatsapp_opt_out(worker=worker)
    trail = list(WhatsAppOptInEvent.objects.order_by("pk").values_list("action", "phone"))
    assert trail == [
        ("code_sent", "+6285712345678"),
        ("verified", "+6285712345678"),
        ("opted_out", "+6285712345678"),
    ]


def test_too_many_wrong_codes_lock_the_code(cloud_api, worker):
    whatsapp.whatsapp_code_send(worker=worker)
    code = cloud_api.parameters()[0]
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(whatsapp.MAX_CODE_ATTEMPTS):
        with pytest.raises(whatsapp.WhatsAppOptInError):
            whatsapp.whatsapp_code_confirm(worker=worker, code=wrong)
    with pytest.raises(whatsapp.WhatsAppOptInError, match="Terlalu banyak"):
        whatsapp.whatsapp_code_confirm(worker=worker, code=code)


def test_match_goes_to_whatsapp_exactly_once_with_the_unsubscribe_link(
    cloud_api, worker, moderator, django_capture_on_commit_callbacks
):
    opt_in(worker, cloud_api)
    alert = factories.AlertFactory(worker=worker)
    gig = factories.PendingGigFactory(title="CS Online Sambal\nFrozen   Food")
    publish(gig, moderator, django_capture_on_commit_callbacks)

    row = Notification.objects.get()
    assert (row.channel, row.status, row.attempts) == ("whatsapp", Status.SENT, 1)
    assert cloud_api.templates()[-1] == "loker_baru_cocok"
    title, pay, employer, url, unsubscribe = cloud_api.parameters()
    assert title == "CS Online Sambal Frozen Food"  # no newlines or runs of spaces
    assert gig.get_absolute_url() in url and "Rp" in pay
    assert [a.pk for a in unsubscribe_alerts(unsubscribe.rsplit("/", 2)[-2])] == [alert.pk]
    assert not [m for m in mail.outbox if m.to == [worker.email]]
    assert InboxItem.objects.filter(user=worker, kind="match").count() == 1

    sent = len(cloud_api.requests)
    notifications.notifications_deliver(ids=[row.pk])
    assert len(cloud_api.requests) == sent


def test_rate_limit_is_retried_later_and_sent_once(
    cloud_api, worker, moderator, django_capture_on_commit_callbacks
):
    opt_in(worker, cloud_api)
    factories.AlertFactory(worker=worker)
    gig = factories.PublishedGigFactory()
    ids = create_rows(gig, worker)
    cloud_api.fail_next(*whatsapp_fake.RATE_LIMITED)
    with pytest.raises(notifications.TransientDeliveryError):
        notifications.notifications_deliver(ids=ids)
    row = Notification.objects.get()
    assert row.status == Status.QUEUED and "130429" in row.last_error
    assert notifications.notifications_deliver(ids=ids)["sent"] == 1
    assert cloud_api.templates().count("loker_baru_cocok") == 2  # one refused, one accepted
    assert not mail.outbox


@pytest.mark.parametrize("failure", [whatsapp_fake.TEMPLATE_MISSING, whatsapp_fake.NOT_ON_WHATSAPP])
def test_permanent_refusal_falls_back_to_email(cloud_api, worker, failure):
    opt_in(worker, cloud_api)
    factories.AlertFactory(worker=worker)
    gig = factories.PublishedGigFactory()
    ids = create_rows(gig, worker)
    cloud_api.fail_next(*failure)
    assert notifications.notifications_deliver(ids=ids)["sent"] == 1
    assert [m.to for m in mail.outbox] == [[worker.email]]


def test_opting_out_stops_whatsapp(cloud_api, client_for, worker):
    opt_in(worker, cloud_api)
    factories.AlertFactory(worker=worker)
    gig = factories.PublishedGigFactory()
    ids = create_rows(gig, worker)
    response = client_for(worker).post(reverse("listings:whatsapp_settings"), {"action": "stop"})
    assert response.status_code == 302 and not WhatsAppOptIn.objects.get().active
    sent = len(cloud_api.requests)
    notifications.notifications_deliver(ids=ids)  # queued before the opt-out: email instead
    assert len(cloud_api.requests) == sent and len(mail.outbox) == 1
    later = factories.PublishedGigFactory()
    create_rows(later, worker)
    assert Notification.objects.get(gig=later).channel == "email"


def test_shortlist_and_hire_reach_whatsapp_through_the_ledger_once(
    cloud_api, employer, worker, django_capture_on_commit_callbacks
):
    opt_in(worker, cloud_api)
    application = factories.ApplicationFactory(gig__employer=employer, worker=worker, status="viewed")
    with django_capture_on_commit_callbacks(execute=True):
        applications.application_shortlist(application=application, by=employer)
    with django_capture_on_commit_callbacks(execute=True):
        applications.application_hire(application=application, by=employer)
    assert cloud_api.templates()[-2:] == ["masuk_daftar_pilihan", "kabar_lamaran"]
    rows = WhatsAppMessage.objects.order_by("pk")
    assert [(m.key.rsplit("-", 1)[-1], m.status) for m in rows] == [("shortlist", "sent"), ("hire", "sent")]
    assert all(m.provider_id.startswith("wamid.") for m in rows)
    assert application.gig.title in cloud_api.parameters(-2)
    sent = len(cloud_api.requests)
    for message in rows:
        assert whatsapp.message_deliver(message_id=message.pk) == "sent"
    assert len(cloud_api.requests) == sent


def test_ledger_retries_rate_limits_and_fails_on_a_bad_token(cloud_api, settings, employer, worker):
    opt_in(worker, cloud_api)
    application = factories.ApplicationFactory(gig__employer=employer, worker=worker, status="shortlisted")
    first = whatsapp.application_update_queue(application=application, action="hire", text="Diterima")
    assert whatsapp.application_update_queue(application=application, action="hire", text="Diterima") is None
    cloud_api.fail_next(*whatsapp_fake.RATE_LIMITED)
    with pytest.raises(whatsapp.WhatsAppRetry):
        whatsapp.message_deliver(message_id=first)
    assert WhatsAppMessage.objects.get(pk=first).status == "queued"
    assert whatsapp.message_deliver(message_id=first) == "sent"

    second = whatsapp.application_update_queue(application=application, action="decline", text="Tidak lanjut")
    settings.WHATSAPP_ACCESS_TOKEN = "kedaluwarsa"
    assert whatsapp.message_deliver(message_id=second) == "failed"
    assert "190" in WhatsAppMessage.objects.get(pk=second).last_error


def test_unreachable_api_is_retryable(settings, worker):
    settings.WHATSAPP_PHONE_NUMBER_ID = whatsapp_fake.PHONE_NUMBER_ID
    settings.WHATSAPP_ACCESS_TOKEN = whatsapp_fake.TOKEN
    api = whatsapp_fake.FakeCloudAPI().start()
    settings.WHATSAPP_API_BASE = api.base_url
    api.stop()  # nothing listens there any more
    with pytest.raises(client.WhatsAppError) as error:
        client.send_template(to="6281234567890", kind="match", parameters=["x"])
    assert error.value.retryable


def test_settings_page_flow_and_bad_input(cloud_api, client_for, worker, employer):
    page = client_for(worker)
    url = reverse("listings:whatsapp_settings")
    assert page.post(url, {"action": "send_code"}).status_code == 302
    bad = page.post(url, {"action": "confirm", "code": "abc"})
    assert bad.status_code == 200 and "Kode salah" in bad.content.decode()
    assert page.post(url, {"action": "hack"}).status_code == 404
    good = page.post(url, {"action": "confirm", "code": cloud_api.parameters()[0]})
    assert good.status_code == 302
    assert "Aktif untuk nomor" in page.get(url).content.decode()
    assert client_for(employer).get(url).status_code == 404


def test_worker_without_a_number_is_told_to_add_one(cloud_api, worker):
    worker.worker_profile.whatsapp = ""
    worker.worker_profile.save()
    with pytest.raises(whatsapp.WhatsAppOptInError, match="nomor WhatsApp di profil"):
        whatsapp.whatsapp_code_send(worker=worker)
    assert not cloud_api.requests


def test_worker_data_export_includes_the_whatsapp_opt_in(cloud_api, client_for, worker):
    opt_in(worker, cloud_api)
    data = client_for(worker).get(reverse("accounts:worker_data_export")).json()
    assert data["whatsapp_notifications"]["phone"] == "+6285712345678"
    assert data["whatsapp_notifications"]["active"] is True
