"""Liveness and readiness probes (django-health-check).

/healthz/ — liveness: the process answers; touches nothing (a restart would not fix a
            database outage, so orchestrators must not kill the web for one).
/readyz/  — readiness: the database answers, every migration is applied, the cache and the
            media storage work, and, with a broker configured, the broker answers and a
            Celery worker consumes each queue. 200 when all pass, 503 otherwise; JSON with
            `Accept: application/json` or `?format=json`, one line per check with `?format=text`.
"""

import dataclasses

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.contrib.celery import Ping
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from jobboard.celery import app as celery_app


def liveness(request):
    return HttpResponse("ok", content_type="text/plain")


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration on disk is applied to the database (a deploy that forgot `migrate`)."""

    alias: str = "default"

    def run(self):
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as e:
            raise ServiceUnavailable("Database unavailable") from e
        finally:
            connection.close()  # probes run in a thread pool: leave no connection behind
        if pending:
            raise ServiceUnavailable(f"{len(pending)} migration(s) not applied")


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection."""

    def run(self):
        try:
            with celery_app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=2)
        except Exception as e:  # kombu raises the transport's own errors
            raise ServiceUnavailable("Broker unavailable") from e


def readiness_checks() -> list:
    checks: list = [Database, Migrations, Cache, Storage]
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        checks += [Broker, (Ping, {"app": celery_app})]
    return checks


class ReadinessView(HealthCheckView):
    def get_checks(self):
        self.checks = readiness_checks()
        return super().get_checks()

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503  # not ready: a load balancer should try another node
        return response
