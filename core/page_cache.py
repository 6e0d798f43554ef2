"""Anonymous full-page cache with exact purges.

A public page, listing, feed, calendar or sitemap that an anonymous visitor
gets is kept in the shared cache ("pages" alias: files shared by the worker
processes by default, Redis with REDIS_URL) and served from there until it
expires (PAGE_CACHE_SECONDS) or an edit purges it. Never cached, never served
from the cache: requests with a session cookie (logged-in editors), anything
but GET/HEAD, the admin and previews, responses that set cookies or carry a
CSRF token, private/no-store responses (the search) and anything but 200.

Purging is by path: each path has a version in the cache, and every cached
variant of it (query strings such as ?page=2 or ?topic=…) is stored under
that version, so purging a path drops all its variants at once, in every
worker. core.purge decides which paths an edit touches and also sends them
to Wagtail's frontend cache (CDN, Varnish) when one is configured.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags, quote_etag

from core.cache import read_through, shared_cache

CACHED_PREFIXES = ("/de/", "/en/", "/sitemap.xml", "/sitemap-")
SKIPPED_PREFIXES = ("/de/_util/", "/en/_util/")
ALL_KEY = "pagecache:all"
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Vary",
    "Link",
    "X-Robots-Tag",
    "X-Frame-Options",
    "Content-Security-Policy",
)


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def _version(name, create=True):
    value = shared_cache.get(name)
    if value is None and create:
        value = uuid.uuid4().hex[:10]
        shared_cache.add(name, value, None)
        value = shared_cache.get(name) or value
    return value


def path_key(host, path):
    return "pagecache:path:" + hashlib.md5(f"{host}{path}".encode(), usedforsecurity=False).hexdigest()


def entry_key(request):
    host = request.get_host()
    versions = f"{_version(ALL_KEY)}:{_version(path_key(host, request.path))}"
    variant = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:entry:{versions}:{variant}"


def purge_paths(paths, hosts=None):
    """Drop every cached variant of these paths (on every host the site answers)."""
    hosts = hosts or known_hosts()
    for path in set(paths):
        for host in hosts:
            shared_cache.set(path_key(host, path), uuid.uuid4().hex[:10], None)


def purge_all():
    shared_cache.set(ALL_KEY, uuid.uuid4().hex[:10], None)


def remember_host(host):
    hosts = shared_cache.get("pagecache:hosts") or []
    if host not in hosts:
        shared_cache.set("pagecache:hosts", [*hosts, host][-20:], None)


def known_hosts():
    return shared_cache.get("pagecache:hosts") or []


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
    # "Vary: Cookie" is on every page (the user bar looks at the session);
    # requests with a session never reach the cache, so what matters is a
    # CSRF token in the page: that would be someone's own.
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


class PageCacheMiddleware:
    """Put this right after WhiteNoise: a hit skips sessions, locale and views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = entry_key(request)
        # The key changes with every purge of the path: an entry this worker
        # read a moment ago is still the one to serve.
        entry = read_through(key, any_value=True)
        if entry is not None:
            return self.from_entry(request, entry)
        response = self.get_response(request)
        if cacheable_response(request, response):
            self.store(request, key, response)
            response["X-Cache"] = "MISS"
        return response

    def store(self, request, key, response):
        content = response.content
        etag = quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest())
        response["ETag"] = etag
        now = time.time()
        response.setdefault("Last-Modified", http_date(now))
        # Browsers check back every time (a cheap 304); shared caches (a CDN)
        # keep the page until the app purges it or it expires.
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds(), must_revalidate=True)
        headers = {
            name: response[name] for name in (*KEPT_HEADERS, "Cache-Control", "Last-Modified") if name in response
        }
        remember_host(request.get_host())
        shared_cache.set(key, {"content": content, "headers": headers, "etag": etag, "stored": now}, seconds())

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
