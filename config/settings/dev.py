"""Local development with runserver: DEBUG on, throwaway secret."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES, env_bool

# Demo content and the developer tooling (benchmark, throwaway servers).
INSTALLED_APPS = [*(app for app in INSTALLED_APPS if app != "demo"), "demo", "devtools"]

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
