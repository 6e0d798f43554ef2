"""A shared Redis cache: every app server sees it, and losing it costs speed, not pages or logins."""

import logging
import os
import secrets
import subprocess
import sys

from django.core.cache import cache

import pytest
import redis

from tests.infra.conftest import ROOT

pytestmark = pytest.mark.django_db


def test_a_value_cached_by_one_app_server_is_read_by_another(redis_server, redis_settings, tmp_path):
    cache.set("shared-check", "from the first server", timeout=60)
    environment = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL=redis_server.url,
    )
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.core.cache import cache; print(cache.get('shared-check'))",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1:] == ["from the first server"], result.stdout + result.stderr


def test_keys_carry_the_site_prefix(redis_server, redis_settings):
    cache.set("prefixed", 1)
    keys = redis.Redis.from_url(redis_server.url).keys("*prefixed")
    assert [key.decode() for key in keys] == [f"{redis_settings['CACHES']['default']['KEY_PREFIX']}:1:prefixed"]


def test_sessions_survive_a_redis_restart(client, admin_user, verified_login, redis_server, redis_settings):
    verified_login(client, admin_user)
    assert client.get("/admin/").status_code == 200
    assert redis.Redis.from_url(redis_server.url).keys("*sessions.cached_db*"), "sessions are read from Redis"

    redis_server.stop()
    assert client.get("/admin/").status_code == 200  # Redis down: read from the database

    redis_server.start()  # back, and empty
    assert redis.Redis.from_url(redis_server.url).dbsize() == 0
    assert client.get("/admin/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_pages_are_served_while_redis_is_down_and_the_outage_is_logged(client, redis_server, redis_settings, caplog):
    assert client.get("/de/").status_code == 200
    assert redis.Redis.from_url(redis_server.url).dbsize() > 0, "pages use the cache"
    redis_server.stop()
    with caplog.at_level(logging.ERROR, logger="django_redis"):
        assert client.get("/de/").status_code == 200
        assert client.get("/en/").status_code == 200
    assert any(record.name.startswith("django_redis") for record in caplog.records)
    assert client.get("/healthz").status_code == 503
