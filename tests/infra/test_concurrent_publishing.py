"""Editors publish while visitors browse and the worker runs: no publish
fails, none is left half-done, no visitor gets an error.

The site runs as `make run` runs it (gunicorn with two workers, the task
worker, production settings) on a database of its own: a SQLite file, or a
fresh PostgreSQL database when DATABASE_URL names one. Four editors, each a
process of its own, create and publish releases as the admin does (one
transaction per publish) while threads load pages and searches whose counts
the app servers hand to the worker every second: every writer competes for
the database at once.
"""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from devtools.throwaway import ROOT, manage, served_copy

pytestmark = pytest.mark.slow

EDITORS = 4
# The suite publishes 25 releases per editor; docs/operations.md records a
# run with CONCURRENT_RELEASES_EACH=100 (400 publishes).
RELEASES_EACH = int(os.environ.get("CONCURRENT_RELEASES_EACH", "25"))

PUBLISHER = """
import os
from django.db import transaction
from news.models import NewsIndexPage, NewsPage
editor, count = int(os.environ["EDITOR_NUMBER"]), int(os.environ["RELEASES"])
index_pk = NewsIndexPage.objects.get(locale__language_code="de").pk
failed = 0
for number in range(count):
    try:
        with transaction.atomic():
            index = NewsIndexPage.objects.get(pk=index_pk)
            release = NewsPage(
                title=f"Redaktion {editor} meldet Nr. {number}",
                slug=f"redaktion-{editor}-nr-{number}",
                lead="Eine Meldung aus dem Gedränge.",
                dateline="Teststadt",
            )
            index.add_child(instance=release)
            release.save_revision().publish()
    except Exception as error:
        failed += 1
        print("FAILED", repr(error), flush=True)
print("FAILURES", failed)
"""


@pytest.fixture
def served_site(tmp_path):
    with served_copy(tmp_path, "nka_concurrent", worker=True, SEARCH_HITS_FLUSH_SECONDS="1") as copy:
        yield copy.url, copy.env, copy.work


def browse(url, stop, statuses):
    """A visitor: pages and searches, again and again (searches are counted)."""
    paths = ["/de/", "/de/aktuelles/", "/de/suche/?q=Beratung", "/en/search/?q=office", "/de/aktuelles/feed/rss/"]
    number = 0
    while not stop.is_set():
        path = paths[number % len(paths)]
        if "?q=" in path:
            path += f"+{number % 7}"  # a new search term now and then
        number += 1
        try:
            with urllib.request.urlopen(url + path, timeout=30) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)


def test_four_editors_publish_while_visitors_browse_without_a_failure(served_site):
    url, env, work = served_site
    stop, statuses = threading.Event(), []
    visitors = [threading.Thread(target=browse, args=(url, stop, statuses)) for _ in range(4)]
    for visitor in visitors:
        visitor.start()
    started = time.monotonic()
    try:
        editors = [
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "shell",
                    "--no-imports",
                    "-c",
                    PUBLISHER,
                ],
                cwd=ROOT,
                env={**env, "EDITOR_NUMBER": str(editor), "RELEASES": str(RELEASES_EACH)},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for editor in range(EDITORS)
        ]
        outputs = [editor.communicate(timeout=600)[0] for editor in editors]
    finally:
        stop.set()
        for visitor in visitors:
            visitor.join(timeout=60)
    elapsed = time.monotonic() - started

    for output in outputs:
        assert "FAILURES 0" in output, output[-2000:]
    script = (
        "from news.models import NewsPage;"
        "pages = NewsPage.objects.filter(slug__startswith='redaktion-');"
        "print(pages.count(), pages.filter(live=True).count())"
    )
    created, live = map(int, manage(env, "shell", "--no-imports", "-c", script).stdout.split()[-2:])
    assert (created, live) == (EDITORS * RELEASES_EACH, EDITORS * RELEASES_EACH)  # no orphan drafts
    server_log = (work / "gunicorn.log").read_text()
    assert statuses and set(statuses) == {200}, (
        f"{len(statuses)} requests: {sorted(set(statuses))}; the server said:\n{server_log[-6000:]}"
    )
    print(f"{EDITORS * RELEASES_EACH} publishes and {len(statuses)} requests in {elapsed:.0f} s")
    # Each editor's last release is served at its address.
    for editor in range(EDITORS):
        page = urllib.request.urlopen(f"{url}/de/aktuelles/redaktion-{editor}-nr-{RELEASES_EACH - 1}/", timeout=30)
        assert f"Redaktion {editor} meldet Nr. {RELEASES_EACH - 1}" in page.read().decode()
