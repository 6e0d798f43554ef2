"""A real mail server on localhost for tests of mail that must not be lost
(tests/core/test_mail.py, tests/contact/): it can turn connections away,
as a busy, restarting or unreachable server does, and then accept mail."""

import socketserver
import threading

import pytest


class SMTPServer(socketserver.ThreadingTCPServer):
    """A mail server on localhost that turns the first `refuse` connections
    away (421, as a busy or restarting server does) and then accepts mail."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, refuse, port=0):
        super().__init__(("127.0.0.1", port), SMTPHandler)
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


@pytest.fixture(name="smtp")
def smtp_fixture(settings):
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
