"""Faults, with real processes: a Redis this test starts and stops on its own port (the cache
behind rate limits and the API throttle), and a PostgreSQL connection killed with
pg_terminate_backend. Nobody gets a 500 for them."""

import psycopg
import pytest
from django.conf import settings as django_settings
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.processes import redis_server

pytestmark = pytest.mark.skipif(
    not django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="fault tests need PostgreSQL (pg_terminate_backend) and redis-server",
)


@pytest.fixture
def private_redis(tmp_path, settings):
    """The production cache configuration pointed at a redis-server of this test's own."""
    with redis_server(tmp_path) as redis:
        base = dict(django_settings.CACHES["default"])
        base.setdefault("OPTIONS", {})
        if not base["BACKEND"].endswith("RedisCache"):
            pytest.skip("REDIS_URL is not set: the production cache is not Redis here")
        settings.CACHES = {"default": {**base, "LOCATION": redis.url}}
        yield redis


@pytest.mark.django_db
def test_rate_limited_pages_and_the_api_keep_working_while_the_cache_is_down(private_redis, worker):
    """Redis stops: search API (DRF throttle), login (allauth limit + axes), signup, a report
    (django-ratelimit) all answer normally instead of 500."""
    gig = factories.PublishedGigFactory()
    assert Client().get("/api/v1/gigs/").status_code == 200  # works with the cache up

    private_redis.stop()

    assert Client().get("/api/v1/gigs/").status_code == 200
    login = Client().post(reverse("account_login"), {"login": worker.email, "password": factories.PASSWORD})
    assert login.status_code == 302
    signup = Client().post(
        reverse("account_signup"),
        {
            "email": "baru@contoh.id",
            "password1": "Sandi-Baru-1234",
            "password2": "Sandi-Baru-1234",
            "role": "worker",
        },
    )
    assert signup.status_code == 302
    reporter = Client()
    reporter.force_login(factories.WorkerFactory())
    report = reporter.post(reverse("listings:gig_report", args=[gig.pk, gig.slug]), {"reason": "other"})
    assert report.status_code == 302
    assert gig.reports.count() == 1


@pytest.mark.django_db
def test_login_brute_force_is_still_locked_out_while_the_cache_is_down(private_redis, worker, settings):
    """Axes counts in PostgreSQL, so a cache outage opens no door to password guessing."""
    private_redis.stop()
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("account_login"), {"login": worker.email, "password": "salah"})
    response = client.post(reverse("account_login"), {"login": worker.email, "password": factories.PASSWORD})
    assert response.status_code == 429


def _kill_own_connection() -> None:
    """Terminate this process's PostgreSQL session from a second connection, as a restart or
    failover would; the Django connection object still thinks it is open."""
    pid = connection.cursor().connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as killer:
        killer.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.mark.django_db(transaction=True)
def test_a_read_on_a_dropped_connection_is_retried_once(client):
    """The connection dies between requests; the next GET is answered, not a 500."""
    factories.PublishedGigFactory(title="Admin chat toko online")
    _kill_own_connection()
    response = client.get(reverse("listings:gig_list"))
    assert response.status_code == 200
    assert "Admin chat toko online" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_request_start_health_check_replaces_a_dead_connection():
    """CONN_HEALTH_CHECKS: at the start of a request (what Django's request_started does),
    a connection the server dropped is replaced before any query uses it."""
    connection.ensure_connection()
    _kill_own_connection()
    close_old_connections()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
