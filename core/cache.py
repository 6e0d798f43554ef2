"""The shared cache of the site's frame: sites, home pages, menus, footer, settings.

Every page shows the same frame (header, menu, footer, funding notice); it
changes only when an editor publishes, moves or deletes a page, or saves the
settings or a snippet. The frame is kept in the cache alias "pages" (shared
by all worker processes: files by default, Redis with REDIS_URL) under a
generation number; any such change starts a new generation, so no worker
serves an old menu. Without a "pages" alias the default cache is used.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "frame:generation"


class SharedCache:
    """The "pages" cache alias, looked up when used (settings may change in tests)."""

    def __getattr__(self, name):
        alias = "pages" if "pages" in settings.CACHES else "default"
        return getattr(caches[alias], name)


shared_cache = SharedCache()


def generation():
    value = shared_cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex[:12]
        shared_cache.add(GENERATION_KEY, value, None)
        value = shared_cache.get(GENERATION_KEY) or value
    return value


def new_generation(**kwargs):
    shared_cache.set(GENERATION_KEY, uuid.uuid4().hex[:12], None)


def frame_cached(request, key, compute, timeout=3600):
    """A piece of the frame, per generation; computed at most once per request.

    Previews are never served from (or written to) the cache: they show
    unsaved content.
    """
    if getattr(request, "is_preview", False):
        return compute()
    value = frame_get(request, key)
    if value is None:
        value = compute()
        frame_set(request, key, value, timeout)
    return value


def _full_key(request, key):
    if request is None:
        return f"frame:{generation()}:{key}"
    if "_frame_generation" not in request.__dict__:
        request._frame_generation = generation()
    return f"frame:{request._frame_generation}:{key}"


def frame_get(request, key):
    """What frame_cached() keeps under `key` in this generation, or None."""
    memo = request.__dict__.setdefault("_frame_cache", {}) if request is not None else {}
    if key in memo:
        return memo[key]
    value = read_through(_full_key(request, key))
    if value is not None:
        memo[key] = value
    return value


def read_through(full_key, any_value=False):
    """A shared-cache entry, from this worker's memory if it read it in the
    last LOCAL_SECONDS. Kept there are immutable values, or any value with
    `any_value` (for entries nobody changes whose keys change with their
    content, like the page cache's)."""
    value = local_get(full_key)
    if value is None:
        value = shared_cache.get(full_key)
        if value is not None and (any_value or _immutable(value)):
            local_remember(full_key, value)
    return value


def frame_set(request, key, value, timeout=3600):
    full_key = _full_key(request, key)
    shared_cache.set(full_key, value, timeout)
    _local_set(full_key, value)
    if request is not None:
        request.__dict__.setdefault("_frame_cache", {})[key] = value


# Each worker also keeps the immutable pieces (rendered HTML, documents,
# tuples of plain values) it has read in memory for a few seconds: their keys
# carry the generation, so a publish makes them unreachable at once, and what
# is kept for a limited time (TIME_BOUND) outlives it by at most LOCAL_SECONDS.
_LOCAL = {}
LOCAL_ENTRIES = 5000
LOCAL_SECONDS = 10


def _immutable(value):
    if isinstance(value, str | bytes | int | float | bool | type(None)):
        return True
    return isinstance(value, tuple) and all(_immutable(item) for item in value)


def local_get(full_key):
    entry = _LOCAL.get(full_key)
    if entry is not None and entry[0] > time.monotonic():
        return entry[1]
    return None


def _local_set(full_key, value):
    if _immutable(value):
        local_remember(full_key, value)


def local_remember(full_key, value):
    """Keep a value read from the shared cache in this worker's memory for
    LOCAL_SECONDS; only for values nobody changes and keys that change with
    their content."""
    if len(_LOCAL) >= LOCAL_ENTRIES:
        _LOCAL.clear()
    _LOCAL[full_key] = (time.monotonic() + LOCAL_SECONDS, value)


def connect_signals():
    from wagtail.models import Page, PageViewRestriction, Site

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_generation, dispatch_uid=f"frame.{id(signal)}")

    def model_changed(sender, instance=None, **kwargs):
        if isinstance(instance, Page | Site | PageViewRestriction) or getattr(sender, "_frame_relevant", False):
            new_generation()

    post_save.connect(model_changed, dispatch_uid="frame.post_save", weak=False)
    post_delete.connect(model_changed, dispatch_uid="frame.post_delete", weak=False)


def site_settings(request):
    """The site settings (header, footer, feeds, structured data) from the frame cache."""
    from core.models import SiteSettings

    if request is None:
        return SiteSettings.load()
    return frame_cached(request, "site_settings", lambda: SiteSettings.for_request(request))


# Content that also changes with time (upcoming events, releases dated in
# the future) is kept at most this many seconds, besides the generation.
TIME_BOUND = 60


class LazyItems:
    """A page's items, known by their primary keys; the objects are loaded
    (from the cache) only when something iterates them. A list fragment keyed
    by the keys (core_tags.pk_list) that is already cached never needs them."""

    def __init__(self, pks, load):
        self.pks, self._load, self._items = pks, load, None

    def _all(self):
        if self._items is None:
            self._items = self._load()
        return self._items

    def __len__(self):
        return len(self.pks)

    def __iter__(self):
        return iter(self._all())

    def __getitem__(self, index):
        return self._all()[index]

    def __bool__(self):
        return bool(self.pks)


class CachedPage:
    """A page of results rebuilt from the cache: what Django's Paginator needs
    (length and the slice of the requested page) without a query."""

    def __init__(self, count, start, items):
        self.total, self.start, self.items = count, start, items

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop = index.start - self.start, index.stop - self.start
            if isinstance(self.items, LazyItems):
                return LazyItems(self.items.pks[start:stop], lambda: self.items[start:stop])
            return self.items[start:stop]
        return self.items[index - self.start]


def cached_paginator(request, key, queryset, per_page, number):
    """A Paginator page whose items and count come from the frame cache.

    The first request for a page of a listing runs its two queries; the
    next ones until any publish (or the next minute) run none, and load the
    items themselves only if their rendered cards are not cached either.
    """
    from django.core.paginator import Paginator

    computed = {}

    def compute():
        paginator = Paginator(queryset, per_page)
        page = paginator.get_page(number)
        computed["items"] = list(page.object_list)
        start = page.start_index() - 1 if paginator.count else 0
        return (paginator.count, start, [item.pk for item in computed["items"]], page.number)

    count, start, pks, resolved = frame_cached(request, f"{key}:{number}", compute, timeout=TIME_BOUND)

    def load_items():
        if "items" not in computed:
            found = queryset.in_bulk(pks)
            computed["items"] = [found[pk] for pk in pks if pk in found]
        return computed["items"]

    def items():
        return frame_cached(request, f"{key}:{number}:items", load_items, timeout=TIME_BOUND)

    paginator = Paginator(CachedPage(count, start, LazyItems(pks, items)), per_page)
    return paginator, paginator.page(resolved)


def cached_document(request, key, build, timeout=TIME_BOUND):
    """A generated document (feed, calendar) built once per frame generation
    and at most `timeout` seconds old, whatever the number of readers polling
    it. `key` must name everything the document depends on (validated filter
    values, never the raw query string); `build` returns the response.
    Only complete 200 responses are kept."""
    from django.http import HttpResponse

    def freeze():
        response = build()
        if response.status_code != 200 or response.streaming:
            raise _NotCacheable(response)
        headers = tuple((name, value) for name, value in response.items() if name.lower() != "content-length")
        return response.content, response.status_code, headers

    try:
        content, status, headers = frame_cached(request, f"document:{key}", freeze, timeout)
    except _NotCacheable as not_cacheable:
        return not_cacheable.response
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class _NotCacheable(Exception):  # noqa: N818 - control flow, not an error
    def __init__(self, response):
        self.response = response
