"""docker-compose.yml: valid, readiness-checked web, a worker per queue group, media on a
named volume, Flower behind a profile."""

import shlex
import shutil
import subprocess

import pytest
import yaml

from tests.ops.support import ROOT

COMPOSE = ROOT / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def _compose_command() -> list[str] | None:
    """`docker compose` (v2 plugin) or else `docker-compose` (Debian's package), if either."""
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:  # noqa: S603
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


@pytest.mark.smoke
def test_docker_compose_config_validates():
    compose = _compose_command()
    if compose is None:
        pytest.skip("neither docker compose nor docker-compose is installed (apt-get install docker-compose)")
    done = subprocess.run([*compose, "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True)  # noqa: S603
    assert done.returncode == 0, done.stderr


@pytest.mark.smoke
def test_web_healthcheck_uses_readiness(compose):
    test = " ".join(compose["services"]["web"]["healthcheck"]["test"])
    assert "/readyz/" in test


@pytest.mark.smoke
def test_a_worker_consumes_each_queue_and_each_is_health_checked(compose):
    consumed = set()
    for name, service in compose["services"].items():
        command = service.get("command", "")
        if "celery" in command and " worker" in command:
            args = shlex.split(command)
            consumed |= set(args[args.index("-Q") + 1].split(","))
            node = args[args.index("-n") + 1].split("@")[0]
            assert f"-d {node}@" in " ".join(service["healthcheck"]["test"]), name
    assert consumed == {"screening", "fanout", "email", "default"}


@pytest.mark.smoke
def test_media_lives_on_a_named_volume(compose):
    assert "media" in compose["volumes"]
    for name in ("web", "worker", "worker-fanout", "worker-email"):
        service = compose["services"][name]
        assert "media:/app/media" in service["volumes"]
        assert service["environment"]["MEDIA_ROOT"] == "/app/media"


@pytest.mark.smoke
def test_flower_is_optional(compose):
    assert compose["services"]["flower"]["profiles"] == ["monitoring"]
