"""Production settings: secure by default, nothing but environment variables to set."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

# Each runs manage.py in a process of its own, with production settings.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "HTTPS"} and not k.startswith("EMAIL_")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="www.example.org",
        EMAIL_HOST="smtp.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage(
        "check", DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY="", EMAIL_HOST="smtp.example.org"
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        EMAIL_HOST="smtp.example.org",
    )
    assert result.stdout.split()[-2:] == ["False", "True"], result.stderr


def test_production_refuses_to_write_mails_to_the_log_unless_told_to():
    """Without EMAIL_HOST or EMAIL_BACKEND, mails (password-reset links
    included) would end up in the server's log: production does not start."""
    settings = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": secrets.token_urlsafe(50)}
    refused = manage("check", **settings)
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr
    assert "No mail server: set EMAIL_HOST" in refused.stderr

    console = "django.core.mail.backends.console.EmailBackend"
    chosen = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        EMAIL_BACKEND=console,
        **settings,
    )
    assert chosen.stdout.split()[-1:] == [console], chosen.stderr
    smtp = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        EMAIL_HOST="smtp.example.org",
        **settings,
    )
    assert smtp.stdout.split()[-1:] == ["django.core.mail.backends.smtp.EmailBackend"], smtp.stderr


def test_email_url_names_the_mail_server_in_one_variable():
    """EMAIL_URL (dj-email-url) instead of the EMAIL_* variables: a password
    with reserved characters percent-encoded, STARTTLS on the submission port."""
    printed = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, "
        "s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        EMAIL_URL="submission://presse%40example.org:geheim%2Fwort@mail.example.org:587",
    )
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.split()[-7:] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
        "presse@example.org",
        "geheim/wort",
        "True",
        "False",
    ]
