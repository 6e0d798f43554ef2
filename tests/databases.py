"""The test database of each test process, made once per run.

Every test process (`make test` runs two) needs the same database: migrated,
the demo loaded, its renditions made (half a minute). The first process to
get here builds it and leaves a copy in the run's templates folder
(THROWAWAY_TEMPLATES, tests/conftest.py); the others start from that copy
(a file copy for SQLite, `CREATE DATABASE … TEMPLATE` for PostgreSQL) and
are ready in seconds. The copy is dropped with the other templates when the
run ends (devtools/throwaway.drop_templates).
"""

import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote, urlparse

from django.conf import settings
from django.db import connection, connections
from django.test.utils import setup_databases

from devtools.throwaway import drop_database, locked


def _is_sqlite():
    return connection.vendor == "sqlite"


def _postgres_url(name):
    """The URL of database `name` on the test database's server."""
    database = settings.DATABASES["default"]
    user = quote(database["USER"] or "", safe="")
    password = f":{quote(database['PASSWORD'], safe='')}" if database["PASSWORD"] else ""
    return f"postgresql://{user}{password}@{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}/{name}"


def prepare(templates, worker, fill, meanwhile=None):
    """Set up this process's test database, from the run's copy if there is
    one; otherwise build it (`fill` loads the content) and leave the copy.
    A process that waits for another to build it does `meanwhile()` first.
    Returns the configuration for django.test.utils.teardown_databases."""
    folder = Path(templates) / "test-database"
    test = settings.DATABASES["default"].setdefault("TEST", {})
    if _is_sqlite():
        # A file in the run's folder instead of memory, so it can be copied.
        test["NAME"] = str(Path(templates) / f"test-{worker}.sqlite3")
    with locked(Path(templates) / "test-database.lock", meanwhile):
        if (folder / "ready").exists():
            _copy_into_place(folder)
            # Migrations all applied already: this only checks them.
            return setup_databases(verbosity=0, interactive=False, keepdb=True, serialized_aliases=set())
        config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
        fill()
        _keep_a_copy(folder)
        (folder / "ready").touch()
        return config


def _keep_a_copy(folder):
    folder.mkdir(exist_ok=True)
    if _is_sqlite():
        connection.ensure_connection()
        with sqlite3.connect(folder / "db.sqlite3") as copy:
            connection.connection.backup(copy)
        copy.close()
        return
    name = connection.settings_dict["NAME"]
    template = f"{name}_template"
    # PostgreSQL copies a database only while nobody is connected to it.
    connections.close_all()
    drop_database(_postgres_url(template))
    _admin_execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    (folder / "database").write_text(_postgres_url(template))


def _copy_into_place(folder):
    if _is_sqlite():
        target = Path(settings.DATABASES["default"]["TEST"]["NAME"])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(folder / "db.sqlite3", target)
        return
    name = settings.DATABASES["default"]["TEST"]["NAME"]
    template = urlparse((folder / "database").read_text()).path.lstrip("/")
    drop_database(_postgres_url(name))
    _admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def _admin_execute(statement):
    import psycopg

    with psycopg.connect(_postgres_url("postgres"), autocommit=True) as admin:
        admin.execute(statement)
