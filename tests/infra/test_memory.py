"""A worker's memory stays put however many distinct URLs visitors (and
crawlers, and scanners) ask for: its caches are bounded in entries and bytes.

The site runs as `make run` runs it (gunicorn, production settings, the
demo content, the page cache in files), with one worker process so that its
memory can be read. Eight clients ask for a mix of distinct URLs: every page of the
site, made-up query strings on them, pages that do not exist, listing pages
past the end and searches, each URL once. The worker's resident memory
after 8,000 of them must stay within 20 % of what it was once warm.

In the suite the worker keeps at most 500 pieces (2 MB) of the shared cache
in its memory instead of 5,000 (16 MB), so that 8,000 URLs fill it many
times over in a minute. With MEMORY_TEST_REQUESTS (e.g. 100000, the run
docs/operations.md records) the worker has the production bounds.
"""

import http.client
import itertools
import os
import re
import subprocess
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from devtools.throwaway import served_copy

LONG_RUN = "MEMORY_TEST_REQUESTS" in os.environ
REQUESTS = int(os.environ.get("MEMORY_TEST_REQUESTS", "8000"))
WARM_REQUESTS = 5_000 if LONG_RUN else 2_000
# The bounds of what a worker keeps in memory: production's on a long run.
BOUNDS = {} if LONG_RUN else {"WORKER_MEMORY_CACHE_ENTRIES": "500", "WORKER_MEMORY_CACHE_MB": "2"}


def distinct_url(pages, number):
    """The number-th URL of the mix; no two numbers give the same URL."""
    kind = number % 10
    if kind < 3:
        return pages[number % len(pages)]  # the site's pages, cached
    if kind < 5:
        return f"{pages[number % len(pages)]}?utm_source=n{number}"  # junk parameters
    if kind < 7:
        return f"/de/gibt-es-nicht-{number}/"  # no such page
    if kind < 9:
        return f"/en/news/?page={number % 1000 + 2}&x={number}"  # past the end
    return f"/de/suche/?q=wort{number}"  # a search


# What grows with distinct URLs is the app server's own memory, whatever the
# database: the suite runs this once, in its SQLite run (about a minute).
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="a worker's memory does not depend on the database: runs in the suite's SQLite run",
    ),
]


def resident_kb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))


def site_paths(url):
    """Every page the sitemap lists, as paths."""
    index = urllib.request.urlopen(f"{url}/sitemap.xml", timeout=30).read().decode()
    paths = []
    for sitemap in re.findall(r"<loc>([^<]+)</loc>", index):
        body = urllib.request.urlopen(sitemap, timeout=60).read().decode()
        paths += [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", body)]
    return sorted(set(paths))


def load(url, pages, requests, offset, clients=8):
    """Ask for `requests` distinct URLs over keep-alive connections;
    (answered, failed, seconds)."""
    host, port = url.removeprefix("http://").split(":")
    numbers = itertools.count(offset)
    lock = threading.Lock()
    counts = Counter()

    def client():
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        while True:
            with lock:
                number = next(numbers)
            if number >= offset + requests:
                break
            connection.request("GET", distinct_url(pages, number))
            response = connection.getresponse()
            response.read()
            with lock:
                counts["failed" if response.status >= 500 else "answered"] += 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts["answered"] + counts["failed"], counts["failed"], time.monotonic() - started


@pytest.fixture
def one_worker(tmp_path):
    with served_copy(tmp_path, "nka_memory", workers=1, **BOUNDS) as copy:
        children = subprocess.run(["pgrep", "-P", str(copy.server.pid)], capture_output=True, text=True).stdout.split()
        assert len(children) == 1, children
        yield copy.url, int(children[0])


def test_thousands_of_distinct_urls_leave_a_workers_memory_where_it_was(one_worker):
    url, worker = one_worker
    pages = site_paths(url)
    assert len(pages) > 50

    answered, failed, _ = load(url, pages, WARM_REQUESTS, offset=0)
    assert failed == 0
    warm = resident_kb(worker)

    answered, failed, seconds = load(url, pages, REQUESTS, offset=1_000_000_000)
    after = resident_kb(worker)
    print(
        f"\n{answered} distinct URLs in {seconds:.0f} s; worker memory warm {warm / 1024:.0f} MB,"
        f" after {after / 1024:.0f} MB ({(after - warm) / warm:+.1%})"
    )
    assert answered >= REQUESTS
    assert failed == 0
    assert after <= warm * 1.2, (warm, after)
