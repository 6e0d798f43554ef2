"""Throwaway copies of the site, served like `make run` (gunicorn, the task
worker, production settings, a database of their own), for the browser
tests, the whole-process tests and `manage.py bench`.

With THROWAWAY_TEMPLATES naming a folder (the test suite sets one per run),
copies start from a database (migrated, with or without the demo), media
and static files prepared there once and copied: a copy is ready in
seconds instead of half a minute. Whoever sets the folder drops its
PostgreSQL templates afterwards (drop_templates).
"""

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_database(database_url, prefix="nka_tmp", template=None):
    """Create a new PostgreSQL database on the server database_url names
    (a copy of the database `template` if given).

    Returns (its URL, a function that drops it).
    """
    import psycopg

    url = urlparse(database_url)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = urlunparse(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        for attempt in range(20):
            try:
                conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
                break
            except psycopg.errors.ObjectInUse:
                # Another copy is being made from the same template this moment.
                if attempt == 19:
                    raise
                time.sleep(0.5)

    new_url = urlunparse(url._replace(path=f"/{name}"))
    return new_url, lambda: drop_database(new_url)


def drop_database(database_url):
    """Drop the PostgreSQL database database_url names, connections and all."""
    import psycopg

    url = urlparse(database_url)
    with psycopg.connect(urlunparse(url._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.path.lstrip("/")}" WITH (FORCE)')


def production_environment(work, prefix, template=None, database=True):
    """The environment of a throwaway copy served like `make run`: production
    settings, its own database (PostgreSQL if DATABASE_URL names it, else
    SQLite in `work`; a copy of the PostgreSQL database `template` if
    given; SQLite in `work` if `database` is False: for commands that need
    none) and media. Returns (env, a function that drops the database, or
    None)."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_SETTINGS", "THROWAWAY_TEMPLATES"))
    }
    drop = None
    if database and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"], drop = postgres_database(os.environ["DATABASE_URL"], prefix=prefix, template=template)
    else:
        env["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DEMO="1",
        SECRET_KEY=uuid.uuid4().hex * 2,
        HTTPS="0",
        MEDIA_ROOT=str(work / "media"),
        PAGE_CACHE_DIR=str(work / "cache"),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(work / "mail"),
    )
    return env, drop


def manage(env, *args, **kwargs):
    """Run a manage.py command in a copy's environment; returns the finished process (output as text)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kwargs
    )


@contextmanager
def locked(path, meanwhile=None):
    """One process at a time (of all the test workers) past this point; one
    that has to wait does `meanwhile()` first, if given."""
    with open(path, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if meanwhile:
                meanwhile()
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _static_files(templates):
    """The static files, collected once into the templates folder."""
    static = templates / "static"
    with locked(templates / "static.lock"):
        if not (templates / "static.ready").exists():
            env, _drop = production_environment(templates, "nka_template", database=False)
            manage({**env, "STATIC_ROOT": str(static)}, "collectstatic", "--noinput", "-v", "0")
            (templates / "static.ready").touch()
    return static


def template_folder(templates, demo):
    """The folder of the migrated database (with the demo content if
    `demo`) and its media, made the first time it is asked for."""
    folder = templates / ("demo" if demo else "migrated")
    with locked(templates / f"{folder.name}.lock"):
        if not (folder / "ready").exists():
            folder.mkdir(exist_ok=True)
            env, _drop = production_environment(folder, "nka_template")
            if env["DATABASE_URL"].startswith("postgres"):
                (folder / "database").write_text(env["DATABASE_URL"])
            env.update(STATIC_ROOT=str(_static_files(templates)), PAGE_CACHE_DIR=str(folder / "pages"))
            env.pop("REDIS_URL", None)
            manage(env, "migrate", "--noinput", "-v", "0")
            if demo:
                manage(env, "load_demo")
                # What load_demo queued (renditions, search and reference
                # index) is done once here, not by each copy's worker.
                manage(env, "run_worker", "--batch", "--no-startup-delay", "-v", "0")
            (folder / "ready").touch()
    return folder


def drop_templates(templates):
    """Drop the PostgreSQL databases of a templates folder."""
    for marker in Path(templates).glob("*/database"):
        drop_database(marker.read_text())


def prepare(work, prefix, port, demo=True, commands=(), **settings):
    """A new copy's environment (production_environment plus the port's
    BASE_URL, its own static files and page cache, no Redis, `settings`;
    a setting may be a function of the environment, e.g. of its new
    DATABASE_URL), migrated, with static files, the demo content (unless
    demo=False) and its Site configured, then the manage.py `commands`.
    Returns (env, a function that drops the database, or None)."""
    templates = os.environ.get("THROWAWAY_TEMPLATES")
    template = template_folder(Path(templates), demo) if templates else None
    database = template / "database" if template else None
    env, drop = production_environment(
        work,
        prefix,
        template=urlparse(database.read_text()).path.lstrip("/") if database and database.exists() else None,
    )
    env.update(
        BASE_URL=f"http://127.0.0.1:{port}",
        STATIC_ROOT=str(_static_files(Path(templates)) if templates else work / "static"),
        PAGE_CACHE_DIR=str(work / "pages"),
    )
    env.pop("REDIS_URL", None)
    env.update({name: value(env) if callable(value) else value for name, value in settings.items()})
    try:
        if template:
            if not env["DATABASE_URL"].startswith("postgres"):
                for name in ("db.sqlite3", "db.sqlite3-wal"):
                    if (template / name).exists():
                        shutil.copyfile(template / name, work / name)
            if (template / "media").exists():
                shutil.copytree(template / "media", work / "media")
        else:
            manage(env, "migrate", "--noinput", "-v", "0")
            manage(env, "collectstatic", "--noinput", "-v", "0")
            if demo:
                manage(env, "load_demo")
        manage(env, "configure_site")
        for command in commands:
            manage(env, *command)
    except BaseException:
        if drop:
            drop()
        raise
    return env, drop


def gunicorn(env, port, workers=2, log=None):
    """The app server as `make run` starts it (gunicorn.conf.py), on a port of 127.0.0.1."""
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )


def task_worker(env, log=None):
    """The task worker as `make run` starts it, without its start-up delay."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--exit-with-parent", "--no-startup-delay", "-v", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )


def wait_until_served(url, server, timeout=60):
    """Wait until `url` answers 200 (raises if the server ends or `timeout` seconds pass)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return response.read()
        except OSError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError(f"{url} was not served (gunicorn exit code {server.poll()})")
        time.sleep(0.2)


class Served:
    """A served copy: `url`, `env` (for manage.py), `server`, `worker` (or None), `work` (its folder)."""

    def __init__(self, url, env, server, worker, work):
        self.url, self.env, self.server, self.worker, self.work = url, env, server, worker, work


@contextmanager
def served_copy(work, prefix, workers=2, worker=False, demo=True, commands=(), **settings):
    """A copy of the site served like `make run`, in folder `work`, with
    `workers` gunicorn processes and (worker=True) the task worker beside
    them; stopped and its database dropped on leaving. `commands` and
    `settings` as for prepare(); gunicorn's and the worker's messages go
    to work/gunicorn.log and work/worker.log."""
    port = free_port()
    env, drop = prepare(work, prefix, port, demo=demo, commands=commands, **settings)
    processes = []
    try:
        with open(work / "gunicorn.log", "w") as server_log, open(work / "worker.log", "w") as worker_log:
            if worker:
                processes.append(task_worker(env, worker_log))
            server = gunicorn(env, port, workers, server_log)
            processes.append(server)
            url = f"http://127.0.0.1:{port}"
            try:
                wait_until_served(f"{url}/robots.txt", server)
            except RuntimeError as error:
                raise RuntimeError(f"{error}\n{(work / 'gunicorn.log').read_text()}") from None
            yield Served(url, env, server, processes[0] if worker else None, work)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        if drop:
            drop()
