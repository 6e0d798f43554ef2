"""Values derived from many rows, built when an edit changes them instead of
at a visitor's request (docs/developers/caching.md, "Precomputed").

A listing over 10,000 press releases needs their order, their years,
topics and cities: aggregating that on a visitor's request cost over
100 ms. Here each index page owns such a value (registered with
`register(model, name, build)`); `get()` reads it from the shared cache,
and the purge that follows an edit rebuilds it for the index pages whose
content changed (`renew()`), after the edit's transaction committed.

Each value is kept under a version of its owner (and an epoch that a purge
of every page renews): `renew()` sets a new version, then builds and
stores the value under it, so a request that built from older rows while
the edit committed stores under the old, unreachable version and never
over the new value. A lost entry (evicted, expired, or after a new epoch)
is built by the request that misses it.

A value that can be brought up to date row by row registers an `update`
as well: an edit then re-reads only the pages it changed (a publish at
10,000 releases reads one release instead of all of them). Updates of an
owner's value are made one at a time (a lock in the shared cache), so that
two edits committing together never each start from the value without
the other's change.
"""

import time
import uuid

from core.caching import redis_cache
from core.caching.fragments import cache_key, local_remember, read_through, shared_cache

VALUE_SECONDS = 24 * 3600
VERSION_SECONDS = VALUE_SECONDS + 3600

LOCK_SECONDS = 30

_REGISTRY = {}  # name: (model, build, update)


def register(model, name, build, update=None):
    """`build(owner)` returns the value `get(name, owner)` serves for an
    instance of `model` (an index page). The value is shared by every
    request and thread: it must never be changed after it is built.

    `update(owner, value, page_ids)`, if given, returns the value with the
    rows of those pages read again (pages that changed, moved or were
    deleted; any of them may no longer belong to the owner): what `build`
    would return after an edit of only these pages."""
    _REGISTRY[name] = (model, build, update)


def _version_key(name, owner_pk):
    return cache_key("precomputed-version", name, owner_pk)


EPOCH_KEY = cache_key("precomputed-epoch")


def _current(key):
    version = shared_cache.get(key)
    if version is None:
        shared_cache.add(key, uuid.uuid4().hex[:10], VERSION_SECONDS)
        version = shared_cache.get(key) or uuid.uuid4().hex[:10]
    return version


def _value_key(name, owner_pk, version, epoch):
    return cache_key("precomputed", name, owner_pk, epoch, version=version)


def get(name, owner):
    """The value of `name` for `owner`, from the cache or built now."""
    _model, build, _update = _REGISTRY[name]
    version_key = _version_key(name, owner.pk)
    key = _value_key(name, owner.pk, _current(version_key), _current(EPOCH_KEY))
    value = read_through(key, any_value=True)
    if value is None:
        value = build(owner)
        _store(key, value)
    return value


def _store(key, value):
    shared_cache.set(key, value, VALUE_SECONDS)
    local_remember(key, value)


def renew(pages=(), everything=False, changed=None):
    """Bring the values of the owners among `pages` up to date; called by
    core.caching.purge once an edit has committed. `changed` are the ids of
    the pages the edit changed (with the pages around them): a value with an
    `update` re-reads only those, any other is built again; a value no
    request has read since its last renewal is left to the next request
    that needs it. `everything` (settings, a main section, a failed purge)
    starts a new epoch instead: every value is built again at its next use,
    without a query here."""
    if everything:
        shared_cache.set(EPOCH_KEY, uuid.uuid4().hex[:10], VERSION_SECONDS)
        return
    epoch = _current(EPOCH_KEY)
    for name, (model, build, update) in _REGISTRY.items():
        for owner in (page for page in pages if isinstance(page, model)):
            version_key = _version_key(name, owner.pk)
            with _one_at_a_time(version_key) as alone:
                old = None
                if alone:
                    old = read_through(_value_key(name, owner.pk, _current(version_key), epoch), any_value=True)
                version = uuid.uuid4().hex[:10]
                shared_cache.set(version_key, version, VERSION_SECONDS)
                if old is None:
                    continue  # not in use: built by the request that needs it
                fresh = build(owner) if update is None or changed is None else update(owner, old, set(changed))
                _store(_value_key(name, owner.pk, version, epoch), fresh)


class _one_at_a_time:
    """A lock in the shared cache around the renewal of one value; `alone`
    is False if it could not be had (a holder that died keeps it for at
    most LOCK_SECONDS; the shared cache is down): the value is then left to
    the next request, which builds it whole."""

    def __init__(self, key):
        self.key = f"{key}:lock"
        self.token = uuid.uuid4().hex

    def __enter__(self):
        deadline = time.monotonic() + LOCK_SECONDS
        failed_before = redis_cache.failures()
        while not shared_cache.add(self.key, self.token, LOCK_SECONDS):
            if time.monotonic() > deadline or redis_cache.failures() != failed_before:
                self.token = None
                return False
            time.sleep(0.01)
        return True

    def __exit__(self, *exc):
        if self.token is not None and shared_cache.get(self.key) == self.token:
            shared_cache.delete(self.key)
        return False
