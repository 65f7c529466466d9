"""A real Celery worker against Redis, killed with SIGKILL in the middle of a fan-out."""

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from listings.gigs import services
from listings.models import Alert, Notification
from tests import factories
from tests.celery_support import redis_db_url, worker_database_url

ALERTS = 300
DEADLINE_SECONDS = 120


def _broker_url() -> str:
    return os.environ.get("CELERY_TEST_BROKER_URL") or redis_db_url(6)


def _start_worker(env: dict, log: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "jobboard",
            "worker",
            "-P",
            "prefork",
            "-c",
            "1",
            "-l",
            "info",
            "-f",
            str(log),
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            *extra,
        ],
        env=env,
        cwd=settings.BASE_DIR,
        start_new_session=True,  # its own process group: SIGKILL reaches the pool child too
    )


def _kill(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)


def _emails_per_recipient(mail_dir: Path) -> Counter:
    counts: Counter = Counter()
    for path in mail_dir.glob("*.log"):
        counts.update(re.findall(r"^To: (\S+)$", path.read_text(encoding="utf-8", errors="replace"), re.M))
    return counts


def _wait_for(predicate, what: str, logs: Path, state=lambda: ""):
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.005)
    tails = "\n".join(f"--- {p.name}\n" + p.read_text()[-8000:] for p in sorted(logs.glob("*.log")))
    pytest.fail(f"timed out waiting for {what}; {state()}\n{tails}")


def _reset_connections(app) -> None:
    """Forget cached broker pools (even eager publishes create them) so the next publish
    uses the current broker_url. The pools live on in kombu's registry, unharmed."""
    app._pool = None
    app.amqp._producer_pool = None


def _state(rows, broker: str) -> str:
    client = redis.Redis.from_url(broker)
    return (
        f"rows={Counter(rows.values_list('status', flat=True))} queue={client.llen('celery')} "
        f"unacked={client.hlen('unacked')} index={client.zrange('unacked_index', 0, -1, withscores=True)} "
        f"mutex={client.get('unacked_mutex')} keys={client.keys('*')}"
    )


@pytest.fixture
def celery_against_redis():
    """Point this test process's Celery app at a Redis broker (not eager), then restore it."""
    if not os.environ.get("REDIS_URL") or connection.vendor != "postgresql":
        pytest.skip("needs REDIS_URL and PostgreSQL (make test provides both)")
    from jobboard.celery import app

    broker = _broker_url()
    redis.Redis.from_url(broker).flushdb()
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.broker_url = broker
    app.conf.task_always_eager = False
    _reset_connections(app)
    try:
        yield broker
    finally:
        _reset_connections(app)
        app.conf.update(saved)
        redis.Redis.from_url(broker).flushdb()


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_sigkill_mid_fan_out_loses_nothing_and_sends_nothing_twice(celery_against_redis, tmp_path):
    """300 matching alerts, fan-out ranges of 5 workers: the worker is SIGKILLed when some but
    not all ranges have inserted their rows; a fresh worker (with beat: the safety net redoes
    ranges left undone) finishes. Every match has exactly one notification and one email."""
    alerts = [
        factories.AlertFactory(q="admin olshop" if i % 2 else "", channels=["shopee"]) for i in range(ALERTS)
    ]
    factories.AlertFactory(channels=["lazada"])  # does not match
    moderator = factories.ModeratorFactory()
    gig = factories.PendingGigFactory(title="Admin Olshop Skincare", channels=["shopee", "whatsapp"])
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    logs = tmp_path / "logs"
    logs.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jobboard.settings",
        "SECRET_KEY": settings.SECRET_KEY,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": worker_database_url(),
        "CELERY_BROKER_URL": celery_against_redis,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "ALERT_FANOUT_RANGES": str(ALERTS // 5),
        "ALERT_FANOUT_MIN_RANGE": "1",
        "NOTIFY_FANOUT_CHUNK": "5",
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        "NOTIFY_SAFETY_NET_SECONDS": "1",
        "NOTIFY_STUCK_AFTER_SECONDS": "3",
    }
    first = _start_worker(env, logs / "first.log")
    second = None
    try:
        services.gig_approve(gig=gig, by=moderator)  # autocommit: on_commit enqueues match_gig now
        rows = Notification.objects.filter(gig=gig)
        seen = _wait_for(lambda: rows.count() or None, "the first notification rows", logs)
        assert seen < ALERTS, "fan-out finished before it could be interrupted"
        _kill(first)
        interrupted_at = rows.count()
        assert 0 < interrupted_at < ALERTS
        # The dead worker may have died inside its own sweep for abandoned tasks, holding the
        # sweep's lock; Redis would expire it after 5 minutes. Don't make the test wait that long.
        redis.Redis.from_url(celery_against_redis).delete("unacked_mutex")

        # The replacement runs with beat (-B), as production does, so the safety net can
        # recover a message Redis handed to the dead worker before it was recorded as unacked.
        second = _start_worker(env, logs / "second.log", "-B", "-s", str(tmp_path / "beat-schedule"))
        _wait_for(
            lambda: rows.filter(status=Notification.Status.SENT).count() == ALERTS,
            "all deliveries",
            logs,
            lambda: _state(rows, celery_against_redis),
        )
        _wait_for(lambda: sum(_emails_per_recipient(mail_dir).values()) >= ALERTS, "all email files", logs)
    finally:
        _kill(first)
        if second is not None:
            _kill(second)

    expected = {alert.worker.email for alert in alerts}
    per_worker = Counter(rows.values_list("worker__email", flat=True))
    assert set(per_worker) == expected and set(per_worker.values()) == {1}
    emails = _emails_per_recipient(mail_dir)
    assert {email: emails[email] for email in expected} == dict.fromkeys(expected, 1)
    assert not Alert.objects.filter(channels=["lazada"], worker__match_notifications__isnull=False).exists()
