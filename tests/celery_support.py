"""Helpers for tests that run a real Celery worker in a subprocess against Redis."""

import os

from django.conf import settings


def redis_db_url(index: int) -> str:
    """REDIS_URL pointed at database `index`, so worker tests don't share a broker queue."""
    base = os.environ["REDIS_URL"].rstrip("/")
    if base.count("/") > 2:
        base = base.rsplit("/", 1)[0]
    return f"{base}/{index}"


def worker_database_url() -> str:
    """The test database (test_<name>) as a URL for the worker subprocess."""
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
