"""Site-wide views outside the page tree: root redirect, robots, health check, errors."""

import logging
import sys
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.utils import ascii_int, client_ip

logger = logging.getLogger(__name__)


@require_safe
def root_redirect(request):
    """Send visitors from / to their preferred language (Accept-Language), German otherwise."""
    response = HttpResponseRedirect(f"/{get_language()}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    from core.localization import absolute_url

    sitemap = absolute_url(request, "/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /documents/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """For load balancers: can this app server serve pages?

    200 `ok`: database and cache work. 200 `degraded`: the cache (Redis)
    fails, pages are served from the database; the server stays in
    rotation, as every server shares that cache. 503 `error`: the database
    fails. Answers within a second either way (the cache's breaker skips a
    Redis known to be down). Touches no session and sets no cookie. With
    IGNORE_EXCEPTIONS a Redis outage never raises, so the cache is checked
    by reading back what was just written.
    """
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database unreachable")
        checks["database"] = "error"
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    try:
        cache.set(key, value, timeout=10)
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was written")
        cache.delete(key)
    except Exception as error:
        logger.warning("Health check: cache unusable: %s", error)
        checks["cache"] = "error"
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, **checks}, status=code)


def page_not_found(request, exception=None):
    """404 in the visitor's language, with the site's header and footer."""
    return TemplateResponse(request, "404.html", {"request_path": request.path}, status=404)


def permission_denied(request, exception=None):
    """403 in the visitor's language, with the site's header and footer."""
    return TemplateResponse(request, "403.html", {}, status=403)


def bad_request(request, exception=None):
    """400 (e.g. a malformed address) in the site's design; plain when the
    request itself cannot be rendered for (an unknown Host header)."""
    try:
        return TemplateResponse(request, "400.html", {}, status=400).render()
    except Exception:
        return HttpResponse(
            "<!doctype html><title>400</title><h1>Bad request / Ungültige Anfrage</h1>",
            status=400,
        )


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (expired, cookies off): what to do, in the site's language."""
    return TemplateResponse(request, "403.html", {"csrf_failure": True}, status=403)


def server_error(request):
    """500 page: kept free of database access, since the database may be what
    failed. If it did (unreachable, restarting), the answer is 503 with
    Retry-After: the server is fine and the page will be back."""
    unavailable = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    try:
        body = loader.render_to_string("500.html", {"LANGUAGE_CODE": get_language(), "unavailable": unavailable})
    except Exception:  # the last line of defence must not fail itself
        logger.exception("Rendering 500.html failed")
        body = "<!doctype html><title>500</title><h1>Server error / Serverfehler</h1>"
    response = HttpResponse(body, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "30"
    return response


def _sitemaps():
    from core.sitemaps import MultilingualSitemap

    return {"pages": MultilingualSitemap}


def locked_out(request, response=None, credentials=None):
    """The answer to a login (admin or page password) after too many wrong
    passwords: 429, in the visitor's language, saying how long it lasts."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return TemplateResponse(request, "core/locked_out.html", {"cooloff_minutes": minutes}, status=429).render()


PASSWORD_FAILURES_PER_ADDRESS = 5
PASSWORD_FAILURES_PER_RESTRICTION = 30


def throttled_password_view(view, kind):
    """Wagtail's password form of a private page or document collection, with
    the admin login's defence: 5 wrong passwords from one address (or 30 from
    anywhere) for one restriction, and it answers 429 for AXES_COOLOFF_TIME.
    A wrong password re-renders the form (200); a right one redirects."""
    from core.caching.fragments import cache_key, shared_cache

    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())

    def wrapper(request, *args, **kwargs):
        restriction = next(iter(kwargs.values()), "")
        address = client_ip(request)
        keys = {
            cache_key("password-failures", kind, restriction, address): PASSWORD_FAILURES_PER_ADDRESS,
            cache_key("password-failures", kind, restriction): PASSWORD_FAILURES_PER_RESTRICTION,
        }
        if request.method != "POST":
            return view(request, *args, **kwargs)
        counts = shared_cache.get_many(list(keys))
        if any(counts.get(key, 0) >= limit for key, limit in keys.items()):
            return locked_out(request)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:  # the form again: a wrong password
            for key in keys:
                shared_cache.add(key, 0, seconds)
                try:
                    shared_cache.incr(key)
                except ValueError:  # expired in between
                    shared_cache.set(key, 1, seconds)
        return response

    return wrapper


def media_file(request, path):
    """An uploaded image or rendition from MEDIA_ROOT (config/urls.py routes
    nothing else here)."""
    from django.views.static import serve

    return serve(request, path, document_root=settings.MEDIA_ROOT)


def sitemap_index(request):
    """/sitemap.xml: the index of the sitemap files, built once per frame generation."""
    from core.caching.fragments import cached_document
    from core.sitemaps import index

    def build():
        return index(request, sitemaps=_sitemaps(), sitemap_url_name="sitemap-section").render()

    layout = _sitemap_layout(request)
    return cached_document(request, f"sitemap:{layout}", build, timeout=3600)


def _sitemap_layout(request):
    """The id of the sitemap's current split into files; the page lives no longer than it."""
    from core.caching.fragments import limit_page_life

    layout = _sitemaps()["pages"](request).layout()
    limit_page_life(request, layout["expires"])
    return layout["id"]


def sitemap_section(request, section):
    """/sitemap-pages.xml?p=N: one file of the sitemap, built once per frame
    generation (crawlers fetch them often; listing thousands of pages takes
    a while). Kept per scheme and host (its URLs are absolute) and file."""
    from wagtail.contrib.sitemaps.views import sitemap

    from core.caching.fragments import cached_document

    def build():
        response = sitemap(request, sitemaps=_sitemaps(), section=section, template_name="sitemap_pages.xml")
        return response.render() if hasattr(response, "render") else response

    number = ascii_int(request.GET.get("p", "1"), max_digits=4)
    if number is None:
        raise Http404("No such sitemap file")
    from core.caching.page_cache import vary_on

    vary_on(request, p=str(number) if "p" in request.GET else None)
    key = f"sitemap:{section}:{_sitemap_layout(request)}:{number}"
    return cached_document(request, key, build, timeout=3600)
