"""Search terms counted for the promotions report (Reports → Search terms)
without writing to the database while a visitor searches.

Each process adds up the searches it answers and hands the tally to the task
worker at most once a minute (SEARCH_HITS_FLUSH_SECONDS) and when it exits:
one queued task instead of three writes per search, which on SQLite competed
with editors' publishes for the database's one write lock.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_pending = Counter()
_last_flush = time.monotonic()


def count(query_string):
    """Count one search for `query_string` (normalised by the report)."""
    global _last_flush
    with _lock:
        _pending[query_string] += 1
        due = time.monotonic() - _last_flush >= getattr(settings, "SEARCH_HITS_FLUSH_SECONDS", 60)
    if due:
        flush()


def flush():
    """Queue what this process counted since the last flush."""
    global _last_flush
    with _lock:
        hits = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if hits:
        from search.tasks import record_search_hits

        day = timezone.localdate().isoformat()
        record_search_hits.enqueue(hits, day)


def discard():
    """Forget what this process counted since the last flush (tests)."""
    with _lock:
        _pending.clear()


@atexit.register
def _flush_at_exit():
    try:
        flush()
    except Exception:
        logger.exception("The search counts of this process could not be queued")
