"""Background tasks wait in the database until the one worker runs them.

Production (config/settings/base.py) queues tasks in the database
(django_tasks_db); the other tests run them inline. These tests switch to
the database queue and run the worker: in this process (`run_worker
--batch`), and as `make run` starts it, as a process of its own that ends
with its parent.
"""

import logging
import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from core.management.commands.run_worker import prune
from devtools.throwaway import production_environment
from tests.factories import StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


# Tasks are module-level functions: the worker imports them by their path.
@task()
def record(path, line):
    """Append a line to a file: shows that, and where, the task ran."""
    with open(path, "a") as file:
        file.write(f"{line} {os.getpid()}\n")
    return line


@task()
def fail():
    raise ValueError("the frontend cache is down")


def test_a_task_waits_in_the_database_until_the_worker_runs_it(task_queue, tmp_path):
    log = tmp_path / "ran.txt"
    result = record.enqueue(str(log), "hello")
    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == TaskResultStatus.READY
    assert stored.task_path == "tests.infra.test_tasks.record"
    assert not log.exists()  # not run in the request that queued it

    task_queue.run()

    stored.refresh_from_db()
    assert stored.status == TaskResultStatus.SUCCESSFUL
    assert stored.return_value == "hello"
    assert log.read_text() == f"hello {os.getpid()}\n"
    assert not DBTaskResult.objects.ready().exists()


def test_a_failed_task_is_logged_with_its_traceback_and_kept_as_failed(task_queue, caplog):
    result = fail.enqueue()
    with caplog.at_level(logging.ERROR):
        task_queue.run()
    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == TaskResultStatus.FAILED
    assert stored.exception_class_path == "builtins.ValueError"
    assert "the frontend cache is down" in stored.traceback
    [logged] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "tests.infra.test_tasks.fail" in logged.getMessage()
    assert "FAILED" in logged.getMessage()
    assert logged.exc_info[0] is ValueError  # the handler prints the traceback
    # Not retried: a second run leaves it alone.
    task_queue.run()
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.FAILED


def test_a_task_queued_in_a_transaction_that_rolls_back_is_never_run(task_queue, tmp_path):
    with pytest.raises(RuntimeError), transaction.atomic():
        record.enqueue(str(tmp_path / "ran.txt"), "rolled back")
        raise RuntimeError("the editor's save failed")
    assert not DBTaskResult.objects.exists()


def test_wagtails_reference_index_is_updated_by_the_worker(task_queue, home_de):
    """With the database queue Wagtail's own tasks run on the worker: the
    reference index of a saved page lags until the worker has run."""
    page = StandardPageFactory(parent=home_de, slug="neu")
    queued = [
        result
        for result in DBTaskResult.objects.filter(task_path="wagtail.tasks.update_reference_index_task")
        if result.args_kwargs["args"] == ["home", "standardpage", str(page.pk)]
    ]
    assert [result.status for result in queued] == [TaskResultStatus.READY]

    task_queue.run()

    queued[0].refresh_from_db()
    assert queued[0].status == TaskResultStatus.SUCCESSFUL
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def test_the_search_index_is_updated_by_the_worker(task_queue, home_de):
    """So is the search index: a saved page is found once the worker has run."""
    from home.models import StandardPage

    page = StandardPageFactory(parent=home_de, slug="suchbar", title="Quittenmarmelade")
    assert list(StandardPage.objects.live().search("Quittenmarmelade")) == []

    task_queue.run()

    assert list(StandardPage.objects.live().search("Quittenmarmelade")) == [page]


def test_finished_results_are_pruned_after_a_week(task_queue, tmp_path):
    old, recent = (record.enqueue(str(tmp_path / "ran.txt"), name) for name in ("old", "recent"))
    old_failure = fail.enqueue()
    task_queue.run()
    waiting = record.enqueue(str(tmp_path / "ran.txt"), "waiting")
    DBTaskResult.objects.filter(id__in=[old.id, old_failure.id]).update(finished_at=timezone.now() - timedelta(days=8))

    prune("default", keep_days=7)

    assert set(DBTaskResult.objects.values_list("id", flat=True)) == {uuid.UUID(recent.id), uuid.UUID(waiting.id)}


def test_the_tests_run_tasks_inline(tmp_path):
    result = record.enqueue(str(tmp_path / "ran.txt"), "inline")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert not DBTaskResult.objects.exists()


# make run: `manage.py run_worker --exit-with-parent &` in the shell that becomes gunicorn.


def is_running(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has exited; whoever adopted it has not reaped it yet


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


@pytest.fixture
def worker_database(tmp_path):
    """A database of its own with the task table, as a deployment's would have."""
    env, drop = production_environment(tmp_path, prefix="nka_tasks")
    yield env
    if drop:
        drop()


@pytest.mark.slow
@pytest.mark.django_db(False)
def test_make_runs_worker_runs_queued_tasks_and_ends_with_its_parent(worker_database, tmp_path):
    env, log = worker_database, tmp_path / "ran.txt"
    python = sys.executable
    subprocess.run(
        [
            python,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.core.management import call_command; "
            "call_command('migrate', 'django_tasks_database', verbosity=0); "
            "from tests.infra.test_tasks import record; "
            f"record.enqueue({str(log)!r}, 'queued')",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    assert not log.exists()
    # As in the Makefile: the worker in the background, then the shell becomes the server.
    parent = subprocess.Popen(
        ["bash", "-c", f"{python} manage.py run_worker --exit-with-parent -v 2 & echo $!; exec sleep 300"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=open(tmp_path / "worker.log", "w"),  # noqa: SIM115 - closed with the process
        text=True,
    )
    try:
        worker = int(parent.stdout.readline())
        wait_for(lambda: log.exists() and log.read_text().endswith("\n"), 60, "the queued task")
        assert log.read_text() == f"queued {worker}\n"  # run by the worker process
        assert is_running(worker)
    finally:
        parent.kill()
        parent.wait()
    wait_for(lambda: not is_running(worker), 30, "the worker to end with its parent")
    output = (tmp_path / "worker.log").read_text()
    assert "path=tests.infra.test_tasks.record state=SUCCESSFUL" in output
    assert "Traceback" not in output


def test_run_worker_explains_itself():
    result = subprocess.run(
        [sys.executable, "manage.py", "run_worker", "--help"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 60,
            "EMAIL_HOST": "smtp.example.org",
        },
        check=True,
        capture_output=True,
        text=True,
    )
    assert "--exit-with-parent" in result.stdout
    assert "--keep-days" in result.stdout
    assert "--batch" in result.stdout


def test_the_scheduler_ends_with_its_parent_too(monkeypatch, signal_handlers_kept):
    """run_scheduler --exit-with-parent watches its parent as the worker does
    (core/processes.py): it stops within a second, not after its minute."""
    parents = iter([1000])  # the parent it starts with, then adopted by init
    monkeypatch.setattr(os, "getppid", lambda: next(parents, 1))
    started = time.monotonic()
    call_command("run_scheduler", exit_with_parent=True, interval=60)
    assert time.monotonic() - started < 10
