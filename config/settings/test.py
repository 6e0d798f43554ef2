"""Tests: fast hashing, plain static storage, no manifest needed."""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS, env_bool

# Demo content and the developer tooling (benchmark, throwaway servers).
INSTALLED_APPS = [*(app for app in INSTALLED_APPS if app != "demo"), "demo", "devtools"]

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
# The demo Site (load_demo, configure_site) is served at the test client's host.
BASE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True
# Independent of the services a developer's environment names: tests that
# need Redis, S3 or a frontend cache switch them on themselves (tests/infra).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Large enough that no test passes because an entry was evicted.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
}
# Renditions are made on first use, so loading the demo for every test
# session stays quick; tests/core/test_renditions.py turns the worker's part on.
PRERENDER_RENDITIONS = False
# The page cache is on, as for visitors: every test sees what a visitor sees.
# Tests that count the queries of rendering a page switch it off.
PAGE_CACHE_ENABLED = True
SESSION_ENGINE = "django.contrib.sessions.backends.db"
WAGTAILFRONTENDCACHE = {}
# Tasks run inline; tests/infra/test_tasks.py switches to the database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each search is counted at once (search/hits.py).
SEARCH_HITS_FLUSH_SECONDS = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"


def kept_database_name():
    """The name of a test database kept between runs (`make test-fast`):
    it changes whenever what the database is built from changes (the
    migrations, the demo content, the rendition specs, the installed
    packages), so a kept database is never out of date, only replaced."""
    import hashlib

    digest = hashlib.sha256()
    sources = sorted(
        [*BASE_DIR.glob("*/migrations/*.py"), *BASE_DIR.glob("demo/**/*.py"), BASE_DIR / "core" / "images.py"]
    )
    for path in [*sources, BASE_DIR / "requirements.lock"]:
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    key = digest.hexdigest()[:12]
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        folder = BASE_DIR / "var" / "test-databases"
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / f"{key}.sqlite3")
    return f"test_nka_{key}"


# `make test-fast` keeps the test database (migrated, demo loaded, its
# renditions made) for the next run; `make test` builds it afresh.
if env_bool("TEST_KEEP_DATABASE"):
    DATABASES["default"]["TEST"] = {"NAME": kept_database_name()}
