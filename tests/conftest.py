import pytest

from tests import doors, factories


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Fresh media folder and an empty cache (rate-limit counters live there) per test."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _writes_only_through_services():
    """Fail any test whose code path writes a gig, application, report or alert outside its
    feature's services (see tests/doors.py)."""
    doors.install()
    yield
    doors.uninstall()


@pytest.fixture
def employer(db):
    return factories.EmployerFactory()


@pytest.fixture
def other_employer(db):
    return factories.EmployerFactory()


@pytest.fixture
def worker(db):
    return factories.WorkerFactory()


@pytest.fixture
def other_worker(db):
    return factories.WorkerFactory()


@pytest.fixture
def moderator(db):
    return factories.ModeratorFactory()


@pytest.fixture
def client_for(db):
    """client_for(user) -> a test client logged in as `user` (None: anonymous)."""

    def make(user):
        from django.test import Client

        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: once Playwright has started, its asyncio loop stays up for the
    rest of the session (see tests/e2e/conftest.py)."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)
