"""Persistent database connections heal when the server drops one (restart, failover, idle timeout)."""

import time
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from wsgiref.util import setup_testing_defaults

from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

import pytest

pytestmark = pytest.mark.django_db


class AppServerThread:
    """One worker of an app server: requests go through Django's WSGI handler, one thread, one connection.

    Unlike the test client this sends request_started and request_finished,
    where Django decides whether to keep, check or close the connection.
    """

    def __init__(self):
        self.executor = ThreadPoolExecutor(max_workers=1)
        self.handler = WSGIHandler()

    def get(self, path):
        return self.executor.submit(self._get, path).result(timeout=60)

    def _get(self, path):
        environ = {"PATH_INFO": path, "HTTP_HOST": "localhost", "wsgi.input": BytesIO()}
        setup_testing_defaults(environ)
        status = []
        response = self.handler(environ, lambda code, headers: status.append(code))
        body = b"".join(response)
        response.close()  # as a WSGI server does: request_finished
        return int(status[0].split()[0]), body

    def backend_pid(self):
        """The PostgreSQL backend of this worker's connection, or None if it has none open."""

        def pid():
            if connection.connection is None:
                return None
            return connection.connection.info.backend_pid

        return self.executor.submit(pid).result()

    def stop(self):
        self.executor.submit(lambda: connection.close()).result()
        self.executor.shutdown()


@pytest.fixture
def app_server():
    server = AppServerThread()
    yield server
    server.stop()


def test_connections_are_kept_and_checked():
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_a_terminated_connection_heals_on_the_next_request(app_server):
    if connection.vendor != "postgresql":
        pytest.skip("terminating a server connection needs PostgreSQL (SQLite has no server)")

    assert app_server.get("/healthz")[0] == 200
    first = app_server.backend_pid()
    assert first is not None, "CONN_MAX_AGE > 0 keeps the connection open after the request"
    assert app_server.get("/de/")[0] == 200
    assert app_server.backend_pid() == first

    # From a second connection, as a database restart or failover would.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [first])
        assert cursor.fetchone()[0] is True
        for _ in range(100):
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [first])
            if cursor.fetchone()[0] == 0:
                break
            time.sleep(0.05)

    status, body = app_server.get("/de/")
    assert status == 200
    assert app_server.get("/healthz") == (200, b'{"status": "ok", "database": "ok", "cache": "ok"}')
    assert app_server.backend_pid() not in {None, first}
