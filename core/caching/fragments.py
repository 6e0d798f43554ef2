"""Keys, the generation and the fragment cache (docs/developers/caching.md).

Everything the site caches lives in the "pages" cache alias (files shared by
the worker processes, or Redis with REDIS_URL) under a key made by
`cache_key()`: kind, Wagtail Site, language, version, arguments. Nothing in
a key or a cached value comes from the request's Host header: sites are
matched like Wagtail's Site.find_for_request, and absolute URLs come from the
Site's root URL (core.localization.absolute_url).

Fragments (menus, footer, rendered articles, listings' items, feeds, routes)
are kept per *generation*: any change an anonymous visitor could see
(core.caching.purge) starts a new one, so no fragment outlives what it shows. A
fragment that shows the time (an event that has ended, a release dated
ahead) is kept at most TIME_BOUND seconds, and so is the page built from it
(core.caching.page_cache).
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http.request import split_domain_port
from django.utils.translation import get_language

from core.utils import ascii_int

# Content that also changes with time (upcoming events, releases dated in
# the future) is kept at most this many seconds, fragments and pages alike.
TIME_BOUND = 60
# Fragments are renewed by the generation; this only bounds their life.
FRAGMENT_SECONDS = 3600
# The generation key outlives every fragment; if it is ever lost, a new
# generation simply starts.
GENERATION_SECONDS = 24 * 3600


class SharedCache:
    """The "pages" cache alias, looked up when used (settings may change in tests)."""

    def __getattr__(self, name):
        alias = "pages" if "pages" in settings.CACHES else "default"
        return getattr(caches[alias], name)


shared_cache = SharedCache()


def _digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def cache_key(kind, *args, site=None, language=None, version=None):
    """The one place a cache key is made.

    `kind` names what is kept ("fragment", "page", "path-version", …);
    `site` is a Wagtail Site (or its pk), never a host name; `language` the
    language code where the content depends on it; `version` the generation
    or path version that a purge renews; `args` the rest (hashed when long).
    """
    site_id = getattr(site, "pk", site)
    rest = ":".join(str(arg) for arg in args)
    if len(rest) > 80:
        rest = _digest(rest)
    return f"{kind}:{site_id or '-'}:{language or '-'}:{version or '-'}:{rest}"


# The generation ------------------------------------------------------------

GENERATION_KEY = cache_key("generation")


def generation():
    value = shared_cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex[:12]
        shared_cache.add(GENERATION_KEY, value, GENERATION_SECONDS)
        value = shared_cache.get(GENERATION_KEY) or value
    return value


def new_generation(**kwargs):
    """Start a new generation: every fragment is rebuilt at its next use."""
    shared_cache.set(GENERATION_KEY, uuid.uuid4().hex[:12], GENERATION_SECONDS)
    local_clear()


def site_wide_version(request=None):
    """The version of what every page shows and only a purge of every page
    changes (sites, home pages, settings, the menu, the footer, the main
    sections, view restrictions): the page cache's site-wide path version,
    so that publishing an ordinary page does not make every page look them
    up again."""
    from core.caching.page_cache import EVERY_PATH, version_key, version_seconds

    if request is not None and "_site_wide_version" in request.__dict__:
        return request._site_wide_version
    key = version_key(None, EVERY_PATH)
    value = shared_cache.get(key)
    if value is None:
        shared_cache.add(key, uuid.uuid4().hex[:10], version_seconds())
        value = shared_cache.get(key) or uuid.uuid4().hex[:10]
    if request is not None:
        request._site_wide_version = value
    return value


def request_generation(request):
    """The generation a request works in, read once at its start: a purge
    during the request makes what it stores unreachable, never stale."""
    if request is None:
        return generation()
    if "_generation" not in request.__dict__:
        request._generation = generation()
    return request._generation


# Sites: matched like Wagtail, from a per-generation list ---------------------


def _sites(request):
    """(pk, hostname, port, is_default_site, root_page_id) of every Site."""
    from wagtail.models import Site

    def load():
        return tuple(
            Site.objects.order_by("pk").values_list("pk", "hostname", "port", "is_default_site", "root_page_id")
        )

    return frame_cached(request, "sites", load, per_site=False, site_wide=True)


def _match_site(sites, hostname, port):
    """Wagtail's Site.find_for_request rules (wagtail.models.sites), in memory."""
    ranked = []
    for site in sites:
        _pk, site_hostname, site_port, is_default, _root = site
        if site_hostname == hostname and site_port == port:
            rank = 0
        elif site_hostname == hostname and is_default:
            rank = 1
        elif is_default:
            rank = 2
        elif site_hostname == hostname:
            rank = 3
        else:
            continue
        ranked.append((rank, site))
    if not ranked:
        return None
    ranked.sort(key=lambda item: item[0])
    if len(ranked) == 1 or ranked[0][0] in (0, 1):
        return ranked[0][1]
    if ranked[0][0] == 2:
        return ranked[1][1] if len(ranked) == 2 else ranked[0][1]
    return ranked[0][1]


def cached_site(request):
    """The Wagtail Site serving a request, without a query. The request's Host
    only chooses among the configured sites; it never becomes part of a key."""
    from wagtail.models import Site

    if request is None:
        return None
    if "_wagtail_site" in request.__dict__:
        return request._wagtail_site
    # get_host() raises DisallowedHost for hosts not allowed: answered 400.
    hostname = split_domain_port(request.get_host())[0]
    port = ascii_int(str(request.get_port()), max_digits=5) or 80
    found = _match_site(_sites(request), hostname, port)
    site = None
    if found is not None:
        pk, hostname, port, is_default, root_page_id = found
        site = Site(pk=pk, hostname=hostname, port=port, is_default_site=is_default, root_page_id=root_page_id)
    request._wagtail_site = site
    return site


def default_site():
    from wagtail.models import Site

    return Site.objects.filter(is_default_site=True).first()


# Fragments -------------------------------------------------------------------


def frame_cached(request, key, compute, timeout=FRAGMENT_SECONDS, per_site=True, site_wide=False):
    """A fragment, per generation, site and language; computed at most once
    per request. A timeout of TIME_BOUND or less marks content that changes
    with time: the page that shows it is cached no longer than it.

    `site_wide` fragments are kept until every page is purged instead
    (site_wide_version): only for what shows nothing but objects whose
    change purges every page (core.caching.purge.affects_every_page, settings,
    view restrictions, sites, locales).

    Previews are never served from (or written to) the cache: they show
    unsaved content.
    """
    if getattr(request, "is_preview", False):
        return compute()
    value = frame_get(request, key, per_site, site_wide)
    if value is None:
        value = compute()
        frame_set(request, key, value, timeout, per_site, site_wide)
    return value


class Expiring(tuple):
    """A fragment that must not outlive `expires` (a time.time() value)."""

    __slots__ = ()

    def __new__(cls, expires, value):
        return super().__new__(cls, (expires, value))

    def __getnewargs__(self):
        return tuple(self)


def _full_key(request, key, per_site=True, site_wide=False):
    """per_site=False: the same for every site and language (the site list,
    looked up before the request's language is known)."""
    site = cached_site(request) if per_site and request is not None else None
    language = get_language() if per_site else None
    version = site_wide_version(request) if site_wide else request_generation(request)
    kind = "site-wide" if site_wide else "fragment"
    return cache_key(kind, key, site=site, language=language, version=version)


def frame_get(request, key, per_site=True, site_wide=False):
    """What frame_cached() keeps under `key` in this generation, or None."""
    memo = request.__dict__.setdefault("_frame_cache", {}) if request is not None else {}
    if key in memo:
        return memo[key]
    value = read_through(_full_key(request, key, per_site, site_wide))
    if isinstance(value, Expiring):
        expires, value = value
        if expires <= time.time():
            return None
        limit_page_life(request, expires)
    if value is not None:
        memo[key] = value
    return value


def frame_set(request, key, value, timeout=FRAGMENT_SECONDS, per_site=True, site_wide=False):
    stored = value
    if timeout <= TIME_BOUND:
        expires = time.time() + timeout
        stored = Expiring(expires, value)
        limit_page_life(request, expires)
    full_key = _full_key(request, key, per_site, site_wide)
    shared_cache.set(full_key, stored, timeout)
    _local_set(full_key, stored)
    if request is not None:
        request.__dict__.setdefault("_frame_cache", {})[key] = value


def limit_page_life(request, expires):
    """The page being built shows something that changes at `expires`."""
    if request is not None:
        request._expires = min(getattr(request, "_expires", expires), expires)


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


# Each worker also keeps the immutable pieces (rendered HTML, documents,
# tuples of plain values) it has read in memory for a few seconds: their keys
# carry the generation or path version, so a purge makes them unreachable at
# once; what is time-bound carries its expiry time and is checked on read.
# Bounded in entries and in bytes: when either is reached it starts afresh,
# so however many distinct pages visitors ask for, a worker's memory stays put
# (tests/infra/test_memory.py). The bounds are settings
# (WORKER_MEMORY_CACHE_ENTRIES, WORKER_MEMORY_CACHE_MB).
_LOCAL = {}
LOCAL_ENTRIES = settings.WORKER_MEMORY_CACHE_ENTRIES
LOCAL_BYTES = settings.WORKER_MEMORY_CACHE_MB * 1024 * 1024
LOCAL_SECONDS = 10
_local_bytes = 0


def _immutable(value):
    if isinstance(value, str | bytes | int | float | bool | type(None)):
        return True
    return isinstance(value, tuple) and all(_immutable(item) for item in value)


def _size(value, depth=0):
    """Roughly the bytes a value holds: its text, bytes and items."""
    if isinstance(value, str | bytes):
        return 50 + len(value)
    if depth > 3:
        return 64
    if isinstance(value, tuple | list):
        return 56 + sum(_size(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return 64 + sum(_size(key, depth + 1) + _size(item, depth + 1) for key, item in value.items())
    return 64


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
    global _local_bytes
    size = _size(value) + _size(full_key)
    if size > LOCAL_BYTES // 8:
        return  # one huge document would push out everything else
    if len(_LOCAL) >= LOCAL_ENTRIES or _local_bytes + size > LOCAL_BYTES:
        local_clear()
    _LOCAL[full_key] = (time.monotonic() + LOCAL_SECONDS, value)
    _local_bytes += size


def local_clear():
    global _local_bytes
    _LOCAL.clear()
    _local_bytes = 0


def site_settings(request):
    """The site settings (header, footer, feeds, structured data) from the frame cache."""
    from core.models import SiteSettings

    if request is None:  # outside a request (the worker's mails): the default site's
        return SiteSettings.for_site(default_site())
    return frame_cached(request, "site_settings", lambda: SiteSettings.for_request(request), site_wide=True)


def cached_document(request, key, build, timeout=TIME_BOUND):
    """A generated document (feed, calendar) built once per generation and at
    most `timeout` seconds old, whatever the number of readers polling it.
    `key` must name everything the document depends on (validated filter
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
