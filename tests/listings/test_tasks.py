import os
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from listings.gigs import tasks
from listings.vocabulary import GigStatus
from tests import factories
from tests.celery_support import redis_db_url, worker_database_url

pytestmark = pytest.mark.django_db


def test_expire_task_runs_eagerly():
    gig = factories.PublishedGigFactory(expires_at=timezone.now() - timedelta(minutes=5))
    assert tasks.expire_gigs.delay().get() == 1
    gig.refresh_from_db()
    assert gig.status == GigStatus.EXPIRED


def test_beat_schedules_expiry():
    from jobboard.celery import app

    names = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "listings.gigs.tasks.expire_gigs" in names


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_expire_task_through_a_real_worker_against_redis(tmp_path):
    """A real Celery worker, fed through Redis, expires gigs in the test database."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url or connection.vendor != "postgresql":
        pytest.skip("needs REDIS_URL and PostgreSQL (make test provides both)")
    gig = factories.PublishedGigFactory(expires_at=timezone.now() - timedelta(minutes=5))
    broker = redis_db_url(15)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jobboard.settings_test",
        "DATABASE_URL": worker_database_url(),
        "CELERY_BROKER_URL": broker,
    }
    worker = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "jobboard",
            "worker",
            "-P",
            "solo",
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            "expiry-test",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    try:
        from jobboard.celery import app

        app.conf.task_always_eager = False
        with app.connection_for_write(broker) as conn:
            result = tasks.expire_gigs.apply_async(connection=conn, queue="expiry-test")
        assert result.id
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            gig.refresh_from_db()
            if gig.status == GigStatus.EXPIRED:
                break
            time.sleep(0.2)
        assert gig.status == GigStatus.EXPIRED
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
        worker.terminate()
        worker.wait(timeout=30)
