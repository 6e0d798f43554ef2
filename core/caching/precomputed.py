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
"""

import uuid

from core.caching.fragments import cache_key, local_remember, read_through, shared_cache

VALUE_SECONDS = 24 * 3600
VERSION_SECONDS = VALUE_SECONDS + 3600

_REGISTRY = {}  # name: (model, build)


def register(model, name, build):
    """`build(owner)` returns the value `get(name, owner)` serves for an
    instance of `model` (an index page). The value is shared by every
    request and thread: it must never be changed after it is built."""
    _REGISTRY[name] = (model, build)


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
    _model, build = _REGISTRY[name]
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


def renew(pages=(), everything=False):
    """Rebuild the values of the owners among `pages`; called by core.caching.purge
    once an edit has committed. `everything` (settings, a main section, a
    failed purge) starts a new epoch instead: every value is built again at
    its next use, without a query here."""
    if everything:
        shared_cache.set(EPOCH_KEY, uuid.uuid4().hex[:10], VERSION_SECONDS)
        return
    epoch = _current(EPOCH_KEY)
    for name, (model, build) in _REGISTRY.items():
        for owner in (page for page in pages if isinstance(page, model)):
            version = uuid.uuid4().hex[:10]
            shared_cache.set(_version_key(name, owner.pk), version, VERSION_SECONDS)
            _store(_value_key(name, owner.pk, version, epoch), build(owner))
