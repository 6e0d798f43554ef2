"""Mail is never lost in silence: the task worker tries a failing mail server
again and logs at ERROR when it gives up; `make run` writes mails to files."""

import logging
import os
import subprocess
from pathlib import Path

from django.contrib.auth import get_user_model

import pytest

from core.tasks import send_password_reset
from tests.smtp import smtp_fixture  # noqa: F401 - the fixture `smtp`

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("redakteurin", "redakteurin@example.org", "ein-langes-testpasswort")


def reset(email):
    send_password_reset.enqueue(
        email=email,
        domain="testserver",
        use_https=False,
        subject_template_name="wagtailadmin/account/password_reset/email_subject.txt",
        email_template_name="wagtailadmin/account/password_reset/email.txt",
    )


@pytest.mark.django_db
def test_a_reset_mail_refused_twice_arrives_once_on_the_third_try(smtp, editor, caplog):
    server = smtp(refuse=2)
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        reset("redakteurin@example.org")
    assert server.connections == 3
    assert len(server.delivered) == 1
    recipients, text = server.delivered[0]
    assert recipients == ["redakteurin@example.org"]
    assert "/admin/password_reset/confirm/" in text
    assert [record.levelname for record in caplog.records] == ["WARNING", "WARNING"]


@pytest.mark.django_db
def test_a_reset_mail_the_server_always_refuses_is_logged_as_an_error_without_the_address(smtp, editor, caplog):
    server = smtp(refuse=100)
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        reset("redakteurin@example.org")
    assert server.connections == 3
    assert server.delivered == []
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert errors == ["Mail to r***@example.org not sent after 3 tries (SMTPConnectError)"]
    assert "redakteurin@example.org" not in caplog.text


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_sends_and_logs_nothing(smtp, caplog):
    server = smtp(refuse=0)
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        reset("niemand@example.org")
    assert server.connections == 0
    assert caplog.records == []


def make_run(tmp_path, serve, **env):
    """Run `make run`'s recipe with stand-ins for the setup steps (migrate,
    load_demo, the worker, …: not what is tested) and with `serve` (a
    manage.py command line) in place of gunicorn."""
    real_python = ROOT / ".venv" / "bin" / "python"
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / ".installed").touch()  # newer than the locks: nothing to install
    python = venv / "bin" / "python"
    python.write_text(f'#!/bin/sh\ncase "$2" in compile_translations) exec "{real_python}" "$@";; esac\nexit 0\n')
    gunicorn = venv / "bin" / "gunicorn"
    gunicorn.write_text(f'#!/bin/sh\nexec "{real_python}" manage.py {serve}\n')
    python.chmod(0o755)
    gunicorn.chmod(0o755)
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DJANGO_", "PYTEST", "BASE_URL", "WAGTAIL"))
    }
    environment.update(SECRET_KEY="x" * 50, MAKEFLAGS="", **env)
    result = subprocess.run(
        ["make", "run", f"VENV={venv}", "PORT=8999"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.slow
def test_make_run_without_mail_settings_writes_mails_to_files(tmp_path):
    """`make run` with no EMAIL_* variables chooses the file backend itself
    (production settings refuse the console one)."""
    mail = tmp_path / "mail"
    output = make_run(tmp_path, "sendtestemail leser@example.org", EMAIL_FILE_PATH=str(mail))
    assert f"Mail:  {mail}/" in output
    [sent] = list(mail.iterdir())
    assert "To: leser@example.org" in sent.read_text()


@pytest.mark.slow
def test_make_run_on_another_port_puts_that_port_in_mails(tmp_path):
    """Notification mails link to the admin on the port `make run` serves,
    from the site's own address."""
    code = "from django.conf import settings as s; print(s.WAGTAILADMIN_BASE_URL, '|', s.DEFAULT_FROM_EMAIL)"
    output = make_run(tmp_path, f'shell -c "{code}"')
    assert "Admin: http://127.0.0.1:8999/admin/" in output
    assert "http://127.0.0.1:8999 | Netzwerk kommunaler Antidiskriminierungsstellen <noreply@localhost>" in output


def test_the_sender_follows_the_public_address():
    from tests.infra.conftest import base_settings

    configured = base_settings(BASE_URL="https://www.antidiskriminierung-netzwerk.de")
    assert configured["DEFAULT_FROM_EMAIL"] == (
        "Netzwerk kommunaler Antidiskriminierungsstellen <noreply@www.antidiskriminierung-netzwerk.de>"
    )
    assert configured["WAGTAILADMIN_BASE_URL"] == "https://www.antidiskriminierung-netzwerk.de"
    assert (
        base_settings(BASE_URL="https://x.example.org", DEFAULT_FROM_EMAIL="presse@example.org")["DEFAULT_FROM_EMAIL"]
        == "presse@example.org"
    )
