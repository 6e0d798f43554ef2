"""Redis as the shared cache, degrading instead of stalling when it fails.

django-redis with IGNORE_EXCEPTIONS turns a failed call into a cache miss,
but it still waits for the socket timeout on every call, and a page makes
dozens: with Redis hung, a request took the timeout times fifty, and each
failure logged a traceback. Here a failed call opens a *breaker*: for the
next BREAK_SECONDS every call to that Redis is skipped at once (a miss, a
write not made), then one call tries again. The outage is logged once, as a
warning, and its end as well.

A purge that could not reach Redis would leave pages cached under their old
versions once Redis is back: `core.caching.purge` asks `failures()` whether any call
failed while it ran and then has the worker purge every page as soon as
Redis answers again (core.tasks.purge_everything_when_the_cache_is_back).
"""

import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger("core.caching.fragments")

BREAK_SECONDS = 5.0


class Breaker:
    """The state of one Redis server, shared by every cache alias using it in this process."""

    def __init__(self, server):
        self.server = server
        self.lock = threading.Lock()
        self.open_until = 0.0
        self.down_since = None
        self.failures = 0

    def allows(self):
        return time.monotonic() >= self.open_until

    def failed(self, error):
        with self.lock:
            self.failures += 1
            self.open_until = time.monotonic() + BREAK_SECONDS
            first = self.down_since is None
            if first:
                self.down_since = time.monotonic()
        if first:
            logger.warning(
                "The shared cache (Redis) failed: %s. Pages are served without it; retrying every %.0f s.",
                error,
                BREAK_SECONDS,
            )

    def succeeded(self):
        if self.down_since is None:
            return
        with self.lock:
            down_since, self.down_since = self.down_since, None
        if down_since is not None:
            logger.warning("The shared cache (Redis) answers again after %.0f s.", time.monotonic() - down_since)


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(server):
    with _breakers_lock:
        if server not in _breakers:
            _breakers[server] = Breaker(server)
        return _breakers[server]


def failures():
    """How many calls to any Redis failed or were skipped in this process so far."""
    return sum(breaker.failures for breaker in list(_breakers.values()))


class SkippedWhileDown(ConnectionError):
    """A call not made because the breaker is open."""


class GuardedClient:
    """A django-redis client whose calls go through the server's breaker."""

    def __init__(self, client, breaker):
        self._client = client
        self._breaker = breaker

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name.startswith("_") or not callable(attribute):
            return attribute
        breaker = self._breaker

        def call(*args, **kwargs):
            if not breaker.allows():
                breaker.failures += 1
                raise ConnectionInterrupted(connection=None) from SkippedWhileDown("skipped while Redis is down")
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                breaker.failed(error)
                raise
            breaker.succeeded()
            return result

        return call


class ResilientRedisCache(RedisCache):
    """django-redis's cache with a breaker: see the module's docstring."""

    @property
    def client(self):
        if self._client is None:
            self._client = GuardedClient(
                self._client_cls(self._server, self._params, self), breaker_for(str(self._server))
            )
        return self._client
