"""Real server processes for fault and production tests: gunicorn, Redis, on free loopback
ports of their own, started and stopped by the test (never the shared services)."""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until(ready, process: subprocess.Popen, what: str, deadline_seconds: float = 60.0) -> None:
    """Poll until `ready()` holds; fail if the process dies or the deadline passes."""
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        if ready():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not become ready")


def _answers(port: int, path: str = "/healthz/") -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", path)
        return conn.getresponse().status < 500
    except OSError:
        return False


def production_env(**extra: str) -> dict[str, str]:
    """A production process's environment: DEBUG off, no test-settings overrides."""
    dropped = ("DJANGO_", "DEBUG", "SECURE_", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return env | {
        "DJANGO_SETTINGS_MODULE": "jobboard.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.urandom(32).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        **extra,
    }


@contextmanager
def gunicorn(env: dict[str, str], workers: int = 1):
    """gunicorn with the production config (jobboard/gunicorn_conf.py); yields its port."""
    port = free_port()
    command = [
        str(BIN / "gunicorn"),
        "-c",
        "python:jobboard.gunicorn_conf",
        "jobboard.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
    ]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
    try:
        _wait_until(lambda: _answers(port), process, "gunicorn")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def redis_server(tmp_path: Path, port: int = 0):
    """A private redis-server on its own port and folder; yields its URL. Stop it with `.stop`."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed")
    port = port or free_port()
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path), "--save", ""]
    process = subprocess.Popen([*args, "--appendonly", "no"], stdout=subprocess.DEVNULL)  # noqa: S603

    def up() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return False

    try:
        _wait_until(up, process, "redis-server", deadline_seconds=20)
        yield RedisProcess(process, f"redis://127.0.0.1:{port}/0")
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


class RedisProcess:
    def __init__(self, process: subprocess.Popen, url: str):
        self.process = process
        self.url = url

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def get(port: int, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    response.body = response.read()
    return response
