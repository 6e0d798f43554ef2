"""Helpers for the long-running processes next to the app servers: the
scheduler (`manage.py run_scheduler`) and the task worker (`manage.py run_worker`)."""

import logging
import os
import threading
import time

from django.db import connection

logger = logging.getLogger(__name__)


def exit_with_parent(callback, poll=1.0):
    """Call `callback` (once) when the process that started this one ends.

    `make run` starts the scheduler and the worker in the background of the
    shell that then becomes gunicorn; when gunicorn ends, for whatever reason
    (Ctrl+C, kill, a crash), they are handed to another parent and their
    parent process id changes. A daemon thread looks every `poll` seconds.
    """
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(poll)
        callback()

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def every(seconds, function, name):
    """Run `function` in a daemon thread every `seconds`, the first time after
    `seconds`. An exception is logged and the next run tries again; the
    thread's database connection is closed after each run."""

    def loop():
        while True:
            time.sleep(seconds)
            try:
                function()
            except Exception:
                logger.exception("%s failed", name)
            finally:
                connection.close()

    threading.Thread(target=loop, name=name, daemon=True).start()
