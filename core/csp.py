"""Content-Security-Policy: one policy for the public site, one for the admin,
and the endpoint browsers send violation reports to.

django-csp writes the header; this middleware chooses the policy by path
(Wagtail's admin needs inline scripts and styles, the public site none), adds
the media host when uploads live in object storage or behind a CDN, and
names the report endpoint in `Reporting-Endpoints`. It sits before the page
cache in MIDDLEWARE, so cached pages get exactly the header of fresh ones.
"""

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import storages
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from csp.utils import build_policy, default_config

logger = logging.getLogger("csp")

ADMIN_PREFIX = "/admin/"
# Name of the endpoint in `Reporting-Endpoints` and the policy's `report-to`.
REPORT_GROUP = "csp"
# A browser's report is a few hundred bytes; a batch of them a few KB.
MAX_REPORT_BYTES = 64 * 1024
# At most this many violations of one request are logged.
MAX_LOGGED = 20
REPORT_TYPES = ("application/csp-report", "application/reports+json", "application/json")

_media_origin = [None, None]  # (storage, its origin)


def media_origin():
    """The origin of uploaded images when it is not the site's own (object
    storage, CDN), asked of the storage itself so it matches every image URL.
    Building a URL contacts nothing, not even the object store."""
    storage = storages["default"]
    if _media_origin[0] is not storage:
        url = urlsplit(storage.url("images/probe.jpg"))
        _media_origin[:] = [storage, f"{url.scheme}://{url.netloc}" if url.scheme and url.netloc else None]
    return _media_origin[1]


def directives_for(request, framed=False):
    """The directives of the site's policy for this request (admin or public);
    `framed`: a page any website may show in a frame (let_any_site_frame)."""
    admin = request.path_info.startswith(ADMIN_PREFIX)
    directives = dict(settings.SECURITY_POLICY_ADMIN if admin else settings.SECURITY_POLICY_PUBLIC)
    origin = media_origin()
    if origin:
        directives["img-src"] = [*directives["img-src"], origin]
    if settings.SECURITY_POLICY_UPGRADE:
        directives["upgrade-insecure-requests"] = True
    if framed:
        directives["frame-ancestors"] = settings.SECURITY_POLICY_FRAMED_BY
    return directives


def site_config(directives, report_only):
    """django-csp's config for one of the two headers (enforced or report-only)
    of the site's policy, or None for no such header. With CSP_REPORT_ONLY
    the policy is only reported; `upgrade-insecure-requests`, which a
    report-only policy cannot carry, is then the only enforced directive."""
    if report_only != settings.SECURITY_POLICY_REPORT_ONLY:
        upgrade = not report_only and directives.get("upgrade-insecure-requests")
        return {"upgrade-insecure-requests": True} if upgrade else None
    if report_only:
        directives = {name: value for name, value in directives.items() if name != "upgrade-insecure-requests"}
    return default_config(directives)


def let_any_site_frame(request, response):
    """Let any website show this response in a frame (the embeddable lists of
    core.embed): the site's policy with `frame-ancestors` widened to
    SECURITY_POLICY_FRAMED_BY, and no X-Frame-Options. The view writes the
    policy itself, so the page cache keeps it with the page: the middleware
    sits outside the page cache and, on a hit, would know only the path."""
    response.xframe_options_exempt = True
    directives = directives_for(request, framed=True)
    for header, report_only in ((HEADER, False), (HEADER_REPORT_ONLY, True)):
        config = site_config(directives, report_only)
        if config is not None:
            response[header] = build_policy(config=config, report_only=report_only)
    return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the site's choice of policy per path.

    With CSP_REPORT_ONLY the policy is sent as Content-Security-Policy-Report-Only
    (browsers report, block nothing; see site_config). A view's own header
    (Wagtail's `default-src 'none'` on documents, the site's policy that
    let_any_site_frame wrote) is kept.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is not None:  # a view's own @csp_override
            return parts
        parts.config = site_config(directives_for(request), report_only)
        return parts

    def process_response(self, request, response):
        if getattr(response, "_site_policy", False) and request.path_info.startswith(ADMIN_PREFIX):
            # A preview: Wagtail rendered the page through the middleware for
            # its public URL; in the admin's frame it gets the admin's policy.
            for header in (HEADER, HEADER_REPORT_ONLY):
                if header in response:
                    del response[header]
        own_policy = HEADER in response
        response = super().process_response(request, response)
        if not own_policy:
            response._site_policy = True
        # Wherever the site's policy came from (here, a view, the page cache).
        if any(f"report-to {REPORT_GROUP}" in response.get(header, "") for header in (HEADER, HEADER_REPORT_ONLY)):
            response.headers.setdefault(
                "Reporting-Endpoints", f'{REPORT_GROUP}="{settings.SECURITY_POLICY_REPORT_URL}"'
            )
        return response


def _field(report, *names):
    """A report's field (either spelling) as a short, printable string."""
    for name in names:
        value = report.get(name)
        if value not in (None, ""):
            return "".join(c if c.isprintable() else "?" for c in str(value))[:300]
    return "-"


def _violations(data):
    """The violation bodies of a report-uri (`csp-report`) or Reporting API
    (`reports+json`, a list of reports) payload."""
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]
    if isinstance(data, list):
        return [
            item["body"]
            for item in data
            if isinstance(item, dict) and item.get("type") == "csp-violation" and isinstance(item.get("body"), dict)
        ]
    return []


@csrf_exempt
@never_cache
@require_POST
def csp_report(request):
    """Browsers POST what the policy blocked (or would block, in report-only
    mode); each violation is logged at WARNING on the logger `csp`. Answers
    204; 400, 413 or 415 to anything that is not a report."""
    if request.content_type not in REPORT_TYPES:
        return HttpResponse(status=415)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponse(status=400)
    if declared > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        body = request.read(MAX_REPORT_BYTES + 1)
    except OSError:
        return HttpResponse(status=400)
    if len(body) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        violations = _violations(json.loads(body))
    except (ValueError, RecursionError):
        return HttpResponse(status=400)
    if not violations:
        return HttpResponse(status=400)
    for report in violations[:MAX_LOGGED]:
        logger.warning(
            "CSP violation (%s): %s blocked %s on %s (%s:%s)",
            _field(report, "disposition"),
            _field(report, "effective-directive", "effectiveDirective", "violated-directive"),
            _field(report, "blocked-uri", "blockedURL"),
            _field(report, "document-uri", "documentURL"),
            _field(report, "source-file", "sourceFile"),
            _field(report, "line-number", "lineNumber"),
        )
    return HttpResponse(status=204)
