"""Real services for the several-app-servers tests, all on this machine.

Each test starts what it talks to: a redis-server of its own (so a test may
stop and restart it), an S3-compatible server (moto in server mode, spoken
to over HTTP like any object store) and a tiny HTTP server that records the
PURGE requests a Varnish would get. Settings come from config/settings/base.py
read with the environment a deployment would set (`base_settings`).
"""

import json
import os
import runpy
import shutil
import signal
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The variables that switch services on; left out of the environment unless a test sets them.
SERVICE_VARIABLES = {
    "REDIS_URL",
    "CACHE_KEY_PREFIX",
    "SERVE_MEDIA",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "FRONTEND_CACHE_HTTP_URL",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID",
    "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN",
    "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID",
}


def base_settings(**env):
    """The settings config/settings/base.py makes from this environment (no other service variable set)."""
    environment = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    with mock.patch.dict(os.environ, {**environment, **env}, clear=True):
        return runpy.run_path(str(ROOT / "config" / "settings" / "base.py"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


class RedisServer:
    """A throwaway redis-server without persistence, on a port of its own."""

    def __init__(self, directory):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is missing: `make system-deps` installs it from Debian")
        self.binary, self.directory, self.port = binary, directory, free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        args = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [self.binary, *args, "--dir", str(self.directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for_port(self.port)

    def pause(self):
        """Hang Redis (SIGSTOP): connections open, nothing answers."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_settings(redis_server, settings, monkeypatch):
    """The cache and sessions as a deployment with REDIS_URL has them, on a
    fresh Redis. The breaker (core/caching/redis_cache.py) tries Redis at every call
    here, unless a test sets BREAK_SECONDS: tests restart Redis and use it at once."""
    from django.core.cache import cache

    from core.caching import redis_cache

    monkeypatch.setattr(redis_cache, "BREAK_SECONDS", 0.0)
    monkeypatch.setattr(redis_cache, "_breakers", {})

    configured = base_settings(REDIS_URL=redis_server.url)
    settings.CACHES = configured["CACHES"]
    settings.SESSION_ENGINE = configured["SESSION_ENGINE"]
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = configured["DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS"]
    yield configured
    cache.close()


S3_BUCKET = "nka-media"
S3_ACCESS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_S3_REGION_NAME": "us-east-1"}


def public_images_policy(bucket):
    """Anyone may read images and renditions; documents only through the app (README, Deployment)."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/original_images/*", f"arn:aws:s3:::{bucket}/images/*"],
            }
        ],
    }


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 over HTTP on a free port, with a bucket set up as the README says; yields the endpoint URL."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=S3_ACCESS["AWS_S3_REGION_NAME"],
        aws_access_key_id=S3_ACCESS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_ACCESS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=S3_BUCKET)
    client.put_bucket_policy(Bucket=S3_BUCKET, Policy=json.dumps(public_images_policy(S3_BUCKET)))
    yield endpoint
    server.stop()


@pytest.fixture
def s3_media(s3_server, settings, monkeypatch):
    """Uploads go to the S3 server as a deployment with AWS_STORAGE_BUCKET_NAME has them."""
    from django.core.cache import cache

    env = {"AWS_STORAGE_BUCKET_NAME": S3_BUCKET, "AWS_S3_ENDPOINT_URL": s3_server, **S3_ACCESS}
    # Credentials stay in the environment, where boto3 reads them, as in production.
    for name, value in S3_ACCESS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    configured = base_settings(**env)
    settings.STORAGES = {**settings.STORAGES, "default": configured["STORAGES"]["default"]}
    # Renditions are cached by image id: none from a test with local files.
    cache.clear()
    yield configured
    cache.clear()


class PurgeRecorder(BaseHTTPRequestHandler):
    """Answers PURGE like Varnish and remembers (Host, path)."""

    def do_PURGE(self):
        if getattr(self.server, "failing", False):  # down for maintenance
            self.send_response(503)
            self.end_headers()
            return
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
