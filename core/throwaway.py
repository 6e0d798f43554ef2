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
