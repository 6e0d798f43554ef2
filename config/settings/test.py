"""Tests: fast hashing, plain static storage, no manifest needed."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

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
