"""A Redis cache that degrades instead of failing when Redis is unreachable.

Rate-limit counters (django-ratelimit, allauth), the API throttle and cached fragments all
live in the cache. If Redis is down, a read is a miss and a write is dropped (logged once per
outage window) and add() reports success, so pages keep working and limits fail open; logins stay protected by
django-axes, which counts failures in PostgreSQL.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

_LOG_EVERY_SECONDS = 60.0


class ResilientRedisCache(RedisCache):
    _last_logged = 0.0

    def _outage(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        if now - ResilientRedisCache._last_logged >= _LOG_EVERY_SECONDS:
            ResilientRedisCache._last_logged = now
            log.warning("Cache unavailable (%s: %s); continuing without it", operation, exc)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as exc:
            self._outage("get", exc)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as exc:
            self._outage("get_many", exc)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as exc:
            self._outage("has_key", exc)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as exc:
            # "Stored": whoever uses add() as a lock or a first count (allauth, django-ratelimit)
            # goes ahead instead of waiting for a lock that can never be had.
            self._outage("add", exc)
            return True

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as exc:
            self._outage("set", exc)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as exc:
            self._outage("set_many", exc)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as exc:
            self._outage("touch", exc)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as exc:
            # Same signal as a missing key: callers (django-ratelimit) treat it as "no count".
            self._outage("incr", exc)
            raise ValueError("cache unavailable") from exc

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as exc:
            self._outage("delete", exc)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as exc:
            self._outage("delete_many", exc)

    def clear(self):
        try:
            return super().clear()
        except RedisError as exc:
            self._outage("clear", exc)
            return False
