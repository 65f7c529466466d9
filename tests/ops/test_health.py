"""/healthz/ answers while the process lives; /readyz/ answers 200 only when the database,
migrations, cache, media storage and (with a broker) the broker and a worker per queue work."""

import json
import subprocess
import sys
import time

import pytest
from django.db import connection
from django.urls import reverse

from tests.celery_support import worker_database_url
from tests.ops.support import ROOT, ThrowawayRedis, base_env, free_port, run_django

PROBE = """
from django.test import Client
client = Client()
ready = client.get("/readyz/?format=json")
print(json.dumps({"live": client.get("/healthz/").status_code, "ready": ready.status_code,
                  "checks": json.loads(ready.content)}))
"""


@pytest.mark.smoke
def test_liveness_answers_without_touching_services(client):
    """No database access is allowed in this test: the probe must not need one."""
    response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.content == b"ok"


@pytest.mark.django_db
def test_readiness_is_200_when_every_service_works(client):
    response = client.get(reverse("readyz"), HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    checks = response.json()
    assert set(checks.values()) == {"OK"}
    assert {name.split("(")[0] for name in checks} == {"Database", "Migrations", "Cache", "Storage"}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_is_503_while_the_database_is_down():
    """The page that used to say 200 now says 503 — and liveness stays 200 (a restart would
    not help)."""
    result = run_django(PROBE, base_env(DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/lokercs"))
    assert result["live"] == 200
    assert result["ready"] == 503
    assert result["checks"]["Database(alias='default')"] != "OK"
    assert result["checks"]["Cache(alias='default')"] == "OK"


def test_readiness_reports_pending_migrations(tmp_path):
    result = run_django(PROBE, base_env(DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}"))
    assert result["ready"] == 503
    assert "not applied" in result["checks"]["Migrations(alias='default')"]
    assert result["checks"]["Database(alias='default')"] == "OK"


def _worker(env: dict, log, *queues: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "jobboard", "worker", "-P", "solo", "-l", "warning",
         "--without-gossip", "--without-mingle", "-n", f"probe-{'-'.join(queues) or 'all'}@%h",
         *(["-Q", ",".join(queues)] if queues else [])],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def _check(result: dict, name: str) -> str:
    return next(value for key, value in result["checks"].items() if key.startswith(name + "("))


def _probe_until(env: dict, done, deadline_seconds: float = 60) -> dict:
    """Probe again while workers start (they answer pings once connected to the broker)."""
    deadline = time.monotonic() + deadline_seconds
    while True:
        result = run_django(PROBE, env)
        if done(result) or time.monotonic() > deadline:
            return result


@pytest.mark.celery_worker
@pytest.mark.django_db
def test_readiness_needs_the_broker_and_a_worker_on_every_queue(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs the PostgreSQL test database (make test provides it)")
    redis = ThrowawayRedis(tmp_path)
    env = base_env(DATABASE_URL=worker_database_url(), CELERY_BROKER_URL=redis.url, REDIS_URL=redis.url)
    workers = []
    try:
        no_worker = run_django(PROBE, env)
        assert no_worker["ready"] == 503
        assert _check(no_worker, "Broker") == "OK"
        assert _check(no_worker, "Ping") == "Unavailable: Celery workers unavailable"

        with open(tmp_path / "default.log", "w") as log:
            workers.append(_worker(env, log, "default"))
        partial = _probe_until(env, lambda r: _check(r, "Ping") != "Unavailable: Celery workers unavailable")
        assert partial["ready"] == 503
        assert _check(partial, "Ping").startswith("Unavailable: No worker for Celery task queue")

        with open(tmp_path / "rest.log", "w") as log:
            workers.append(_worker(env, log, "screening", "fanout", "email"))
        ready = _probe_until(env, lambda r: r["ready"] == 200)
        assert ready["ready"] == 200, (ready, (tmp_path / "rest.log").read_text()[-3000:])
        assert json.dumps(ready["checks"]).count('"OK"') == 6
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=30)
        redis.stop()
