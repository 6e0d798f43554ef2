"""A served copy of the demo site and a headless Chromium to visit it.

The site runs as `make run` runs it (gunicorn, whitenoise, DEBUG off) in a
subprocess, on its own database built from scratch: a temporary SQLite file,
or a fresh PostgreSQL database when DATABASE_URL points at PostgreSQL.
Browser and database are requirements: if either is missing the tests fail.
"""

import shutil

import pytest

from devtools.throwaway import manage as manage_copy
from devtools.throwaway import served_copy

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# The environment of the served copy, for tests that prepare it (see `manage`).
SERVED_ENV = {}


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    work = tmp_path_factory.mktemp("served-site")
    # What load_demo queued (search and reference index) is done before the
    # first test; the task worker runs beside the app server, as `make run` starts it.
    before = [["run_worker", "--batch", "--no-startup-delay", "-v", "0"]]
    with served_copy(work, "nka_browser", worker=True, commands=before) as copy:
        SERVED_ENV.update(copy.env)
        yield copy.url


class Chromium:
    """Chromium driven by Playwright, running only while browser tests run:
    Playwright's sync API keeps an event loop running in this thread, and
    Django would take the database calls of the in-process tests that run
    after the browser tests in this worker for calls from async code."""

    def __init__(self):
        self.playwright = self.browser = None

    def get(self):
        from playwright.sync_api import sync_playwright

        if self.browser is None:
            if not shutil.which(CHROMIUM):
                pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        return self.browser

    def stop(self):
        if self.playwright is not None:
            self.browser.close()
            self.playwright.stop()
        self.playwright = self.browser = None


CHROMIUM_SESSION = Chromium()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last of a run of browser tests (their fixtures torn down)."""
    if nextitem is None or nextitem.get_closest_marker("browser") is None:
        CHROMIUM_SESSION.stop()


@pytest.fixture(scope="module")
def browser():
    return CHROMIUM_SESSION.get()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser tab (German browser) that records every request it makes."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def manage(site_url):
    """Run a manage.py command against the served copy's database; returns its output."""

    def run(*args):
        return manage_copy(SERVED_ENV, *args).stdout

    return run
