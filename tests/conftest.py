import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
