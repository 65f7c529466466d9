"""Hit counters for gig impressions and views, outside the database.

Each day (Asia/Jakarta) has one Redis hash `<prefix>:<YYYY-MM-DD>` whose fields are
`i:<gig id>` (impressions) and `v:<gig id>` (views). A page records all its cards with one
pipelined HINCRBY batch. `drain()` hands the counts over exactly once: it RENAMEs each hash
to a private key before reading it, so hits arriving meanwhile start a new hash, and a crash
after the rename leaves the private key to be drained next time.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager, suppress
from datetime import date

import redis
from django.conf import settings
from django.utils import timezone

Counts = dict[tuple[int, date, str], int]  # (gig id, day, "i" | "v") -> hits

_local_lock = threading.Lock()
_drain_lock = threading.Lock()
_local: Counter = Counter()
_clients: dict[str, redis.Redis] = {}


def _prefix() -> str:
    return settings.TRAFFIC_COUNTER_PREFIX


def _client() -> redis.Redis | None:
    url = settings.REDIS_URL
    if not url:
        return None
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
    return _clients[url]


def _today() -> date:
    return timezone.localdate()


def record(*, impressions: Iterable[int] = (), views: Iterable[int] = ()) -> None:
    """Count one impression per gig id in `impressions` and one view per id in `views`.

    Never raises: losing a few counts is better than failing the page that shows the gigs.
    """
    fields = [f"i:{pk}" for pk in impressions] + [f"v:{pk}" for pk in views]
    if not fields:
        return
    day = _today().isoformat()
    client = _client()
    if client is None:
        with _local_lock:
            _local.update((day, field) for field in fields)
        return
    key = f"{_prefix()}:{day}"
    try:
        with client.pipeline(transaction=False) as pipe:
            for field in fields:
                pipe.hincrby(key, field, 1)
            pipe.execute()
    except redis.RedisError:
        return


def _parse(day: str, field: str, hits: int, into: Counts) -> None:
    kind, _sep, pk = field.partition(":")
    if kind in ("i", "v") and pk.isdigit():
        key = (int(pk), date.fromisoformat(day), kind)
        into[key] = into.get(key, 0) + int(hits)


def drain() -> tuple[Counts, list[str]]:
    """Take every pending count. Returns the counts and the Redis keys holding them: delete
    those with `forget(keys)` once the counts are safely stored."""
    counts: Counts = {}
    client = _client()
    if client is None:
        with _local_lock:
            pending = dict(_local)
            _local.clear()
        for (day, field), hits in pending.items():
            _parse(day, field, hits, counts)
        return counts, []
    prefix = _prefix()
    claimed = [k.decode() for k in client.scan_iter(match=f"{prefix}:draining:*", count=500)]
    for key in client.scan_iter(match=f"{prefix}:????-??-??", count=500):
        key = key.decode()
        private = f"{prefix}:draining:{uuid.uuid4().hex}:{key.rsplit(':', 1)[1]}"
        try:
            client.rename(key, private)
        except redis.ResponseError:  # drained by a concurrent run meanwhile
            continue
        claimed.append(private)
    for key in claimed:
        day = key.rsplit(":", 1)[1]
        for field, hits in client.hgetall(key).items():
            _parse(day, field.decode(), int(hits), counts)
    return counts, claimed


@contextmanager
def drain_lock(timeout: int = 240):
    """Only one drain at a time (a slow flush must not meet the next beat tick); yields
    False when another one holds the lock."""
    client = _client()
    if client is None:
        acquired = _drain_lock.acquire(blocking=False)
        try:
            yield acquired
        finally:
            if acquired:
                _drain_lock.release()
        return
    lock = client.lock(f"{_prefix()}:lock", timeout=timeout, blocking=False)
    acquired = lock.acquire()
    try:
        yield acquired
    finally:
        if acquired:
            with suppress(redis.exceptions.LockError):
                lock.release()


def forget(keys: list[str]) -> None:
    client = _client()
    if client is not None and keys:
        client.delete(*keys)
