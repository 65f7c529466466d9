"""Recovering from a worker killed mid-delivery: the claim lease and the beat safety net are
sized to how long one send can take, so the re-send comes within minutes, not ~20."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from jobboard.celery import app
from listings.alerts import tasks
from listings.models import Notification
from tests import factories

Status = Notification.Status


def _safety_net_interval() -> float:
    (entry,) = [
        e
        for e in app.conf.beat_schedule.values()
        if e["task"] == "listings.alerts.tasks.requeue_stuck_notifications"
    ]
    return float(entry["schedule"])


def test_the_recovery_window_is_sized_to_the_delivery_time():
    """A send is a few SMTP steps, each bounded by EMAIL_TIMEOUT: the lease outlasts three of
    them (a live worker keeps its claim), and lease + beat interval stays under three minutes."""
    lease = settings.NOTIFY_CLAIM_LEASE_SECONDS
    assert settings.EMAIL_TIMEOUT and lease >= 3 * settings.EMAIL_TIMEOUT
    assert lease + _safety_net_interval() <= 180


@pytest.mark.django_db
def test_a_row_held_by_a_worker_that_died_two_minutes_ago_is_sent_by_the_safety_net():
    """Claimed two minutes ago and never finished (SIGKILL): the next sweep sends it, once."""
    alert = factories.AlertFactory()
    gig = factories.PublishedGigFactory()
    row = Notification.objects.create(
        worker=alert.worker,
        gig=gig,
        alert=alert,
        frequency="instant",
        status=Status.SENDING,
        claimed_at=timezone.now() - timedelta(minutes=2),
        attempts=1,
    )
    mail.outbox.clear()
    tasks.requeue_stuck_notifications.delay()
    row.refresh_from_db()
    assert row.status == Status.SENT
    assert [m.to for m in mail.outbox] == [[alert.worker.email]]


@pytest.mark.django_db
def test_a_row_a_live_worker_is_still_sending_is_left_alone():
    """Claimed a few seconds ago: that worker is still within its lease; no second send."""
    alert = factories.AlertFactory()
    row = Notification.objects.create(
        worker=alert.worker,
        gig=factories.PublishedGigFactory(),
        alert=alert,
        frequency="instant",
        status=Status.SENDING,
        claimed_at=timezone.now() - timedelta(seconds=settings.EMAIL_TIMEOUT),
        attempts=1,
    )
    mail.outbox.clear()
    tasks.requeue_stuck_notifications.delay()
    row.refresh_from_db()
    assert row.status == Status.SENDING
    assert mail.outbox == []
