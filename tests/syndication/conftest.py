"""Fixtures of the member-calendar tests: a real HTTP server on localhost
serving the calendars a test writes (tests/smtp.py does the same for mail),
and small helpers to write iCal feeds line by line, as calendar programs do."""

import http.server
import re
import threading
import time
from dataclasses import dataclass, field

import pytest


@dataclass
class Route:
    """What the server answers at one path: a body (bytes, or a function
    returning an iterable of bytes, sent as it is made), and how."""

    body: object = b""
    content_type: str = "text/calendar; charset=utf-8"
    status: int = 200
    etag: str = ""
    last_modified: str = ""
    delay: float = 0.0  # seconds before the answer (a server that does not answer)
    headers: dict = field(default_factory=dict)


class CalendarServer(http.server.ThreadingHTTPServer):
    """Serves `routes` on 127.0.0.1 at a free port, answering conditional
    requests with 304 as a real server does, and records every request."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), CalendarHandler)
        self.routes = {}
        self.requests = []  # (path, headers)

    def url(self, path):
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def serve(self, path, body, **options):
        """Serve `body` at `path` from now on; returns its URL."""
        self.routes[path] = Route(body=body, **options)
        return self.url(path)

    def requests_to(self, path):
        return [headers for requested, headers in self.requests if requested == path]


class CalendarHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        server.requests.append((self.path, dict(self.headers)))
        route = server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        if route.delay:
            time.sleep(route.delay)
        if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
            route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
        ):
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if isinstance(route.body, bytes):
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
            return
        self.end_headers()  # no length: the body ends when the connection closes
        try:
            for chunk in route.body():
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, as it should


@pytest.fixture
def calendar_server():
    """A calendar server for the test: `calendar_server.serve(path, body, …)`."""
    server = CalendarServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def vevent(uid, summary, start, end=None, **properties):
    """A VEVENT's lines. `start`/`end` are iCal values with their
    parameters, e.g. "TZID=Europe/Berlin:20270315T100000" or "20270315T090000Z";
    other properties by name (underscores for hyphens)."""
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20270101T000000Z", f"DTSTART{sep(start)}{start}"]
    if end:
        lines.append(f"DTEND{sep(end)}{end}")
    if summary is not None:
        lines.append(f"SUMMARY:{summary}")
    for name, value in properties.items():
        name = name.upper().replace("_", "-")
        lines.append(f"{name}{sep(value)}{value}")
    lines.append("END:VEVENT")
    return "\r\n".join(lines)


def sep(value):
    """The separator before a value: a semicolon if it starts with
    parameters ("TZID=…:…", "VALUE=DATE:…"), else a colon."""
    return ";" if re.match(r"[A-Z][A-Z-]*=[^:]*:", value) else ":"


BERLIN_VTIMEZONE = "\r\n".join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
)


def vcalendar(*components, headers=()):
    """A VCALENDAR of these components (strings), as bytes with CRLF."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Teststadt//Kalender//DE", *headers, *components]
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()
