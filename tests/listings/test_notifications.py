"""Match notifications: publish -> one task -> rows -> exactly one email and inbox item each."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.db import connection
from django.db.models import F
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.privacy import worker_account_delete
from listings.alerts import notifications, tasks
from listings.alerts import services as alert_services
from listings.alerts.delivery import CHANNELS, EmailChannel
from listings.alerts.unsubscribe import SALT, unsubscribe_url
from listings.gigs import services
from listings.models import Alert, GigFanOut, GigFanOutRange, InboxItem, Notification
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
    """match_gig, fan_out_range and deliver_notifications re-run: no second row or email."""
    alert = factories.AlertFactory()
    gig = factories.PendingGigFactory()
    publish(gig, moderator, django_capture_on_commit_callbacks)
    sent_before = len(mail.outbox)
    notification = Notification.objects.get(gig=gig)
    (first_range,) = GigFanOutRange.objects.filter(fan_out__gig=gig)

    tasks.fan_out_range.delay(first_range.pk)  # the same range again (done)
    tasks.match_gig.delay(gig.pk)  # the whole fan-out again: new ranges, run at once
    GigFanOutRange.objects.filter(fan_out__gig=gig).update(done_at=None)
    for worker_range in GigFanOutRange.objects.filter(fan_out__gig=gig):
        tasks.fan_out_range.delay(worker_range.pk)  # ranges not marked done (lost) redone
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


@pytest.mark.parametrize("name", ["match_gig", "fan_out_range", "deliver_notifications", "send_digest"])
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


@pytest.fixture
def one_worker_per_range(settings):
    settings.ALERT_FANOUT_RANGES = 1000
    settings.ALERT_FANOUT_MIN_RANGE = 1


def test_safety_net_redoes_a_range_whose_task_was_lost(
    moderator, django_capture_on_commit_callbacks, one_worker_per_range
):
    """If a range's task message is lost, the range stays not done; the safety net runs it
    again: the missing worker is notified, nobody twice."""
    alerts = [factories.AlertFactory() for _ in range(3)]
    gig = factories.PendingGigFactory()
    publish(gig, moderator, django_capture_on_commit_callbacks)
    lost_worker = alerts[1].worker
    lost = GigFanOutRange.objects.get(
        fan_out__gig=gig, first_worker_id__lte=lost_worker.pk, last_worker_id__gte=lost_worker.pk
    )
    Notification.objects.filter(gig=gig, worker=lost_worker).delete()  # as if it never ran
    GigFanOutRange.objects.filter(pk=lost.pk).update(done_at=None, matched=0)
    GigFanOut.objects.filter(gig=gig).update(matched=F("matched") - 1)
    mail.outbox.clear()
    assert notifications.fan_out_ranges_lost() == []  # not yet: it may still be running
    GigFanOut.objects.filter(gig=gig).update(matched_at=timezone.now() - timedelta(hours=1))
    assert notifications.fan_out_ranges_lost() == [lost.pk]

    assert tasks.requeue_stuck_notifications.delay().get() == 1
    assert Notification.objects.filter(gig=gig, status=Status.SENT).count() == 3
    assert [m.to for m in mail.outbox if "Lowongan baru" in m.subject] == [[lost_worker.email]]
    assert notifications.fan_out_ranges_lost() == []
    assert GigFanOut.objects.get(gig=gig).matched == 3


def test_rerunning_a_lost_range_after_its_rows_committed_creates_no_duplicates(
    moderator, django_capture_on_commit_callbacks, one_worker_per_range
):
    """A worker that died after committing a range but before it was recorded (or a redelivered
    message): running the range again inserts nothing and sends nothing."""
    alerts = [factories.AlertFactory() for _ in range(4)]
    gig = factories.PendingGigFactory()
    publish(gig, moderator, django_capture_on_commit_callbacks)
    sent = len(mail.outbox)
    GigFanOutRange.objects.filter(fan_out__gig=gig).update(done_at=None)
    for worker_range in GigFanOutRange.objects.filter(fan_out__gig=gig):
        assert notifications.fan_out_range_run(range_id=worker_range.pk) == []  # nothing waits
        tasks.fan_out_range.delay(worker_range.pk)
    rows = Notification.objects.filter(gig=gig)
    assert sorted(rows.values_list("worker_id", flat=True)) == sorted(a.worker_id for a in alerts)
    assert len(mail.outbox) == sent


def test_a_redelivered_range_reschedules_rows_still_waiting(moderator, django_capture_on_commit_callbacks):
    """Rows a range created whose delivery was never scheduled (worker died after commit) are
    handed to delivery when the range's message comes back."""
    alert = factories.AlertFactory()
    gig = factories.PendingGigFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.gig_approve(gig=gig, by=moderator)
    row = Notification.objects.get(gig=gig)
    Notification.objects.filter(pk=row.pk).update(status=Status.QUEUED, sent_at=None)
    (worker_range,) = GigFanOutRange.objects.filter(fan_out__gig=gig)
    assert notifications.fan_out_range_run(range_id=worker_range.pk) == [row.pk]
    assert alert.worker_id == row.worker_id


def test_ranges_cover_every_matching_worker_exactly_once(
    moderator, django_capture_on_commit_callbacks, settings
):
    """Workers on every range boundary (first and last id of each range) get exactly one row;
    the ranges are contiguous from the lowest to the highest matching worker id."""
    settings.ALERT_FANOUT_RANGES = 4
    settings.ALERT_FANOUT_MIN_RANGE = 1
    alerts = [factories.AlertFactory() for _ in range(13)]
    factories.AlertFactory(worker=alerts[5].worker, frequency="daily")  # a second alert, one row
    gig = factories.PendingGigFactory()
    publish(gig, moderator, django_capture_on_commit_callbacks)
    ranges = list(GigFanOutRange.objects.filter(fan_out__gig=gig).order_by("first_worker_id"))
    worker_ids = sorted(a.worker_id for a in alerts)
    assert len(ranges) == 4 and all(r.done_at for r in ranges)
    assert ranges[0].first_worker_id == worker_ids[0] and ranges[-1].last_worker_id == worker_ids[-1]
    assert all(a.last_worker_id + 1 == b.first_worker_id for a, b in zip(ranges, ranges[1:], strict=False))
    boundaries = {r.first_worker_id for r in ranges} | {r.last_worker_id for r in ranges}
    assert boundaries & set(worker_ids)  # some workers sit exactly on a boundary
    rows = list(Notification.objects.filter(gig=gig).values_list("worker_id", flat=True))
    assert sorted(rows) == worker_ids
    assert sum(r.matched for r in ranges) == GigFanOut.objects.get(gig=gig).matched == 13


@pytest.mark.parametrize(
    ("first", "last", "ranges", "min_width", "expected"),
    [
        (1, 10, 3, 1, [(1, 4), (5, 7), (8, 10)]),
        (5, 5, 8, 1, [(5, 5)]),
        (1, 8, 8, 1, [(i, i) for i in range(1, 9)]),
        (1, 8, 20, 1, [(i, i) for i in range(1, 9)]),  # never more ranges than ids
        (1, 100, 8, 30, [(1, 34), (35, 67), (68, 100)]),  # none narrower than min_width
        (1, 10, 8, 100, [(1, 10)]),  # a small span is one range
    ],
)
def test_worker_ranges_split_the_span_without_gaps_or_overlaps(first, last, ranges, min_width, expected):
    split = notifications.worker_ranges(first, last, ranges=ranges, min_width=min_width)
    assert split == expected
    covered = [worker_id for low, high in split for worker_id in range(low, high + 1)]
    assert covered == list(range(first, last + 1))  # every id exactly once, in order


def test_a_range_task_takes_the_same_few_queries_however_many_workers_match(
    moderator, django_capture_on_commit_callbacks
):
    """One range is one INSERT … SELECT whatever its size: 3 matching workers or 60, the range
    task runs the same few queries."""
    if connection.vendor != "postgresql":
        pytest.skip("the set-based range needs PostgreSQL (SQLite inserts row batches)")
    counts = []
    for size in (3, 60):
        for _ in range(size):
            factories.AlertFactory(q="admin olshop" if _ % 2 else "")
        gig = factories.PendingGigFactory(title="Admin Olshop Hijab")
        publish(gig, moderator, django_capture_on_commit_callbacks)
        (worker_range,) = GigFanOutRange.objects.filter(fan_out__gig=gig)
        Notification.objects.filter(gig=gig).delete()  # run the range afresh, measured
        GigFanOutRange.objects.filter(pk=worker_range.pk).update(done_at=None)
        with CaptureQueriesContext(connection) as queries:
            ids = notifications.fan_out_range_run(range_id=worker_range.pk)
        counts.append(len(queries))
        assert len(ids) == Notification.objects.filter(gig=gig).count() >= size
    # The range, the gig's hours, the INSERT … SELECT, marking the range and the ledger: 5,
    # plus the SAVEPOINT/RELEASE pair the test's own transaction adds around the atomic block.
    assert counts[0] == counts[1] <= 7, [q["sql"][:90] for q in queries.captured_queries]


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


def test_notification_keys_are_kept_by_the_orm_not_by_constraints(
    moderator, django_capture_on_commit_callbacks
):
    """No database foreign keys on notification rows (a constraint check would lock every
    referenced alert and user row during a fan-out), yet deleting an alert keeps its rows
    with no alert, and deleting a worker's account removes theirs."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Notification._meta.db_table)
    assert not [name for name, c in constraints.items() if c["foreign_key"]]
    kept, gone = factories.AlertFactory(), factories.AlertFactory()
    gig = factories.PendingGigFactory()
    publish(gig, moderator, django_capture_on_commit_callbacks)
    alert_services.alert_delete(alert=kept, by=kept.worker)
    worker_account_delete(user=gone.worker)
    (row,) = Notification.objects.filter(gig=gig)
    assert (row.worker_id, row.alert_id) == (kept.worker_id, None)


@pytest.mark.parametrize("confirm_all_texts", [500, 1])
def test_texts_confirmed_from_the_index_or_narrowed_first_give_the_same_rows(
    moderator, django_capture_on_commit_callbacks, settings, confirm_all_texts
):
    """With few distinct texts the coordinator confirms every active alert's text (read from
    an index); with more than ALERT_FANOUT_CONFIRM_ALL_TEXTS it first narrows them to alerts
    whose structured criteria accept the gig. The rows are the same; the ledger keeps only
    the texts the gig matched."""
    settings.ALERT_FANOUT_CONFIRM_ALL_TEXTS = confirm_all_texts
    hits = [factories.AlertFactory(q="admin olshop"), factories.AlertFactory(q="cs", channels=["shopee"])]
    hits.append(factories.AlertFactory())
    factories.AlertFactory(q="admin olshop", channels=["lazada"])  # structured criteria say no
    factories.AlertFactory(q="desain grafis")  # the text says no
    gig = factories.PendingGigFactory(title="Admin Olshop Hijab", channels=["whatsapp", "shopee"])
    publish(gig, moderator, django_capture_on_commit_callbacks)
    rows = Notification.objects.filter(gig=gig)
    assert sorted(rows.values_list("alert_id", flat=True)) == sorted(a.pk for a in hits)
    assert "desain grafis" not in GigFanOut.objects.get(gig=gig).text_keys
    assert "admin olshop" in GigFanOut.objects.get(gig=gig).text_keys
