"""Content-Security-Policy: the exact policy on public pages (fresh and from
the page cache), feeds, documents and the admin; the report endpoint."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VIDEOS = "https://www.youtube-nocookie.com https://player.vimeo.com"
PUBLIC = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "frame-src": VIDEOS,
    "frame-ancestors": "'none'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "report-uri": "/csp-report/",
    "report-to": "csp",
}
# Wagtail's admin needs inline scripts and styles; it may frame its own previews.
ADMIN = {
    **PUBLIC,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "frame-src": f"'self' {VIDEOS}",
    "frame-ancestors": "'self'",
}


def policy(response, header="Content-Security-Policy"):
    """The policy as {directive: sources}."""
    parts = (part.strip().split(" ", 1) for part in response[header].split(";"))
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def test_public_pages_feeds_and_cached_hits_carry_the_strict_policy(client, demo_pages):
    paths = (
        "/de/",
        "/en/",
        "/de/aktuelles/",
        "/en/news/training-series-against-discrimination-starts-in-wuppertal/",
        "/de/aktuelles/feed/rss/",
        "/en/news/feed/atom/",
        "/de/veranstaltungen/calendar/",
        "/sitemap.xml",
        "/de/gibt-es-nicht/",
        "/robots.txt",
    )
    for path in paths:
        first = client.get(path)
        again = client.get(path)
        assert policy(first) == policy(again) == PUBLIC, path
        assert first["Reporting-Endpoints"] == again["Reporting-Endpoints"] == 'csp="/csp-report/"'
    # The pages above came from the page cache the second time.
    assert client.get("/de/")["X-Cache"] == "HIT"


def test_a_conditional_request_answered_from_the_cache_carries_the_policy(client, demo_pages):
    etag = client.get("/de/aktuelles/")["ETag"]
    not_modified = client.get("/de/aktuelles/", headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert policy(not_modified) == PUBLIC


def test_the_admin_has_its_own_policy_that_may_frame_its_previews(client, admin_client):
    login = client.get("/admin/login/")
    dashboard = admin_client.get("/admin/")
    assert dashboard.status_code == 200
    assert policy(login) == policy(dashboard) == ADMIN


def test_a_preview_gets_the_admins_policy_not_the_public_one(admin_client, demo_pages):
    """Wagtail renders a preview through the middleware for the page's public
    URL; the admin must still be able to frame it."""
    page = Page.objects.get(locale__language_code="de", slug="ueber-das-netzwerk")
    response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert b"<h1" in response.content
    assert policy(response) == ADMIN


def test_documents_keep_wagtails_policy_that_lets_a_file_load_nothing(client):
    document = get_document_model().objects.create(
        title="Pressemitteilung", file=ContentFile(b"%PDF-1.4\n", name="pressemitteilung.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_images_on_object_storage_or_a_cdn_are_allowed(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "nka-media", "custom_domain": "media.example.org", "querystring_auth": False},
        },
    }
    # (A response that shows no image: the bucket is not there.)
    assert policy(client.get("/robots.txt"))["img-src"] == "'self' data: https://media.example.org"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    assert policy(client.get("/robots.txt"))["img-src"] == "'self' data:"


def test_report_only_mode_blocks_nothing_but_still_upgrades_to_https(client, demo_pages, settings):
    settings.SECURITY_POLICY_REPORT_ONLY = True
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    response = client.get("/en/")
    assert "Content-Security-Policy" not in response
    assert policy(response, "Content-Security-Policy-Report-Only") == PUBLIC
    settings.SECURITY_POLICY_UPGRADE = True
    response = client.get("/de/")
    assert response["Content-Security-Policy"] == "upgrade-insecure-requests"
    assert policy(response, "Content-Security-Policy-Report-Only") == PUBLIC


def test_https_upgrades_insecure_requests(client, demo_pages, settings):
    settings.SECURITY_POLICY_UPGRADE = True
    assert policy(client.get("/de/")) == {**PUBLIC, "upgrade-insecure-requests": ""}


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"HTTPS": "1"}, "True False"),
        ({"HTTPS": "0"}, "False False"),
        ({"HTTPS": "1", "CSP_REPORT_ONLY": "1"}, "True True"),
    ],
)
def test_production_settings_follow_https_and_csp_report_only(environment, expected):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CSP_", "HTTPS"))}
    env.update(
        environment,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 50,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURITY_POLICY_UPGRADE, s.CONTENT_SECURITY_POLICY is None)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split()[-2:] == expected.split()


# The report endpoint.

REPORT = {
    "csp-report": {
        "document-uri": "https://www.example.org/de/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js",
        "source-file": "https://www.example.org/de/",
        "line-number": 12,
        "disposition": "enforce",
    }
}
REPORTS = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "https://www.example.org/en/",
        "body": {
            "documentURL": "https://www.example.org/en/",
            "effectiveDirective": "img-src",
            "blockedURL": "https://tracker.example/p.gif",
            "disposition": "report",
        },
    },
    {"type": "deprecation", "body": {"id": "x"}},
]


@pytest.fixture
def browser_client():
    """A client that, like a browser sending a report, has no CSRF token."""
    return Client(enforce_csrf_checks=True)


def post(client, body, content_type="application/csp-report"):
    return client.post(reverse("csp_report"), body, content_type=content_type)


def test_the_report_endpoint_is_the_one_the_policy_names():
    assert reverse("csp_report") == PUBLIC["report-uri"]


def test_a_report_uri_report_is_logged_as_a_warning(browser_client, caplog):
    with caplog.at_level(logging.WARNING, logger="csp"):
        response = post(browser_client, json.dumps(REPORT))
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    [record] = [r for r in caplog.records if r.name == "csp"]
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert "script-src-elem" in message
    assert "https://evil.example/x.js" in message
    assert "https://www.example.org/de/" in message


def test_reporting_api_batches_are_logged_violation_by_violation(browser_client, caplog):
    with caplog.at_level(logging.WARNING, logger="csp"):
        response = post(browser_client, json.dumps(REPORTS), "application/reports+json")
    assert response.status_code == 204
    [record] = [r for r in caplog.records if r.name == "csp"]
    assert "img-src" in record.getMessage()
    assert "https://tracker.example/p.gif" in record.getMessage()


def test_a_report_cannot_forge_lines_in_the_log(browser_client, caplog):
    forged = {"csp-report": {**REPORT["csp-report"], "blocked-uri": "x\nCRITICAL forged entry"}}
    with caplog.at_level(logging.WARNING, logger="csp"):
        assert post(browser_client, json.dumps(forged)).status_code == 204
    assert "\n" not in caplog.records[-1].getMessage()


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/csp-report", 400),
        (b"\xff\xfe\x00", "application/csp-report", 400),
        (b'"just a string"', "application/csp-report", 400),
        (b'{"csp-report": "text"}', "application/csp-report", 400),
        (b"[1, 2, 3]", "application/reports+json", 400),
        (b'[{"type": "deprecation", "body": {}}]', "application/reports+json", 400),
        (b"[" * 30_000 + b"]" * 30_000, "application/reports+json", 400),
        (json.dumps(REPORT).encode(), "text/plain", 415),
        (b'{"csp-report": {"x": "' + b"a" * 70_000 + b'"}}', "application/csp-report", 413),
    ],
)
def test_junk_is_refused_without_an_error(browser_client, body, content_type, status, caplog):
    with caplog.at_level(logging.WARNING, logger="csp"):
        response = post(browser_client, body, content_type)
    assert response.status_code == status
    assert not [r for r in caplog.records if r.name == "csp"]


def test_the_endpoint_takes_only_posts_and_is_never_cached(client):
    response = client.get(reverse("csp_report"))
    assert response.status_code == 405
    assert "no-store" in response["Cache-Control"]
