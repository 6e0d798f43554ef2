"""Shared fixtures.

The demo tree (two home pages, the service pages, their translations) is
loaded once per test session into the test database; each test runs in a
transaction that is rolled back, so tests may change it freely.
"""

import time

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest
import time_machine
from bs4 import BeautifulSoup

from home.models import HomePage


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Everything in tests/browser/ is a browser test. With `-n 2` (make
    test) they share one served copy of the site, so they all run in the
    same worker (before pytest-xdist reads the groups: hence tryfirst).
    Tests that crawl the whole site count as slow; slow tests run first."""
    for item in items:
        if "browser" in item.path.parent.parts[-1:]:
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
        # The coherence tests that compare against a crawl of the whole demo
        # site (tests/coherence/conftest.py: site_snapshot, a minute and a half).
        # In one worker, which crawls once.
        if "site_snapshot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group("site-snapshot"))
    # pytest-xdist hands out the groups first (the largest first), then the
    # other tests in this order whenever a worker runs short: the slow ones
    # first, so that no worker is left with a long test at the end while the
    # other waits.
    items.sort(key=lambda item: not item.get_closest_marker("slow"))


def pytest_configure(config):
    """The copies of the site the browser and whole-process tests serve
    start from one database, media and static files prepared once per run
    (devtools/throwaway.py); the test workers inherit the folder."""
    import os
    import tempfile

    if not hasattr(config, "workerinput") and "THROWAWAY_TEMPLATES" not in os.environ:
        config.throwaway_templates = os.environ["THROWAWAY_TEMPLATES"] = tempfile.mkdtemp(prefix="nka-throwaway-")


def pytest_unconfigure(config):
    import os
    import shutil

    templates = getattr(config, "throwaway_templates", None)
    if templates:
        from devtools.throwaway import drop_templates

        drop_templates(templates)
        shutil.rmtree(templates, ignore_errors=True)
        os.environ.pop("THROWAWAY_TEMPLATES", None)


def pytest_sessionstart(session):
    """With a kept test database (`make test-fast`), drop those kept for
    earlier states of the code: one per state would pile up."""
    from django.conf import settings

    kept = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if not kept or hasattr(session.config, "workerinput"):
        return
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        from pathlib import Path

        for path in Path(kept).parent.glob("*.sqlite3*"):
            if not path.name.startswith(Path(kept).name):
                path.unlink(missing_ok=True)
        return
    import psycopg

    database = settings.DATABASES["default"]
    with psycopg.connect(
        dbname="postgres",
        host=database["HOST"],
        port=database["PORT"] or 5432,
        user=database["USER"],
        password=database["PASSWORD"],
        autocommit=True,
    ) as connection:
        names = connection.execute("SELECT datname FROM pg_database WHERE datname LIKE 'test_nka_%%'").fetchall()
        for (name,) in names:
            if not name.startswith(kept):
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_keepdb, django_db_modify_db_settings
):
    """This test process's database: migrated, the demo loaded, its
    renditions made. With several test processes, the first builds it and
    the others copy it (tests/databases.py); a kept database (`make
    test-fast`) is used as it is."""
    import os

    from django.test.utils import setup_databases, teardown_databases

    def fill():
        call_command("load_demo", verbosity=0)
        make_demo_renditions()

    workers = getattr(request.config, "workerinput", {})
    templates = os.environ.get("THROWAWAY_TEMPLATES")
    with django_db_blocker.unblock():
        if workers.get("workercount", 1) > 1 and templates and not django_db_keepdb:
            from tests.databases import prepare

            config = prepare(
                templates, workers["workerid"], fill, meanwhile=copies_template(request.session, templates)
            )
        else:
            config = setup_databases(verbosity=0, interactive=False, keepdb=django_db_keepdb, serialized_aliases=set())
            fill()  # on a kept database: already there, nothing done
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=0)


def copies_template(session, templates):
    """If tests that serve copies of the site (browser and slow tests) are to
    run: what makes the demo template they start from (devtools/throwaway.py),
    for a test process to do while another builds the test database."""
    from pathlib import Path

    from devtools.throwaway import template_folder

    if any(item.get_closest_marker(name) for item in session.items for name in ("browser", "slow")):
        return lambda: template_folder(Path(templates), demo=True)
    return None


def make_demo_renditions():
    """The renditions of the demo's images, made once for the session as
    the task worker makes them after `make run`: without them every test
    that shows a listing would resize and encode a dozen images (AVIF, WebP,
    JPEG) again, most of its time."""
    from core.images import make_renditions
    from core.models import CustomImage

    for image in CustomImage.objects.all():
        make_renditions(image)


@pytest.fixture(autouse=True)
def callbacks_run_at_commit(monkeypatch):
    """pytest-django runs each test in a transaction that is rolled back, so
    `transaction.on_commit` callbacks (cache purges, mails) would never run.
    Here they run when the code under test leaves its own outermost
    transaction, or at once outside one, as they do in production."""
    from django.db import connections, transaction
    from django.db.backends.base.base import BaseDatabaseWrapper

    def only_the_tests_transaction(connection):
        return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)

    original_on_commit = BaseDatabaseWrapper.on_commit

    def on_commit(self, func, robust=False):
        if only_the_tests_transaction(self):
            func()
        else:
            original_on_commit(self, func, robust)

    original_exit = transaction.Atomic.__exit__

    def exit_atomic(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = connections[self.using or "default"]
        if not getattr(self, "_from_testcase", False) and only_the_tests_transaction(connection):
            while connection.run_on_commit:
                _sids, func, _robust = connection.run_on_commit.pop(0)
                func()
        return result

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_atomic)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with empty caches: its database changes are rolled
    back without the signals that would start a new frame generation."""
    from django.conf import settings
    from django.core.cache import caches

    from core.caching import fragments as cache

    for alias in settings.CACHES:
        caches[alias].clear()
    cache.local_clear()
    yield
    # Searches a test counted without flushing are not the next test's (nor
    # written at exit, after the test database is gone).
    from search import hits

    hits.discard()


# The production setting (config/settings/base.py); the tests run tasks inline.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class TaskQueue:
    @staticmethod
    def run(**options):
        """The worker as `make run` starts it, but only until the queue is empty."""
        call_command("run_worker", batch=True, startup_delay=False, **options)

    @staticmethod
    def waiting(task_path=None):
        """The tasks waiting for the worker (those of one task)."""
        from django_tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        tasks = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        return list(tasks if task_path is None else tasks.filter(task_path=task_path))


@pytest.fixture
def signal_handlers_kept():
    """The worker and the scheduler handle SIGTERM and SIGINT themselves:
    give them back to pytest afterwards."""
    import signal

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in handlers.items():
        signal.signal(sig, handler)


@pytest.fixture
def task_queue(monkeypatch, signal_handlers_kept, settings):
    """Background tasks wait in the database, as in production, until
    `task_queue.run()` runs the worker in this process."""
    from django_tasks_db.management.commands import db_worker

    # The worker drops its database connection between tasks when it is not
    # in autocommit mode, which a test's transaction is not.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    # Through pytest-django's `settings`, not override_settings: a test that
    # changes another setting while the queue is on would otherwise restore,
    # at its end, a copy of the settings with the queue still in it.
    settings.TASKS = DATABASE_QUEUE
    yield TaskQueue


@pytest.fixture
def flat_queries(client, django_assert_max_num_queries):
    """Assert a URL's query count is at most `limit` and does not grow when
    `grow()` adds content. The first request after an edit rebuilds the
    cached frame (menus, footer, settings) and may run a few more queries
    (`cold_limit`); the count that matters is the steady state after it."""

    def check(url, grow, limit=15, cold_limit=30):
        client.get(url)
        with django_assert_max_num_queries(limit) as small:
            assert client.get(url).status_code == 200
        baseline = len(small)  # read now: the next request resets the query log
        grow()
        with django_assert_max_num_queries(cold_limit):
            assert client.get(url).status_code == 200
        with django_assert_max_num_queries(baseline):
            response = client.get(url)
        assert response.status_code == 200
        return response

    return check


@pytest.fixture
def verified_login(db):
    """Log a test client in as a user who has passed the second step of the
    login (twofactor/), as the admin requires of superusers and Moderation:
    force_login, then django_otp.login with an authenticator app of theirs."""
    from django.http import HttpRequest

    import django_otp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def log_in(client, user):
        client.force_login(user)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
        request = HttpRequest()
        request.session = client.session
        request.user = user
        django_otp.login(request, device)
        request.session.save()
        return client

    return log_in


# The password the tests give the accounts they log in with.
PASSWORD = "ein-langes-testpasswort"


@pytest.fixture
def account(db):
    """The demo account of a role, with a password the test knows (PASSWORD)."""
    from django.contrib.auth import get_user_model

    def get(username):
        user = get_user_model().objects.get(username=username)
        user.set_password(PASSWORD)
        user.save()
        return user

    return get


@pytest.fixture
def admin_client(admin_user, verified_login):
    """pytest-django's admin_client, past the second step of the login."""
    from django.test import Client

    return verified_login(Client(), admin_user)


@pytest.fixture
def same_minute():
    """The clock starts at the beginning of a minute (and runs): a test
    of a per-minute limit cannot straddle two minutes."""
    start = (int(time.time()) // 60 + 1) * 60 + 1
    with time_machine.travel(start, tick=True):
        yield


@pytest.fixture
def german():
    return Locale.objects.get(language_code="de")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_de(db, german):
    return HomePage.objects.get(locale=german)


@pytest.fixture
def home_en(db, english):
    return HomePage.objects.get(locale=english)


@pytest.fixture
def demo_pages(db):
    """Every live page of the demo tree below the root, in both languages."""
    return list(Page.objects.filter(depth__gte=2).live().specific().order_by("path"))


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def get_soup(client):
    def fetch(url, **kwargs):
        response = client.get(url, **kwargs)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        return soup(response)

    return fetch
