"""Throwaway copies of the site, served like `make run` (gunicorn, the task
worker, production settings, a database of their own), for the browser
tests, the whole-process tests and `manage.py bench`."""

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


def prepare(work, prefix, port, demo=True, commands=(), **settings):
    """A new copy's environment (production_environment plus the port's
    BASE_URL, its own static files and page cache, no Redis, `settings`;
    a setting may be a function of the environment, e.g. of its new
    DATABASE_URL), migrated, with static files, the demo content (unless
    demo=False) and its Site configured, then the manage.py `commands`.
    Returns (env, a function that drops the database, or None)."""
    env, drop = production_environment(work, prefix)
    env.update(
        BASE_URL=f"http://127.0.0.1:{port}",
        STATIC_ROOT=str(work / "static"),
        PAGE_CACHE_DIR=str(work / "pages"),
    )
    env.pop("REDIS_URL", None)
    env.update({name: value(env) if callable(value) else value for name, value in settings.items()})
    try:
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
