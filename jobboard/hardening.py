"""Request/response hardening that applies to every view, in one place.

- `NulBytesMiddleware`: no text input reaches a form, filter or query with a NUL byte in it
  (PostgreSQL refuses them in text, which used to surface as 500s).
- `PrivateCacheMiddleware`: pages rendered for a signed-in person are `private, no-store`, so
  no shared cache or back-button store keeps someone's applications, inbox or export.
- `RetryReadOnDroppedConnectionMiddleware`: a GET/HEAD whose database connection was dropped
  (PostgreSQL restart, failover, idle kill) is run once more on a fresh connection.
"""

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, QueryDict

log = logging.getLogger(__name__)

NUL = "\x00"
SAFE_METHODS = ("GET", "HEAD")
PRIVATE_CACHE_CONTROL = "private, no-store"


def without_nul(query: QueryDict) -> QueryDict:
    """The same QueryDict with NUL bytes removed from keys and values (the rule for all text input)."""
    if not any(NUL in key or any(NUL in value for value in values) for key, values in query.lists()):
        return query
    clean = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        clean.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    clean._mutable = False
    return clean


class NulBytesMiddleware:
    """Strip NUL bytes from the query string and form fields before any view sees them."""

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.GET = without_nul(request.GET)
        if request.method == "POST" and request.content_type in self.FORM_TYPES:
            request.POST = without_nul(request.POST)
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Responses to a signed-in user are never stored by browsers' or proxies' caches,
    unless the view chose its own policy (public logos)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        return response


def _dropped_connection(exc: Exception) -> bool:
    return isinstance(exc, OperationalError | InterfaceError) and any(
        not conn.in_atomic_block and conn.connection is not None and not conn.is_usable()
        for conn in connections.all(initialized_only=True)
    )


class RetryReadOnDroppedConnectionMiddleware:
    """Run an idempotent request once more when its database connection turned out dead.

    Only reads are retried (a POST may have half-happened); only once (a database that is
    really down should answer with the error page, not twice as slowly).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.method not in SAFE_METHODS or getattr(request, "_db_retried", False):
            return None
        if not _dropped_connection(exception):
            return None
        request._db_retried = True
        log.warning("Database connection dropped during %s %s; retrying once", request.method, request.path)
        for conn in connections.all(initialized_only=True):
            if not conn.in_atomic_block:
                conn.close()
        match = request.resolver_match
        return match.func(request, *match.args, **match.kwargs)
