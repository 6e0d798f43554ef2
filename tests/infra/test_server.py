"""The app server as `make run` starts it: idle clients cannot take its
workers, and two servers on one machine keep out of each other's way."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from core.throwaway import free_port, production_environment

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def serve(env, port):
    return subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_served(url, server):
    deadline = time.monotonic() + 60
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5).read()
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.2)


def timed_get(url):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        response.read()
    return time.monotonic() - started


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("served")
    env, drop = production_environment(tmp_path, prefix="nka_server")
    port = free_port()
    env.update(BASE_URL=f"http://127.0.0.1:{port}", STATIC_ROOT=str(tmp_path / "static"), HOME=str(tmp_path))
    for command in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"], ["configure_site"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    server = serve(env, port)
    try:
        wait_until_served(f"http://127.0.0.1:{port}/robots.txt", server)
        yield f"http://127.0.0.1:{port}", env, tmp_path
    finally:
        server.terminate()
        server.wait(timeout=20)
        if drop:
            drop()


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
    second = serve(env, free_port())
    time.sleep(3)
    second.terminate()
    second.wait(timeout=20)
    # No control socket in the shared home directory that the second could remove.
    assert not (work / ".gunicorn").exists()
    assert timed_get(f"{url}/robots.txt") < 5
