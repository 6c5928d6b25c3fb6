"""Django's Redis cache, degraded to no cache while Redis does not answer.

The cache only saves work (anonymous pages, Wagtail's site lookup) and counts the form rate
limits; the database is the one store the portal cannot do without, and sessions live there
too. So a Redis that is stopped, restarting or unreachable must cost the visitor nothing:
every read is a miss, every write is dropped, and `incr` raises ValueError as on a missing
key, which every caller already handles. What that means for each user of the cache:

* the anonymous page cache renders every page afresh; a purge that cannot reach Redis is
  lost, so a page stored before the outage may be served until it expires
  (`PAGE_CACHE_SECONDS`) once Redis is back with its data;
* the form rate limits let every answer through (forms_app/public/ratelimit.py says why).

Once Redis has failed, the backend leaves it alone for `PAUSE_SECONDS`: a Redis that does
not answer at all would otherwise hold every request for the socket timeout of each cache
call. The same pause keeps the warning to one line per pause, not one per call.

`ping()` is what /healthz asks; `cache_answers()` answers True for the backends that live
in the process (development, tests).
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

PAUSE_SECONDS = 10
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
_MISSING = object()

logger = logging.getLogger(__name__)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._paused_until = 0.0
        self._failed = False

    def _attempt(self, fallback, method, *args):
        if time.monotonic() < self._paused_until:
            return fallback
        try:
            result = method(*args)
        except UNREACHABLE as error:
            self._paused_until = time.monotonic() + PAUSE_SECONDS
            self._failed = True
            logger.warning(
                "The cache (Redis) does not answer (%s); the portal works without it and "
                "asks again in %s s.",
                error,
                PAUSE_SECONDS,
            )
            return fallback
        if self._failed:
            self._failed = False
            logger.warning("The cache (Redis) answers again.")
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._attempt({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._attempt(_MISSING, super().incr, key, delta, version)
        if result is _MISSING:
            raise ValueError(f"Key '{key}' not found: the cache is unavailable.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._attempt(None, super().delete_many, keys, version)

    def clear(self):
        return self._attempt(False, super().clear)

    def ping(self) -> bool:
        return self._attempt(False, lambda: bool(self._cache.get_client(write=True).ping()))


def cache_answers() -> bool:
    """Whether the default cache answers; a cache in the process always does."""
    backend = caches["default"]
    return backend.ping() if isinstance(backend, FailSoftRedisCache) else True
