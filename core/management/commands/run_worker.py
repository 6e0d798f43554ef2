"""Run background tasks: one worker for the whole site.

Tasks (django-tasks, `settings.TASKS`) wait in the database until this
worker runs them: Wagtail's reference index and search index updates and
frontend-cache purges, and later our own. It is django_tasks_db's `db_worker` (same
options, see --help) with three differences:

- --exit-with-parent stops it when the process that started it ends (used
  by `make run`, like `run_scheduler`);
- finished task results older than --keep-days (default 7) are deleted at
  start and then once an hour, so the table stays small;
- it logs what the project's LOGGING lets through (by default warnings and
  errors: a failed task with its traceback); -v 2 logs every task, -v 0
  only errors. It never reloads itself: restart it after a deploy.

Run exactly one per site. A failed task is not retried: it stays in the
table as FAILED, with its traceback.
"""

import logging
import os
import signal

from django.core.management import call_command
from django.core.management.base import CommandError

from django_tasks_db.compat import TASKS_LOGGER, task_backends
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from core.processes import every
from core.processes import exit_with_parent as watch_parent

PRUNE_EVERY = 60 * 60  # seconds


def prune(backend_name, keep_days, verbosity=0):
    """Delete the results of finished (successful or failed) tasks older than
    keep_days, in every queue of the backend."""
    call_command(
        "prune_db_task_results",
        backend=task_backends[backend_name],
        queue_name="*",
        min_age_days=keep_days,
        verbosity=verbosity,
    )


class Command(DBWorkerCommand):
    help = "Run the background tasks queued in the database (django_tasks_db's db_worker, for this site)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(reload=False)
        parser.add_argument(
            "--exit-with-parent",
            action="store_true",
            help="Stop when the process that started this one ends (used by `make run`).",
        )
        parser.add_argument(
            "--keep-days",
            type=int,
            default=7,
            help="Delete finished task results older than this many days, at start and once an hour (default: 7).",
        )

    def configure_logging(self, verbosity):
        level = {0: logging.ERROR, 1: None, 2: logging.INFO}.get(verbosity, logging.DEBUG)
        for name in (TASKS_LOGGER, "django_tasks_db"):
            task_logger = logging.getLogger(name)
            if level is not None:
                task_logger.setLevel(level)
            if not task_logger.hasHandlers():
                task_logger.addHandler(logging.StreamHandler(self.stderr))

    def handle(self, *args, exit_with_parent, keep_days, **options):
        if options["reload"]:
            raise CommandError("run_worker does not reload; use db_worker --reload while developing.")
        backend_name = options["backend_name"]
        verbosity = 1 if options["verbosity"] > 1 else 0  # how many results were deleted: with -v 2
        prune(backend_name, keep_days, verbosity)
        if not options["batch"]:
            every(PRUNE_EVERY, lambda: prune(backend_name, keep_days, verbosity), name="prune-task-results")
        if exit_with_parent:
            # db_worker's own SIGTERM handler lets a running task finish, then exits.
            watch_parent(lambda: os.kill(os.getpid(), signal.SIGTERM))
        super().handle(*args, **options)
