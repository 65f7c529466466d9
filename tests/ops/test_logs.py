"""Every request gets an id (echoed in X-Request-ID, on every log line, carried into Celery
tasks); one access line per request; JSON lines in production, plain text with DEBUG=1."""

import json
import logging
import subprocess
import sys
import time

import pytest
import redis
from django.db import connection
from django.urls import reverse

from jobboard.celery import app as celery_app
from jobboard.ops import context
from listings.gigs.tasks import expire_gigs
from listings.trust.tasks import screen_gig
from tests.celery_support import worker_database_url
from tests.ops.support import ROOT, ThrowawayRedis, base_env, run_django

pytestmark = pytest.mark.django_db


def _access_records(caplog):
    return [r for r in caplog.records if r.name == "jobboard.access"]


def test_a_sane_request_id_from_the_caller_is_echoed(client):
    response = client.get(reverse("healthz"), HTTP_X_REQUEST_ID="lb-7f3a.42")
    assert response["X-Request-ID"] == "lb-7f3a.42"


@pytest.mark.parametrize("sent", ["", "a" * 65, "abc def", "x\u00e9", "<script>"])
def test_a_missing_or_unsafe_request_id_is_replaced(client, sent):
    response = client.get(reverse("healthz"), HTTP_X_REQUEST_ID=sent)
    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()


def test_one_access_line_per_request_with_route_status_user_and_duration(client_for, worker, caplog):
    caplog.set_level(logging.INFO, logger="jobboard.access")
    response = client_for(worker).get(reverse("accounts:dashboard"), HTTP_X_REQUEST_ID="req-1")
    (record,) = _access_records(caplog)
    assert record.request_id == "req-1"
    assert record.user_id == worker.pk
    assert record.status == response.status_code
    assert record.route == "/" + reverse("accounts:dashboard").lstrip("/")
    assert record.view == "accounts:dashboard"
    assert record.duration_ms >= 0


def test_access_line_costs_no_query_where_the_page_never_loaded_the_user(client, caplog):
    caplog.set_level(logging.INFO, logger="jobboard.access")
    client.get(reverse("healthz"))
    (record,) = _access_records(caplog)
    assert record.user_id is None and record.route == "/healthz/" and record.status == 200


def test_log_lines_written_during_a_request_carry_its_id(client, caplog):
    caplog.set_level(logging.INFO)
    client.get(reverse("listings:gig_list"), HTTP_X_REQUEST_ID="req-2")
    assert caplog.records and {r.request_id for r in caplog.records} == {"req-2"}


def test_eager_tasks_keep_the_request_id_and_log_their_outcome(caplog):
    caplog.set_level(logging.INFO, logger="jobboard.tasks")
    with context.bound(request_id="req-3"):
        expire_gigs.delay()
    (record,) = [r for r in caplog.records if r.name == "jobboard.tasks"]
    assert record.request_id == "req-3"
    assert record.task == "listings.gigs.tasks.expire_gigs" and record.outcome == "SUCCESS"
    assert record.task_id


LOG_ONE_REQUEST = """
from django.test import Client
Client().get("/healthz/", HTTP_X_REQUEST_ID="req-json")
print(json.dumps({}))
"""


def test_production_logs_are_one_json_object_per_line(tmp_path):
    result = run_django(LOG_ONE_REQUEST, base_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    lines = [json.loads(line) for line in result["_stderr"].splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "jobboard.access"]
    assert access and access[0]["request_id"] == "req-json"
    assert access[0]["status"] == 200 and access[0]["route"] == "/healthz/"
    assert {"time", "level", "message", "duration_ms", "user_id"} <= set(access[0])


def test_development_logs_are_plain_text(tmp_path):
    env = base_env(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = run_django(LOG_ONE_REQUEST, env)
    line = next(line for line in result["_stderr"].splitlines() if "jobboard.access" in line)
    assert "[req-json] jobboard.access: GET /healthz/ 200" in line
    assert not line.startswith("{")


def _reset_connections(app) -> None:
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.celery_worker
def test_a_real_worker_logs_the_request_id_of_the_request_that_queued_the_task(tmp_path):
    """Through a real broker: the id travels as a message header; routes put each task on
    its queue (a worker on `default` only gets expire_gigs; screen_gig waits on `screening`)."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs the PostgreSQL test database (make test provides it)")
    broker = ThrowawayRedis(tmp_path)
    env = base_env(DATABASE_URL=worker_database_url(), CELERY_BROKER_URL=broker.url, LOG_FORMAT="json")
    log_path = tmp_path / "worker.log"
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.broker_url = broker.url
    celery_app.conf.task_always_eager = False
    _reset_connections(celery_app)
    with open(log_path, "w") as log:
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "celery", "-A", "jobboard", "worker", "-P", "solo", "-Q", "default",
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        with context.bound(request_id="req-worker-9"):
            queued = expire_gigs.delay()
            screen_gig.delay(0)
        deadline = time.monotonic() + 60
        finished = []
        while not finished and time.monotonic() < deadline:
            lines = [json.loads(x) for x in log_path.read_text().splitlines() if x.startswith("{")]
            finished = [x for x in lines if x.get("logger") == "jobboard.tasks"]
            time.sleep(0.05)
        assert finished, log_path.read_text()[-3000:]
        assert finished[0]["request_id"] == "req-worker-9"
        assert finished[0]["task_id"] == queued.id
        assert (
            finished[0]["outcome"] == "SUCCESS" and finished[0]["task"] == "listings.gigs.tasks.expire_gigs"
        )
        assert redis.Redis.from_url(broker.url).llen("screening") == 1
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        _reset_connections(celery_app)
        celery_app.conf.update(saved)
        broker.stop()
