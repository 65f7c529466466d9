"""A request id on every request: taken from the caller's X-Request-ID header when it is a
sane token (a proxy or load balancer may set one), else made up; echoed in the response,
written on every log line, passed into Celery tasks, tagged on error reports. One access log
line per request with user id, route, status and duration."""

import logging
import re
import time
import uuid

import sentry_sdk
from django.utils.functional import empty

from jobboard.ops import context

HEADER = "X-Request-ID"
_SANE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")

access_log = logging.getLogger("jobboard.access")


def incoming_request_id(value: str) -> str:
    """The caller's id when it is a short token of safe characters, else a fresh one."""
    return value if _SANE.fullmatch(value or "") else uuid.uuid4().hex


def _user_id(request) -> int | None:
    """The user's id only when the request already loaded the user: logging must not cost a
    session or user query on pages that never looked."""
    user = request.__dict__.get("user")
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = incoming_request_id(request.headers.get(HEADER, ""))
        request.request_id = request_id
        sentry_sdk.get_isolation_scope().set_tag("request_id", request_id)
        started = time.perf_counter()
        with context.bound(request_id=request_id, user_id=None):
            response = self.get_response(request)
            user_id = _user_id(request)
            match = request.resolver_match
            route = f"/{match.route}" if match else None
            access_log.info(
                "%s %s %s",
                request.method,
                route or request.path,
                response.status_code,
                extra={
                    "user_id": user_id,
                    "method": request.method,
                    "route": route,
                    "view": match.view_name if match else None,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
        response[HEADER] = request_id
        return response
