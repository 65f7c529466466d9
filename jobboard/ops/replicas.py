"""Read replicas: public reads go to a PostgreSQL streaming replica, everything else to the
primary.

A request may read from a replica when it is a GET/HEAD of a view named in
settings.REPLICA_VIEWS (search, gig pages, feeds, API) and the browser is not pinned to the
primary. Inside such a request the first write (any save/update/delete through the ORM)
switches every later read of the request to the primary, so a request sees its own writes;
reads inside a transaction on the primary stay there too. A POST that wrote pins the browser
to the primary for REPLICA_PIN_SECONDS (a cookie), so the page it redirects to shows the
change even while replicas lag. Outside requests (Celery tasks, commands) everything uses
the primary.

A replica that cannot be reached (connection refused, server stopped) is skipped for
REPLICA_RETRY_SECONDS by this process; the request is served by the primary.
"""

import contextvars
import dataclasses
import logging
import random
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

PIN_COOKIE = "db_primary"
log = logging.getLogger(__name__)


@dataclasses.dataclass
class _Routing:
    replica_allowed: bool = False
    wrote: bool = False
    read_alias: str | None = None


_routing: contextvars.ContextVar[_Routing | None] = contextvars.ContextVar("db_routing", default=None)
# alias -> time.monotonic() until which this process leaves the replica alone
_down_until: dict[str, float] = {}


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def _usable(alias: str) -> bool:
    connection = connections[alias]
    try:
        if connection.connection is None:
            connection.ensure_connection()
            return True
        if connection.is_usable():
            return True
    except DatabaseError:
        pass
    log.warning("database replica %s unreachable; reading from the primary", alias)
    connection.close()
    return False


def _pick_replica() -> str:
    now = time.monotonic()
    candidates = [alias for alias in replica_aliases() if _down_until.get(alias, 0) <= now]
    random.shuffle(candidates)
    for alias in candidates:
        if _usable(alias):
            return alias
        _down_until[alias] = now + settings.REPLICA_RETRY_SECONDS
    return DEFAULT_DB_ALIAS


class ReplicaRouter:
    """Database router: see the module docstring."""

    def db_for_read(self, model, **hints):
        routing = _routing.get()
        if routing is None or not routing.replica_allowed or routing.wrote:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if routing.read_alias is None:
            routing.read_alias = _pick_replica()
        return routing.read_alias

    def db_for_write(self, model, **hints):
        routing = _routing.get()
        if routing is not None:
            routing.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the primary's data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaRoutingMiddleware:
    """Opens the routing scope of a request; decides replica eligibility once the view is known."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        routing = _Routing()
        token = _routing.set(routing)
        try:
            response = self.get_response(request)
        finally:
            _routing.reset(token)
        if routing.wrote and request.method not in ("GET", "HEAD", "OPTIONS") and replica_aliases():
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        routing = _routing.get()
        if routing is not None:
            routing.replica_allowed = (
                request.method in ("GET", "HEAD")
                and request.resolver_match.view_name in settings.REPLICA_VIEWS
                and PIN_COOKIE not in request.COOKIES
                and bool(replica_aliases())
            )
        return None
