"""A served copy of the demo site and a headless Chromium to visit it.

The site runs as `make run` runs it (gunicorn, whitenoise, DEBUG off) in a
subprocess, on its own database built from scratch: a temporary SQLite file,
or a fresh PostgreSQL database when DATABASE_URL points at PostgreSQL.
Browser and database are requirements: if either is missing the tests fail.
"""

import os
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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
    # Playwright's sync API keeps an event loop running in this thread until
    # the session ends: Django would take every later database call of the
    # tests that run after the browser tests in this process (in-process
    # tests, no async code) for one made from async code.
    unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if unsafe is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = unsafe


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
