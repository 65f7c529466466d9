"""Response headers and production settings: strict CSP, secure cookies, HSTS."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

REPO = Path(__file__).resolve().parents[2]


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["listings:home", "listings:gig_list", "account_login", "account_signup"]
)
def test_pages_carry_a_strict_content_security_policy(client, url_name):
    """Every page says: our own origin only, no inline or eval'd script, no framing, no plugins."""
    response = client.get(reverse(url_name))
    csp = _directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert not any("unsafe" in source or source == "*" for sources in csp.values() for source in sources)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_error_pages_and_api_carry_the_policy_too(client):
    """A 404 is a page like any other: the policy is on it as well."""
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "default-src 'self'" in response["Content-Security-Policy"]


def _production_env(**extra) -> dict:
    """The environment of a production process: none of the test settings' overrides."""
    dropped = ("DJANGO_", "DEBUG", "SECURE_", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return env | {
        "DEBUG": "0",
        "SECRET_KEY": "k" * 20 + "-Zq8#v!2@p" * 4,
        "ALLOWED_HOSTS": "lokercs.id",
        **extra,
    }


def _production_settings() -> dict:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) for k in ("
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', "
        "'SECURE_PROXY_SSL_HEADER', 'SESSION_COOKIE_HTTPONLY', 'ACCOUNT_DEFAULT_HTTP_PROTOCOL')}))"
    )
    out = subprocess.run(  # noqa: S603 (a fixed command)
        [sys.executable, "-c", code],
        cwd=REPO,
        env=_production_env(DJANGO_SETTINGS_MODULE="jobboard.settings"),
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_production_defaults_are_secure():
    """With DEBUG=0 and nothing else set: HTTPS redirect, secure cookies, a year of HSTS
    with subdomains and preload, and https links in emails."""
    prod = _production_settings()
    assert prod["DEBUG"] is False
    assert prod["SESSION_COOKIE_SECURE"] and prod["CSRF_COOKIE_SECURE"] and prod["SESSION_COOKIE_HTTPONLY"]
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert prod["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and prod["SECURE_HSTS_PRELOAD"]
    assert prod["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert prod["ACCOUNT_DEFAULT_HTTP_PROTOCOL"] == "https"


def test_production_settings_refuse_to_start_without_a_secret_key():
    """DEBUG off and no SECRET_KEY is a configuration error, not a silent default key."""
    result = subprocess.run(
        [sys.executable, "-c", "import jobboard.settings"],
        cwd=REPO,
        env=_production_env(SECRET_KEY=""),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    """`manage.py check --deploy` reports no warning with production settings."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=_production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
