"""/healthz tells a load balancer whether this app server can reach its database and cache."""

import os
import secrets
import subprocess
import sys
import time
from unittest import mock

from django.db import DatabaseError

import pytest

from tests.infra.conftest import ROOT, base_settings, free_port

pytestmark = pytest.mark.django_db


def test_a_healthy_server_answers_200_with_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_checks_set_no_cookie_and_leave_sessions_alone(client):
    response = client.get("/healthz", headers={"accept-language": "en"})
    assert response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_failing_database_answers_503(client):
    with mock.patch("core.views.connection") as connection:
        connection.cursor.side_effect = DatabaseError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_an_unreachable_redis_answers_degraded_as_pages_are_still_served(client, settings):
    # Production's cache settings (IGNORE_EXCEPTIONS on), pointed at a port nobody listens on.
    settings.CACHES = base_settings(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")["CACHES"]
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 1
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}


def test_a_cache_that_raises_answers_degraded(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": False},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"


def test_a_healthy_redis_answers_200(client, redis_settings):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_is_in_neither_robots_nor_sitemap(client):
    for url in ("/robots.txt", "/sitemap.xml", "/sitemap-pages.xml"):
        response = client.get(url)
        assert response.status_code == 200
        assert "healthz" not in response.content.decode()


@pytest.mark.slow
def test_production_answers_health_checks_on_plain_http(tmp_path):
    """HTTPS on: every page redirects to https, /healthz answers where it is asked."""
    script = (
        "from django.test import Client; c = Client(HTTP_HOST='localhost'); "
        "print(c.get('/healthz').status_code, c.get('/de/').status_code)"
    )
    environment = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "HTTPS"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        EMAIL_HOST="smtp.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split()[-2:] == ["200", "301"], result.stdout + result.stderr
