"""Several app servers are configured by environment variables alone; without them the site runs on one machine."""

import os
import secrets
import subprocess
import sys

from django.core.exceptions import ImproperlyConfigured

import pytest

from tests.infra.conftest import ROOT, base_settings


def test_without_service_variables_everything_stays_local():
    configured = base_settings()
    assert configured["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert "SESSION_ENGINE" not in configured  # Django's database sessions
    assert configured["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert configured["SERVE_MEDIA"] is True
    assert configured["WAGTAILFRONTENDCACHE"] == {}


def test_database_connections_persist_and_are_checked_before_reuse():
    database = base_settings(DATABASE_URL="postgres://site@db.example.org:5432/netzwerk", CONN_MAX_AGE="120")
    assert database["DATABASES"]["default"]["CONN_MAX_AGE"] == 120
    assert database["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True
    assert base_settings()["DATABASES"]["default"]["CONN_MAX_AGE"] > 0


def test_redis_url_shares_the_cache_and_sessions_survive_a_redis_restart():
    configured = base_settings(REDIS_URL="redis://cache.internal:6379/1")
    cache = configured["CACHES"]["default"]
    assert cache["BACKEND"] == "core.caching.redis_cache.ResilientRedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/1"
    assert cache["KEY_PREFIX"]
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 0.5
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 0.5
    assert configured["DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS"] is False  # the breaker logs an outage once
    # Written to the database, read from Redis: a Redis restart logs nobody out.
    assert configured["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_a_bucket_name_moves_media_to_object_storage_and_stops_serving_them():
    configured = base_settings(
        AWS_STORAGE_BUCKET_NAME="nka-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    storage = configured["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] | {"object_parameters": None} == {
        "bucket_name": "nka-media",
        "endpoint_url": "https://s3.example.org",
        "region_name": "eu-central-1",
        "custom_domain": "media.example.org",
        "querystring_auth": False,
        "file_overwrite": False,
        "object_parameters": None,
    }
    assert "max-age=" in storage["OPTIONS"]["object_parameters"]["CacheControl"]
    # Credentials stay in the environment, where boto3 reads them; never in settings.
    assert "secret" not in repr(storage)
    assert configured["SERVE_MEDIA"] is False
    assert configured["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")
    assert base_settings(AWS_STORAGE_BUCKET_NAME="nka-media", SERVE_MEDIA="1")["SERVE_MEDIA"] is True


def test_private_documents_are_served_through_the_app_never_by_redirect():
    assert base_settings(AWS_STORAGE_BUCKET_NAME="nka-media")["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert base_settings()["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_frontend_caches_are_configured_by_environment():
    configured = base_settings(
        FRONTEND_CACHE_HTTP_URL="http://varnish.internal:6081",
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone",
        FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN="token",
        FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID="E123",
    )["WAGTAILFRONTENDCACHE"]
    assert configured == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish.internal:6081",
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123",
        },
    }


def test_a_cloudflare_zone_without_token_fails_at_start_not_at_the_first_publish():
    with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"):
        base_settings(FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone")


def test_wagtails_frontend_cache_handlers_are_not_installed_beside_ours():
    # core.caching.purge sends every purge through the frontend-cache backends; the
    # app's own signal handlers would purge each publish a second time.
    assert "wagtail.contrib.frontend_cache" not in base_settings()["INSTALLED_APPS"]


@pytest.mark.slow
def test_check_deploy_is_clean_with_every_service_on():
    environment = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "HTTPS"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="www.example.org",
        REDIS_URL="redis://cache.internal:6379/0",
        AWS_STORAGE_BUCKET_NAME="nka-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        FRONTEND_CACHE_HTTP_URL="http://varnish.internal:6081",
        EMAIL_HOST="smtp.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_email_host_alone_sends_mail_by_smtp():
    configured = base_settings(EMAIL_HOST="smtp.example.org")
    assert configured["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert configured["EMAIL_HOST"] == "smtp.example.org"
    assert base_settings()["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    chosen = base_settings(EMAIL_HOST="smtp.example.org", EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
    assert chosen["EMAIL_BACKEND"] == "django.core.mail.backends.locmem.EmailBackend"
