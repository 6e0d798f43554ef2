"""Publish and unpublish scheduled pages: one process for the whole site.

Wagtail stores "go live at" and "expire at" dates; `publish_scheduled` acts on
the ones that are due. This command runs it once a minute until stopped,
and once a day `searchpromotions_garbage_collect`, which forgets the search
terms of the promotions report older than WAGTAILSEARCH_HITS_MAX_AGE days,
and `delete_old_submissions` (form submissions past their page's retention);
every five minutes `retry_submission_mails`; every minute
`import_calendars --due`, which imports the member calendars whose last
import is an hour old (or failed five minutes ago). A job is a command's
name, or a tuple of its name and arguments.
Run exactly one of it per site (not one per app server): `make run` starts it
next to gunicorn; in production it is its own service, or replaced by cron
running `manage.py publish_scheduled` every minute.
"""

import io
import signal
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from core.processes import exit_with_parent as watch_parent

DAILY = 24 * 3600


class Command(BaseCommand):
    help = "Run publish_scheduled every --interval seconds (default 60) and the daily clean-ups until stopped."

    # (command, seconds between runs); each runs at start, then when due.
    jobs = (
        ("publish_scheduled", None),
        ("searchpromotions_garbage_collect", DAILY),
        # Form submissions: mails the worker lost queued again; old ones deleted (contact/).
        ("retry_submission_mails", 5 * 60),
        ("delete_old_submissions", DAILY),
        # The press list: mailings whose task was lost queued again; unconfirmed sign-ups expired (press/).
        ("send_press_mail", None),
        # Member calendars (syndication/): each city's when it is due.
        (("import_calendars", "--due"), None),
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run a single time and exit.")
        parser.add_argument(
            "--exit-with-parent",
            action="store_true",
            help="Stop when the process that started this one ends (used by `make run`).",
        )

    @staticmethod
    def close_old_connections():
        """Drop a broken or expired database connection between runs (a
        restarted database heals), but never one inside a transaction (a
        caller's, or a test's)."""
        if not connection.in_atomic_block:
            close_old_connections()

    def handle(self, *args, interval, once, exit_with_parent, **options):
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        if exit_with_parent:
            watch_parent(stop.set)
        last_run = {}
        while not stop.is_set():
            for job, every in self.jobs:
                name, *arguments = (job,) if isinstance(job, str) else job
                now = time.monotonic()
                if every is not None and name in last_run and now - last_run[name] < every:
                    continue
                try:
                    self.close_old_connections()
                    call_command(name, *arguments, verbosity=0, stdout=io.StringIO())
                    last_run[name] = now
                except Exception as error:  # keep running; the next minute may succeed
                    self.stderr.write(f"{name} failed: {error!r}")
                finally:
                    self.close_old_connections()
            if once:
                break
            stop.wait(interval)
