"""The app server as `make run` starts it: idle clients cannot take its
workers, and two servers on one machine keep out of each other's way."""

import socket
import time
import urllib.request

import pytest

from devtools.throwaway import free_port, gunicorn, served_copy

pytestmark = pytest.mark.slow


def timed_get(url):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        response.read()
    return time.monotonic() - started


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("served")
    with served_copy(tmp_path, "nka_server", demo=False, HOME=str(tmp_path)) as copy:
        yield copy.url, copy.env, tmp_path


def test_a_hundred_idle_connections_do_not_delay_a_visitor(site):
    url, _env, _work = site
    page = f"{url}/robots.txt"
    normal = min(timed_get(page) for _ in range(5))
    idle = []
    try:
        for _ in range(100):
            connection = socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])))
            idle.append(connection)  # connected, sending nothing
        time.sleep(1.5)  # connected; the workers hand them to their pollers
        delayed = min(timed_get(page) for _ in range(5))
        slowest = max(timed_get(page) for _ in range(5))
    finally:
        for connection in idle:
            connection.close()
    assert delayed - normal < 0.1, (normal, delayed)
    assert slowest < 1, slowest


def test_a_second_server_on_the_machine_leaves_the_first_alone(site):
    url, env, work = site
    second = gunicorn(env, free_port())
    time.sleep(3)
    second.terminate()
    second.wait(timeout=20)
    # No control socket in the shared home directory that the second could remove.
    assert not (work / ".gunicorn").exists()
    assert timed_get(f"{url}/robots.txt") < 5
