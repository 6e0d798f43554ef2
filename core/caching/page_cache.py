"""Anonymous full-page cache with exact purges (docs/developers/caching.md).

A public page, listing, feed, calendar, sitemap or answer of the read API
(/api/) that an anonymous visitor gets is kept in the shared cache and
served from there until it expires or an edit purges it
(core.caching.purge). Never cached, never served from the cache:
requests with a session cookie (logged-in editors), anything but GET/HEAD,
the admin and previews, responses that set cookies or carry a CSRF token,
private/no-store responses (the search, pages behind a view restriction)
and anything but 200.

Keys: the Site (never the request's Host), the path, the query parameters
the view understood (`vary_on`), and two *path versions*: one for the path,
one for the whole site. A purge gives a path (or the site) a new version,
which makes every cached variant of it unreachable at once, in every worker.
Looking a page up writes nothing: a 404 or a made-up query string leaves no
entry behind, and every key expires.

Stale if error: an entry is kept PAGE_CACHE_STALE_SECONDS after it expires.
If rendering the page afresh fails (5xx: the database restarting, say), that
last good copy is served instead, marked with a `Warning` header, and not
kept by shared caches. A purged entry is never served: what an edit (an
unpublish, a new privacy setting) replaced stays replaced.
"""

import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags, quote_etag

from core.caching.fragments import cache_key, cached_site, read_through, shared_cache

CACHED_PREFIXES = ("/de/", "/en/", "/sitemap.xml", "/sitemap-", "/api/")
SKIPPED_PREFIXES = ("/de/_util/", "/en/_util/")
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Vary",
    "Link",
    "X-Robots-Tag",
    "X-Frame-Options",
    "Content-Security-Policy",
    "Content-Security-Policy-Report-Only",
)
EVERY_PATH = "*"

logger = logging.getLogger(__name__)


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def stale_seconds():
    return getattr(settings, "PAGE_CACHE_STALE_SECONDS", 3600)


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def version_key(site, path):
    """The key of a path's version (EVERY_PATH: the whole site's)."""
    return cache_key("path-version", path, site=site)


def _new_version():
    return uuid.uuid4().hex[:10]


def version_seconds():
    # Longer than any entry is kept (stale copies included) plus the longest
    # render: an entry stored under an old version never becomes reachable again.
    return 2 * (seconds() + stale_seconds()) + 60


def purge_paths(site, paths):
    """Drop every cached variant of these paths of a site."""
    shared_cache.set_many({version_key(site, path): _new_version() for path in set(paths)}, version_seconds())


def purge_all():
    """Drop every cached page (of every site)."""
    shared_cache.set(version_key(None, EVERY_PATH), _new_version(), version_seconds())


def vary_on(request, **params):
    """Declare the query parameters a view understood, with their validated,
    normalised values (None: not used). The page cache keeps a response only
    if its query string holds exactly these: junk parameters, unknown values
    and other spellings are answered but never stored."""
    if request is None:
        return
    understood = request.__dict__.setdefault("_cache_params", {})
    for name, value in params.items():
        if value is not None and value != "":
            understood[name] = str(value)


def _query(request):
    """The request's query as sorted (name, value) pairs, or None if a name
    repeats (a view reads one value; such variants are never stored)."""
    items = []
    for name, values in request.GET.lists():
        if len(values) != 1:
            return None
        items.append((name, values[0]))
    return sorted(items)


def cacheable_request(request):
    if not enabled() or request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if not path.startswith(CACHED_PREFIXES) or path.startswith(SKIPPED_PREFIXES):
        return False
    # Logged-in editors (and anyone with a session) always get a fresh page.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    # Only the parameters the view understood, with the values it understood.
    if _query(request) != sorted(getattr(request, "_cache_params", {}).items()):
        return False
    # "Vary: Cookie" is on every page (the user bar looks at the session);
    # requests with a session never reach the cache, so what matters is a
    # CSRF token in the page: that would be someone's own.
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


class Lookup:
    """Where a request's page is (or would be) kept."""

    def __init__(self, request):
        site = cached_site(request)
        self.site = site
        self.names = [version_key(None, EVERY_PATH), version_key(site, request.path)]
        found = shared_cache.get_many(self.names)
        self.missing = [name for name in self.names if name not in found]
        # A version not yet set is chosen now and claimed only when storing:
        # if a purge sets it in between, this request's page is not kept.
        self.versions = {name: found.get(name) or _new_version() for name in self.names}
        query = _query(request)
        variant = hashlib.md5(repr(query).encode(), usedforsecurity=False).hexdigest()
        version = ".".join(self.versions[name] for name in self.names)
        self.key = cache_key("page", request.path, variant, site=site, version=version)

    def entry(self):
        """The entry kept for these versions, fresh or expired (then only
        served if rendering fails)."""
        if self.missing:
            return None
        # The key changes with every purge of the path: an entry this worker
        # read a moment ago is still the one to serve.
        return read_through(self.key, any_value=True)

    def claim(self):
        """Set the versions this lookup chose; False if a purge came first."""
        claimed = True
        for name in self.missing:
            if not shared_cache.add(name, self.versions[name], version_seconds()):
                claimed = shared_cache.get(name) == self.versions[name] and claimed
        return claimed


class PageCacheMiddleware:
    """Put this right after WhiteNoise: a hit skips sessions, locale and views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            lookup = Lookup(request)
        except DatabaseError:
            # The Sites were not in the cache and the database failed: the
            # view fails the same way and answers for it.
            return self.get_response(request)
        entry = lookup.entry()
        if entry is not None and entry["expires"] > time.time():
            return self.from_entry(request, entry)
        response = self.get_response(request)
        if response.status_code >= 500 and entry is not None:
            return self.stale(request, entry, response)
        if cacheable_response(request, response):
            self.store(request, lookup, response)
            response["X-Cache"] = "MISS"
        return response

    def store(self, request, lookup, response):
        content = response.content
        etag = quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest())
        response["ETag"] = etag
        now = time.time()
        response.setdefault("Last-Modified", http_date(now))
        # A page that shows something changing with time (an event ending, a
        # release dated ahead) lives no longer than that piece.
        life = seconds()
        expires = getattr(request, "_expires", None)
        if expires is not None:
            life = max(1, min(life, int(expires - now)))
        # Browsers check back every time (a cheap 304); shared caches (a CDN)
        # keep the page until the app purges it or it expires.
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=life,
            must_revalidate=True,
            stale_if_error=stale_seconds(),
        )
        headers = {
            name: response[name] for name in (*KEPT_HEADERS, "Cache-Control", "Last-Modified") if name in response
        }
        if not lookup.claim():
            return
        entry = {"content": content, "headers": headers, "etag": etag, "stored": now, "expires": now + life}
        shared_cache.set(lookup.key, entry, life + stale_seconds())

    def from_entry(self, request, entry):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match and (entry["etag"] in parse_etags(if_none_match) or if_none_match.strip() == "*"):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(entry["content"] if request.method == "GET" else b"")
            response["Content-Length"] = str(len(entry["content"]))
        for name, value in entry["headers"].items():
            response[name] = value
        response["ETag"] = entry["etag"]
        response["Age"] = str(max(0, int(time.time() - entry["stored"])))
        response["X-Cache"] = "HIT"
        return response

    def stale(self, request, entry, failed):
        """The last good copy, for a page that failed to render afresh."""
        logger.warning(
            "Served a stale copy of %s (%d s old): rendering it failed with %d",
            request.path,
            time.time() - entry["stored"],
            failed.status_code,
        )
        response = self.from_entry(request, entry)
        # RFC 9111 obsoletes the header but caches and people still read it.
        response["Warning"] = '110 - "Response is Stale"'
        response["X-Cache"] = "STALE"
        # A shared cache (the CDN) asks again next time instead of keeping it.
        response["Cache-Control"] = "public, max-age=0, must-revalidate, s-maxage=0"
        return response
