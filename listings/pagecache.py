"""Whole-page cache of the public pages for anonymous visitors, and the generation counter
that retires it.

Most visitors are not signed in, and for them the home page, the search page, a gig's page and
the feeds are the same HTML for the same URL and language. Such a page is rendered once and
then served from the cache (Redis in production) until something it shows changes. Whatever
changes what these pages show (a gig published, edited, closed, expired, suspended; a business
renamed or verified; the pay figures refreshed) calls `bump()` from its service: every key
carries the generation, so one INCR retires every cached page at once, and the old entries
age out on their own. `MAX_AGE` is only a bound for what no write announces: a published gig
whose expiry time passes before the expiry task runs.

Never served from or stored in the cache: signed-in users, requests with flash messages
waiting, browsers pinned to the primary after a write (`jobboard.ops.replicas`), anything
but GET/HEAD, responses other than 200 and responses that set a cookie. With replicas, a
page rendered from a lagging replica right after a bump can hold the old rows until
`MAX_AGE`.
The footer's language form carries a CSRF token per visitor: the stored copy holds a
placeholder that is filled for each request. Every page served through here has an ETag
(of the stored copy), so a browser revalidating gets a 304 until the page changes.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, quote_etag

from jobboard.ops.replicas import PIN_COOKIE

GENERATION_KEY = "pagecache:generation"
PREFIX = "pagecache:page"
MAX_AGE = 300  # seconds
SAFE_METHODS = ("GET", "HEAD")
_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
_CSRF_PLACEHOLDER = b'name="csrfmiddlewaretoken" value="\x00csrf\x00"'


def generation() -> int | None:
    """The current generation; None when the cache cannot be reached (then nothing is cached)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        # First use, or the key was evicted: start from the clock, never from a value whose
        # pages could still be stored.
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def bump() -> None:
    """Retire every cached public page: now, and again once the current transaction commits
    (a page rendered in between, from the rows before the commit, is retired by the second)."""
    _increment()
    transaction.on_commit(_increment)


def _increment() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or the cache is down): the next read starts one
        cache.delete(GENERATION_KEY)


def cacheable(request: HttpRequest) -> bool:
    """Anonymous GET/HEAD with nothing personal to show (no flash messages waiting), from a
    browser that has not just written (one pinned to the primary reads its own writes)."""
    if request.method not in SAFE_METHODS or PIN_COOKIE in request.COOKIES:
        return False
    if request.user.is_authenticated:
        return False
    return not len(messages.get_messages(request))


def _key(request: HttpRequest, gen: int, variant: str = "") -> str:
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    variant = variant or ("hx" if request.headers.get("HX-Request") else "page")
    return f"{PREFIX}:{gen}:{request.LANGUAGE_CODE}:{variant}:{path}"


def cached_data(request: HttpRequest, compute: Callable[[], object]) -> object:
    """For the JSON API: the data `compute()` returns for this URL, from the cache for
    anonymous callers (same rules and generation as the pages; throttling still applies,
    since the API view calls this after its checks). An exception from `compute` (400, 404)
    caches nothing."""
    gen = generation() if cacheable(request) else None
    if gen is None:
        return compute()
    key = _key(request, gen, variant="data")
    data = cache.get(key)
    if data is None:
        data = compute()
        cache.set(key, data, MAX_AGE)
    return data


def anonymous(replay: Callable[..., None] | None = None):
    """Decorate a public view: anonymous visitors get the cached copy of its page.

    A view that counts something per visit (impressions, views) sets `response.replay`
    to the keyword arguments of `replay(**kwargs)`; they are stored with the page and
    `replay` is called again for every visit served from the cache."""

    def decorate(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            gen = generation() if cacheable(request) else None
            if gen is None:
                return view(request, *args, **kwargs)
            key = _key(request, gen)
            entry = cache.get(key)
            if entry is None:
                response = view(request, *args, **kwargs)
                entry = _entry(response)
                if entry is None:
                    return response
                cache.set(key, entry, MAX_AGE)
                response["ETag"] = entry["etag"]
                return get_conditional_response(request, etag=entry["etag"], response=response)
            if replay is not None and entry["replay"] is not None:
                replay(**entry["replay"])
            return _response(request, entry)

        return wrapped

    return decorate


def _entry(response: HttpResponse) -> dict | None:
    if response.status_code != 200 or response.cookies or response.streaming:
        return None
    content = _CSRF_INPUT.sub(_CSRF_PLACEHOLDER, response.content)
    return {
        "content": content,
        "headers": dict(response.items()),
        "etag": quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest()),
        "replay": getattr(response, "replay", None),
    }


def _response(request: HttpRequest, entry: dict) -> HttpResponse:
    not_modified = get_conditional_response(request, etag=entry["etag"])
    if not_modified is not None:
        not_modified["ETag"] = entry["etag"]
        return not_modified
    content = entry["content"]
    if _CSRF_PLACEHOLDER in content:
        token = b'name="csrfmiddlewaretoken" value="%s"' % get_token(request).encode()
        content = content.replace(_CSRF_PLACEHOLDER, token)
    response = HttpResponse(content)
    for name, value in entry["headers"].items():
        response[name] = value
    response["ETag"] = entry["etag"]
    return response
