"""Follow-up work survives a broker outage: the transactional outbox (listings.workflow).

The broker is a redis-server this test starts and stops on a port of its own; the web side
runs in a subprocess configured like production (tasks go to the broker, not in-process).
"""

import os
import shutil
import subprocess
import sys
from datetime import timedelta

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from listings.models import Gig, OutboxMessage
from listings.vocabulary import GigStatus
from listings.workflow import enqueue, outbox_redrive
from tests import factories
from tests.celery_support import worker_database_url
from tests.processes import free_port, redis_server

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="the broker-outage test starts its own redis-server"
)

APPROVE = """
import django, sys
django.setup()
from django.test import Client
from accounts.models import User
client = Client()
client.force_login(User.objects.get(pk={moderator}))
response = client.post("/moderasi/lowongan/{gig}/approve/")
print("STATUS", response.status_code)
"""

REDRIVE = """
import django
from datetime import timedelta
django.setup()
from listings.workflow import outbox_redrive
print("SENT", outbox_redrive(older_than=timedelta(0)))
"""


def _run(code: str, broker: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jobboard.settings_test",
        "DATABASE_URL": worker_database_url(),
        "CELERY_BROKER_URL": broker,
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.django_db(transaction=True)
def test_an_approval_during_a_broker_outage_is_committed_and_its_email_sent_later(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the web subprocess shares the test database over PostgreSQL")
    gig = factories.PendingGigFactory()
    moderator = factories.ModeratorFactory()
    port = free_port()
    broker = f"redis://127.0.0.1:{port}/0"

    with redis_server(tmp_path, port=port) as server:
        server.stop()  # the broker goes down
        out = _run(APPROVE.format(moderator=moderator.pk, gig=gig.pk), broker)

    assert "STATUS 302" in out  # the moderator sees a normal redirect, not a 500
    gig.refresh_from_db()
    assert gig.status == GigStatus.PUBLISHED
    waiting = OutboxMessage.objects.filter(dispatched_at__isnull=True)
    assert {m.task for m in waiting} >= {
        "listings.messaging.tasks.send_gig_decision_email",
        "listings.alerts.tasks.match_gig",
    }
    assert all(m.attempts == 1 for m in waiting)
    left_waiting = waiting.count()

    with redis_server(tmp_path, port=port):  # the broker is back
        out = _run(REDRIVE, broker)
        queued = redis.Redis.from_url(broker)
        assert queued.llen("email") >= 1 and queued.llen("fanout") >= 1

    assert f"SENT {left_waiting}" in out
    assert not OutboxMessage.objects.filter(dispatched_at__isnull=True).exists()


@pytest.mark.django_db
def test_follow_up_work_is_recorded_with_the_change_and_stamped_once_sent(django_capture_on_commit_callbacks):
    """In-process (the quick start) the task runs at commit and the row is stamped."""
    gig = factories.PendingGigFactory()
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue("listings.trust.tasks.screen_gig", gig.pk)
    message.refresh_from_db()
    assert message.dispatched_at is not None
    assert Gig.objects.get(pk=gig.pk).screening is not None


@pytest.mark.django_db
def test_the_safety_net_leaves_fresh_rows_to_their_own_commit():
    fresh = OutboxMessage.objects.create(task="listings.gigs.tasks.expire_gigs", args=[])
    assert outbox_redrive() == 0  # younger than 30 s: its own request may still be committing
    OutboxMessage.objects.filter(pk=fresh.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert outbox_redrive() == 1
    fresh.refresh_from_db()
    assert fresh.dispatched_at is not None
