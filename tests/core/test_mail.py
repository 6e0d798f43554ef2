"""Mail is never lost in silence: the task worker tries a failing mail server
again and logs at ERROR when it gives up; `make run` writes mails to files."""

import logging
import os
import socketserver
import subprocess
import threading
from pathlib import Path

from django.contrib.auth import get_user_model

import pytest

from core.tasks import send_password_reset

ROOT = Path(__file__).resolve().parents[2]


class SMTPServer(socketserver.ThreadingTCPServer):
    """A mail server on localhost that turns the first `refuse` connections
    away (421, as a busy or restarting server does) and then accepts mail."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, refuse):
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.refuse = refuse
        self.connections = 0
        self.delivered = []  # (recipients, message text)

    @property
    def port(self):
        return self.server_address[1]


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        server = self.server
        server.connections += 1
        if server.connections <= server.refuse:
            self.reply("421 Service not available, try again later")
            return
        self.reply("220 localhost ESMTP")
        recipients = []
        while line := self.rfile.readline().decode():
            command = line.strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 localhost")
            elif command.startswith("MAIL FROM"):
                self.reply("250 OK")
            elif command.startswith("RCPT TO"):
                recipients.append(line.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while (data := self.rfile.readline().decode()) not in {".\r\n", ""}:
                    body.append(data)
                server.delivered.append((recipients, "".join(body)))
                recipients = []
                self.reply("250 OK")
            elif command == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("250 OK")


@pytest.fixture
def smtp(settings):
    """Start a mail server refusing a given number of connections, and point
    the SMTP backend at it with short waits between tries."""
    servers = []

    def start(refuse):
        server = SMTPServer(refuse)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_RETRY_DELAYS = [0.05, 0.1]
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


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
