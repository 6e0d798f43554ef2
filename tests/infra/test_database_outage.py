"""PostgreSQL goes away while visitors browse: pages the cache holds are
served from it (stale, marked so) for the whole outage, other pages and
/healthz answer 503 at once, and everything is fresh again as soon as the
database is back.

The site runs as `make run` runs it (gunicorn, production settings, the page
cache in files) on a PostgreSQL database of its own, reached through a TCP
proxy that the test cuts: existing connections drop and new ones are
refused, as during a restart. SQLite has no such outage (it is a file), so
the test runs in the PostgreSQL run of the suite.
"""

import contextlib
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import urlparse, urlunparse

import pytest

from devtools.throwaway import free_port, served_copy

OUTAGE_SECONDS = 7
CACHED = ["/de/", "/en/", "/de/aktuelles/", "/en/news/", "/de/veranstaltungen/"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="a database outage is a PostgreSQL fault: runs in the suite's PostgreSQL run",
    ),
]


class CuttableProxy:
    """Forwards a local port to PostgreSQL until cut."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self.connections = []
        self.lock = threading.Lock()
        self.listener = None
        self.open()

    def open(self):
        self.refusing = False
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self.accept, args=(listener,), daemon=True).start()

    def accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            if self.refusing:
                client.close()
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self):
        """Drop every connection and refuse new ones."""
        self.refusing = True
        # shutdown() wakes the accept() blocked in the other thread; close()
        # alone would leave it accepting on the closed socket.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            connections, self.connections = self.connections, []
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def restore(self):
        self.open()


def get(url, timeout=10):
    """(status, headers, seconds); never raises for an HTTP status."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status, response.headers, time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.headers, time.monotonic() - started


@pytest.fixture
def site_behind_proxy(tmp_path):
    database = urlparse(os.environ.get("DATABASE_URL", ""))
    proxy = CuttableProxy(database.port or 5432)

    def through_proxy(env):
        url = urlparse(env["DATABASE_URL"])
        return urlunparse(url._replace(netloc=f"{url.username}@127.0.0.1:{proxy.port}"))

    try:
        with served_copy(tmp_path, "nka_outage", DATABASE_URL=through_proxy, PAGE_CACHE_SECONDS="2") as copy:
            yield copy.url, proxy
    finally:
        proxy.cut()


def _listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def test_cached_pages_are_served_stale_through_a_database_outage(site_behind_proxy):
    url, proxy = site_behind_proxy
    for path in CACHED:
        for _ in range(2):  # each of the two workers reads the sites once
            assert get(url + path)[0] == 200, path
    time.sleep(2.5)  # every cached copy has expired: a visit renders afresh

    proxy.cut()
    statuses, answers, slowest = Counter(), Counter(), 0.0
    started = time.monotonic()
    while time.monotonic() - started < OUTAGE_SECONDS:
        for path in CACHED:
            status, headers, seconds = get(url + path)
            statuses[status] += 1
            slowest = max(slowest, seconds)
            answers[headers.get("X-Cache"), "Warning" in headers] += 1
    # A page nobody visited before the outage, and the load balancer's check.
    uncached = get(f"{url}/de/partner/")
    health = get(f"{url}/healthz")
    proxy.restore()

    print(f"\nDuring a {OUTAGE_SECONDS} s outage: {dict(statuses)}, {dict(answers)}, slowest {slowest:.2f} s")
    assert set(statuses) == {200}, statuses
    # Pages whose pieces are all in the cache render without the database
    # (then cached again); the others are the last good copy, marked stale.
    assert answers[("STALE", True)] > 0, answers
    assert set(answers) <= {("STALE", True), ("MISS", False), ("HIT", False)}, answers
    assert slowest < 1, slowest
    assert uncached[0] == 503 and uncached[1]["Retry-After"] == "30"
    assert health[0] == 503 and health[2] < 1.5, health[::2]

    # Back: fresh pages at once, not the stale copies.
    deadline = time.monotonic() + 10
    while True:
        status, headers, _ = get(url + "/de/aktuelles/")
        if status == 200 and headers.get("X-Cache") != "STALE":
            break
        assert time.monotonic() < deadline, (status, dict(headers))
        time.sleep(0.2)
    assert get(f"{url}/de/partner/")[0] == 200
    assert get(f"{url}/healthz")[0] == 200
