"""The visitor's address, the one way every limiter reads it.

Behind N reverse proxies each proxy appends the address it saw to `X-Forwarded-For`, so the
client is the N-th entry from the right; anything further left was written by the client and
proves nothing. With `TRUSTED_PROXY_COUNT = 0` (the default) the header is ignored and the
socket address (`REMOTE_ADDR`) is the client. django-axes and django-ratelimit call
`client_ip`; DRF (`NUM_PROXIES`) and allauth (`ALLAUTH_TRUSTED_PROXY_COUNT`) get the same
count from settings and apply the same rule.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if not hops:
        return remote
    return hops[-min(count, len(hops))]


def axes_client_ip(request: HttpRequest, *args) -> str:
    """AXES_CLIENT_IP_CALLABLE: axes passes the request (and, in some versions, credentials)."""
    return client_ip(request)
