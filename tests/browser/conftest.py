"""A served copy of the demo site and a headless Chromium to visit it.

The site runs as `make run` runs it (gunicorn, whitenoise, DEBUG off) in a
subprocess, on its own database built from scratch: a temporary SQLite file,
or a fresh PostgreSQL database when DATABASE_URL points at PostgreSQL.
Browser and database are requirements: if either is missing the tests fail.
"""

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from core.throwaway import free_port, production_environment

ROOT = Path(__file__).resolve().parents[2]
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
    env, drop = production_environment(work, prefix="nka_browser")
    env["STATIC_ROOT"] = str(work / "static")
    python = sys.executable
    port = free_port()
    env["BASE_URL"] = f"http://127.0.0.1:{port}"
    SERVED_ENV.update(env)
    commands = (
        ["migrate", "--noinput", "-v", "0"],
        ["collectstatic", "--noinput", "-v", "0"],
        ["load_demo"],
        ["configure_site"],
        # What load_demo queued (search and reference index), done before the first test.
        ["run_worker", "--batch", "--no-startup-delay", "-v", "0"],
    )
    for command in commands:
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    # The task worker next to the app server, as `make run` starts it.
    worker = subprocess.Popen(
        [python, "manage.py", "run_worker", "--exit-with-parent", "--no-startup-delay", "-v", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "worker.log", "w"),  # noqa: SIM115 - lives as long as the worker
    )
    gunicorn = Path(python).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "gunicorn.log", "w"),  # noqa: SIM115 - lives as long as the server
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/robots.txt", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((work / "gunicorn.log").read_text()) from None
            time.sleep(0.2)
    yield url
    server.terminate()
    worker.terminate()
    server.wait(timeout=10)
    if drop:
        drop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=SERVED_ENV, check=True, capture_output=True, text=True
        )
        return result.stdout

    return run
