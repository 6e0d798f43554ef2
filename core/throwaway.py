"""Throwaway servers and databases for the browser tests and `manage.py bench`."""

import socket
import uuid
from urllib.parse import urlparse, urlunparse


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_database(database_url, prefix="nka_tmp"):
    """Create a new PostgreSQL database on the server database_url names.

    Returns (its URL, a function that drops it).
    """
    import psycopg

    url = urlparse(database_url)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = urlunparse(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunparse(url._replace(path=f"/{name}")), drop


def production_environment(work, prefix):
    """The environment of a throwaway copy served like `make run`: production
    settings, its own database (PostgreSQL if DATABASE_URL names it, else
    SQLite in `work`) and media. Returns (env, a function that drops the
    database, or None)."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_SETTINGS"))}
    drop = None
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"], drop = postgres_database(os.environ["DATABASE_URL"], prefix=prefix)
    else:
        env["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=uuid.uuid4().hex * 2,
        HTTPS="0",
        MEDIA_ROOT=str(work / "media"),
        PAGE_CACHE_DIR=str(work / "cache"),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(work / "mail"),
    )
    return env, drop
