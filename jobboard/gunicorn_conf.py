"""gunicorn settings for production: `gunicorn -c python:jobboard.gunicorn_conf jobboard.wsgi`.

gunicorn has no switch for its `Server: gunicorn` header; dropping it here means responses
do not advertise the server software to someone looking for a known hole. Each worker,
once it has loaded the application, freezes its startup objects (`jobboard.warmup`).
"""

from gunicorn.http import wsgi

from jobboard.warmup import freeze_after_startup

_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self) -> list[str]:
    return [header for header in _default_headers(self) if not header.startswith("Server:")]


wsgi.Response.default_headers = _default_headers_without_server


def post_worker_init(worker) -> None:
    """gunicorn hook: the worker has loaded the application."""
    freeze_after_startup()
