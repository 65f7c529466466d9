"""Match notifications: publish -> one task -> rows -> exactly one email and inbox item each."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import override_settings
from django.utils import timezone

from listings.alerts import notifications, tasks
from listings.alerts.delivery import CHANNELS, EmailChannel
from listings.alerts.unsubscribe import SALT, unsubscribe_url
from listings.gigs import services
from listings.models import Alert, GigFanOut, InboxItem, Notification
from tests import factories

pytestmark = pytest.mark.django_db
Status = Notification.Status


def publish(gig, moderator, capture):
    with capture(execute=True) as callbacks:
        services.gig_approve(gig=gig, by=moderator)
    return callbacks


class Recorder:
    def __init__(self):
        self.calls = []

    def __call__(self, *args):
        self.calls.append(args)


def test_approving_enqueues_one_match_task_after_commit(
    moderator, django_capture_on_commit_callbacks, monkeypatch
):
    """Approval schedules match_gig exactly once, and only when the transaction commits."""
    delay = Recorder()
    monkeypatch.setattr(tasks.match_gig, "delay", delay)
    gig = factories.PendingGigFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.gig_approve(gig=gig, by=moderator)
    assert delay.calls == []
    for callback in callbacks:
        callback()
    assert delay.calls == [(gig.pk,)]


def test_automatic_publish_also_matches(django_capture_on_commit_callbacks, monkeypatch):
    """import_gigs --publish goes through gig_publish_automatically, which matches too."""
    delay = Recorder()
    monkeypatch.setattr(tasks.match_gig, "delay", delay)
    gig = factories.PendingGigFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_publish_automatically(gig=gig, reason="import")
    assert delay.calls == [(gig.pk,)]


def test_publish_notifies_matching_workers_once_by_email_and_inbox(
    moderator, django_capture_on_commit_callbacks
):
    """Two matching workers get one email and one inbox item each; a non-matching one nothing."""
    hits = [factories.AlertFactory(q="admin olshop"), factories.AlertFactory(channels=["shopee"])]
    miss = factories.AlertFactory(channels=["lazada"])
    gig = factories.PendingGigFactory(title="Admin Olshop Hijab", channels=["whatsapp", "shopee"])
    publish(gig, moderator, django_capture_on_commit_callbacks)

    rows = Notification.objects.filter(gig=gig)
    assert {n.worker_id for n in rows} == {a.worker_id for a in hits}
    assert all(n.status == Status.SENT and n.sent_at and n.attempts == 1 for n in rows)
    match_mails = [m for m in mail.outbox if "Lowongan baru" in m.subject]
    assert sorted(m.to[0] for m in match_mails) == sorted(a.worker.email for a in hits)
    assert InboxItem.objects.filter(kind="match").count() == 2
    assert not InboxItem.objects.filter(user=miss.worker).exists()


def test_running_the_fan_out_twice_sends_nothing_twice(moderator, django_capture_on_commit_callbacks):
    """match_gig, create_notifications and deliver_notifications re-run: no second row or email."""
    alert = factories.AlertFactory()
    gig = factories.PendingGigFactory()
    publish(gig, moderator, django_capture_on_commit_callbacks)
    sent_before = len(mail.outbox)
    notification = Notification.objects.get(gig=gig)

    tasks.match_gig.delay(gig.pk)
    tasks.create_notifications.delay(gig.pk, [[alert.pk, alert.worker_id, "instant"]])
    tasks.deliver_notifications.delay([notification.pk])

    assert Notification.objects.filter(gig=gig).count() == 1
    assert len(mail.outbox) == sent_before
    assert InboxItem.objects.filter(user=alert.worker, kind="match").count() == 1


def test_match_email_is_indonesian_html_and_text_with_one_click_unsubscribe(
    moderator, django_capture_on_commit_callbacks
):
    """The email has text + HTML in Indonesian, the gig link, and RFC 8058 unsubscribe headers."""
    alert = factories.AlertFactory(name="CS malam")
    gig = factories.PendingGigFactory(title="CS Online Frozen Food & Sambal")
    publish(gig, moderator, django_capture_on_commit_callbacks)
    (message,) = [m for m in mail.outbox if m.to == [alert.worker.email]]
    html = message.alternatives[0][0]
    assert message.subject == "Lowongan baru: CS Online Frozen Food & Sambal"
    assert "CS Online Frozen Food & Sambal" in message.body  # no HTML escaping in plain text
    assert "notifikasi “CS malam”" in message.body and gig.get_absolute_url() in html
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body and url.split("/notifikasi-lowongan/")[1] in html
    assert message.extra_headers["Message-ID"].startswith("<match-")


class FlakyEmail(EmailChannel):
    def __init__(self, failures):
        self.failures = failures

    def send(self, notification, *, connection=None):
        if self.failures:
            self.failures -= 1
            raise OSError("SMTP 451 temporary failure")
        super().send(notification, connection=connection)


@pytest.fixture
def flaky_email(monkeypatch):
    def install(failures):
        monkeypatch.setitem(CHANNELS, "email", FlakyEmail(failures))

    return install


def _queued_notification():
    alert = factories.AlertFactory()
    gig = factories.PublishedGigFactory()
    return Notification.objects.create(worker=alert.worker, gig=gig, alert=alert, frequency="instant")


def test_transient_failure_is_retried_then_sent(flaky_email):
    """A failing send is recorded and retried; the retry sends it once."""
    flaky_email(1)
    notification = _queued_notification()
    with pytest.raises(notifications.TransientDeliveryError):
        notifications.notifications_deliver(ids=[notification.pk])
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Status.QUEUED, 1)
    assert "451" in notification.last_error
    assert notifications.notifications_deliver(ids=[notification.pk])["sent"] == 1
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Status.SENT, 2)
    assert len(mail.outbox) == 1


@override_settings(NOTIFY_MAX_ATTEMPTS=3)
def test_failing_email_ends_failed_and_visible_in_admin(flaky_email, client_for):
    """After the last attempt the row is failed with its error, listed in the admin log, and the
    worker still finds the gig in the in-app inbox."""
    flaky_email(10)
    notification = _queued_notification()
    for _ in range(2):
        with pytest.raises(notifications.TransientDeliveryError):
            notifications.notifications_deliver(ids=[notification.pk])
    assert notifications.notifications_deliver(ids=[notification.pk])["failed"] == 1
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Status.FAILED, 3)
    assert InboxItem.objects.filter(user=notification.worker, kind="match").count() == 1
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    page = client_for(admin).get("/admin/listings/notification/?status__exact=failed")
    assert page.status_code == 200
    assert notification.worker.email in page.content.decode()


@pytest.mark.parametrize(
    "name", ["match_gig", "create_notifications", "deliver_notifications", "send_digest"]
)
def test_tasks_survive_crashes_and_retry_transient_errors(name):
    """Late ack + reject on worker loss (a killed worker's task is redelivered) and backoff retries."""
    task = getattr(tasks, name)
    assert task.acks_late and task.reject_on_worker_lost
    assert notifications.TransientDeliveryError in task.autoretry_for and OSError in task.autoretry_for
    assert task.retry_backoff and task.max_retries


def test_a_claimed_row_is_not_sent_by_a_second_task():
    """A row another task is sending (fresh claim) is skipped; a stale claim is taken over."""
    notification = _queued_notification()
    Notification.objects.filter(pk=notification.pk).update(status=Status.SENDING, claimed_at=timezone.now())
    assert notifications.notifications_deliver(ids=[notification.pk])["sent"] == 0
    Notification.objects.filter(pk=notification.pk).update(claimed_at=timezone.now() - timedelta(hours=1))
    assert notifications.notifications_deliver(ids=[notification.pk])["sent"] == 1
    assert len(mail.outbox) == 1


def test_gig_closed_before_delivery_is_skipped():
    """A gig taken down between matching and sending is not emailed."""
    notification = _queued_notification()
    notification.gig.status = "closed"
    notification.gig.save()
    assert notifications.notifications_deliver(ids=[notification.pk])["skipped"] == 1
    assert mail.outbox == []


def test_digest_lists_daily_matches_and_never_repeats_instant_ones(
    moderator, django_capture_on_commit_callbacks
):
    """The 07:00 digest lists the day's daily matches once; gigs already sent instantly are absent."""
    worker = factories.WorkerFactory()
    factories.AlertFactory(worker=worker, frequency="daily", q="admin")
    factories.AlertFactory(worker=worker, frequency="instant", channels=["lazada"])
    daily_gig = factories.PendingGigFactory(title="Admin Olshop Kue Kering", channels=["shopee"])
    instant_gig = factories.PendingGigFactory(title="Admin Lazada Elektronik", channels=["lazada"])
    closed_gig = factories.PendingGigFactory(title="Admin Toko Sepatu", channels=["shopee"])
    for gig in (daily_gig, instant_gig, closed_gig):
        publish(gig, moderator, django_capture_on_commit_callbacks)
    closed_gig.refresh_from_db()
    services.gig_close(gig=closed_gig, by=closed_gig.employer)
    assert [m.subject for m in mail.outbox if m.to == [worker.email]] == [
        "Lowongan baru: Admin Lazada Elektronik"
    ]
    mail.outbox.clear()

    assert tasks.send_daily_digests.delay().get() == 1
    tasks.send_daily_digests.delay()

    (digest,) = mail.outbox
    assert digest.to == [worker.email]
    assert digest.subject == "1 lowongan baru untuk Anda hari ini"
    assert "Admin Olshop Kue Kering" in digest.body and "Admin Olshop Kue Kering" in digest.alternatives[0][0]
    assert "Admin Lazada Elektronik" not in digest.body
    assert "Admin Toko Sepatu" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    row = Notification.objects.get(worker=worker, gig=daily_gig)
    assert row.status == Status.SENT and row.digest_sent_at is not None
    assert Notification.objects.get(worker=worker, gig=closed_gig).status == Status.SKIPPED


def test_unsubscribing_drops_matches_still_waiting_for_the_digest(client):
    """After the digest's unsubscribe link, tomorrow's digest is not sent."""
    alert = factories.AlertFactory(frequency="daily")
    gig = factories.PublishedGigFactory()
    Notification.objects.create(worker=alert.worker, gig=gig, alert=alert, frequency="daily")
    client.post(unsubscribe_url(digest_worker_id=alert.worker_id).replace("http://127.0.0.1:8000", ""))
    assert notifications.digest_send(worker_id=alert.worker_id) == 0
    assert mail.outbox == []
    assert Notification.objects.get(gig=gig).status == Status.SKIPPED


def test_beat_runs_the_digest_at_seven_jakarta_time():
    from jobboard.celery import app

    (entry,) = [
        e for e in app.conf.beat_schedule.values() if e["task"] == "listings.alerts.tasks.send_daily_digests"
    ]
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
    assert app.conf.timezone == "Asia/Jakarta"


def test_safety_net_completes_a_fan_out_that_lost_a_chunk(moderator, django_capture_on_commit_callbacks):
    """If a chunk's task message is lost, the ledger shows rows missing and the safety net
    re-runs the fan-out: the missing worker is notified, nobody twice."""
    alerts = [factories.AlertFactory() for _ in range(3)]
    gig = factories.PendingGigFactory()
    publish(gig, moderator, django_capture_on_commit_callbacks)
    lost = Notification.objects.get(gig=gig, worker=alerts[1].worker)
    lost.delete()  # as if its create_notifications message never reached a worker
    mail.outbox.clear()
    GigFanOut.objects.filter(gig=gig).update(matched_at=timezone.now() - timedelta(hours=1))

    assert tasks.requeue_stuck_notifications.delay().get() == 1
    assert Notification.objects.filter(gig=gig, status=Status.SENT).count() == 3
    assert [m.to for m in mail.outbox if "Lowongan baru" in m.subject] == [[alerts[1].worker.email]]
    assert notifications.fan_outs_incomplete() == []


def test_safety_net_runs_a_fan_out_whose_task_was_lost():
    """A gig published an hour ago with no fan-out at all gets one."""
    alert = factories.AlertFactory()
    gig = factories.PublishedGigFactory(published_at=timezone.now() - timedelta(hours=1))
    assert notifications.fan_outs_incomplete() == [gig.pk]
    tasks.requeue_stuck_notifications.delay()
    assert Notification.objects.get(gig=gig).worker == alert.worker


def test_stuck_rows_are_requeued_by_the_safety_net():
    """A queued instant row whose delivery task was lost is sent by the periodic sweep."""
    notification = _queued_notification()
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert tasks.requeue_stuck_notifications.delay().get() == 1
    notification.refresh_from_db()
    assert notification.status == Status.SENT


# --- unsubscribe ------------------------------------------------------------------------------


def _token(url):
    return url.rstrip("/").rsplit("/", 1)[1]


def test_unsubscribe_link_confirms_then_pauses_the_alert(client):
    """GET shows a confirm button (link scanners change nothing); POST pauses only that alert."""
    alert = factories.AlertFactory(name="CS WFH")
    other = factories.AlertFactory(worker=alert.worker)
    url = unsubscribe_url(alert=alert).replace("http://127.0.0.1:8000", "")
    page = client.get(url)
    assert page.status_code == 200 and "CS WFH" in page.content.decode()
    alert.refresh_from_db()
    assert not alert.paused
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    alert.refresh_from_db()
    other.refresh_from_db()
    assert alert.paused and not other.paused


def test_tampered_unsubscribe_link_is_refused(client):
    """Changing the alert id inside the token breaks the signature: 400, nothing paused."""
    alert = factories.AlertFactory()
    victim = factories.AlertFactory()
    token = _token(unsubscribe_url(alert=alert))
    forged = signing.dumps({"a": victim.pk}, salt="another-salt", compress=True)
    for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), forged, "zzz"):
        response = client.post(f"/notifikasi-lowongan/berhenti/{bad}/")
        assert response.status_code == 400
        assert "tidak valid" in response.content.decode()
    assert not Alert.objects.filter(paused=True).exists()


def test_expired_unsubscribe_link_is_refused(client, settings):
    """A link older than ALERT_UNSUBSCRIBE_MAX_AGE explains itself (410) and changes nothing."""
    alert = factories.AlertFactory()
    settings.ALERT_UNSUBSCRIBE_MAX_AGE = 60
    signer = signing.TimestampSigner(salt=SALT)
    old = timezone.now() - timedelta(minutes=5)
    from unittest import mock

    with mock.patch("time.time", return_value=old.timestamp()):
        token = signer.sign_object({"a": alert.pk}, compress=True)
    response = client.post(f"/notifikasi-lowongan/berhenti/{token}/")
    assert response.status_code == 410
    assert "kedaluwarsa" in response.content.decode()
    alert.refresh_from_db()
    assert not alert.paused


def test_digest_unsubscribe_pauses_all_daily_alerts(client):
    worker = factories.WorkerFactory()
    daily = factories.AlertFactory(worker=worker, frequency="daily")
    instant = factories.AlertFactory(worker=worker, frequency="instant")
    client.post(unsubscribe_url(digest_worker_id=worker.pk).replace("http://127.0.0.1:8000", ""))
    daily.refresh_from_db()
    instant.refresh_from_db()
    assert daily.paused and not instant.paused
