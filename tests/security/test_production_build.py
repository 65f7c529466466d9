"""The production image, built and served without Docker: the same build script, gunicorn
with the production config, DEBUG=0. And no SECRET_KEY that anyone can read in the repo."""

import re
import subprocess
import sys

import pytest
import yaml

from tests.celery_support import worker_database_url
from tests.processes import REPO, get, gunicorn, production_env

STATIC_LINK = re.compile(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"')


def test_the_dockerfile_builds_static_files_with_the_shared_script_and_no_escape_hatch():
    """The Dockerfile runs scripts/build_static.sh (what the next test runs) and hides no error."""
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "scripts/build_static.sh" in dockerfile
    assert "|| true" not in dockerfile
    assert "DEBUG=1" not in dockerfile


@pytest.mark.django_db
def test_image_build_commands_give_a_site_that_renders_with_debug_off(tmp_path):
    """Build static files as the image does, serve with gunicorn and DEBUG=0: the home page
    and its fingerprinted stylesheet are 200, and no response names the server software."""
    static_root = tmp_path / "static"
    build = subprocess.run(  # noqa: S603
        ["/bin/sh", "scripts/build_static.sh"],
        cwd=REPO,
        env=production_env(STATIC_ROOT=str(static_root), PYTHON=sys.executable),
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    assert (static_root / "staticfiles.json").exists(), "the manifest production storage needs"

    env = production_env(STATIC_ROOT=str(static_root), DATABASE_URL=worker_database_url())
    with gunicorn(env) as port:
        home = get(port, "/")
        assert home.status == 200, home.body[:500]
        stylesheet = STATIC_LINK.search(home.body.decode())
        assert stylesheet, "the page links the hashed file from the manifest"
        css = get(port, stylesheet.group(1))
        assert css.status == 200
        for response in (home, css, get(port, "/healthz/"), get(port, "/tidak-ada/")):
            assert response.getheader("Server") is None


def test_compose_refuses_to_start_without_a_secret_key():
    """Every service's SECRET_KEY is `${SECRET_KEY:?…}`: no default written in the repo."""
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = compose["services"]
    keys = {name: (s.get("environment") or {}).get("SECRET_KEY") for name, s in services.items()}
    app_services = {name: key for name, key in keys.items() if name in ("web", "worker", "beat")}
    assert len(app_services) == 3
    for name, key in app_services.items():
        assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", key or ""), f"{name}: {key!r}"


def _deploy_check(secret_key: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=REPO,
        env=production_env(SECRET_KEY=secret_key, ALLOWED_HOSTS="lokercs.id"),
        capture_output=True,
        text=True,
    )


def test_deploy_check_fails_on_a_secret_key_written_in_the_repository():
    """A key copied from the repository (here: the test settings' own) fails `check --deploy`."""
    published = re.search(r'"SECRET_KEY", "([^"]+)"', (REPO / "jobboard/settings_test.py").read_text())
    result = _deploy_check(published.group(1))
    assert result.returncode != 0
    assert "lokercs.E001" in result.stderr + result.stdout
    assert "jobboard/settings_test.py" in result.stderr + result.stdout
