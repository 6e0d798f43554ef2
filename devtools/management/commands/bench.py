"""Measure every page type as a visitor's browser would load it, at scale.

    python manage.py bench --scale 10000 [--database postgres://…] [--duration 5]

Builds a database of its own (a temporary SQLite file, or a new PostgreSQL
database next to the one given), loads the demo plus `--scale` releases,
starts gunicorn with the production settings exactly as `make run` does, and
loads each URL with wrk (two threads, eight connections): first with the
page cache off (every request renders), then with it on (warm). For each page
it prints requests per second, median and 99th-percentile latency, the SQL
queries and the render time of one request in-process, and the ratio to
serving a static file through the same stack (the reference: the best this
machine and stack can do). Ratios, not absolute numbers, are comparable
between machines. `make bench` runs it on SQLite and on PostgreSQL.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from devtools.throwaway import free_port, gunicorn, manage, postgres_database, wait_until_served

PAGES = [
    # (label, kind, path or callable name); kinds carry the targets below
    ("Home", "listing", "/de/"),
    ("News index", "listing", "/de/aktuelles/"),
    ("News index, page 50", "listing", "/de/aktuelles/?page=50"),
    ("News by topic", "listing", "/de/aktuelles/?topic=qualifizierung"),
    ("Press release", "detail", "release"),
    ("News RSS feed", "listing", "/de/aktuelles/feed/rss/"),
    ("Events (upcoming)", "listing", "/de/veranstaltungen/"),
    ("Events (past)", "listing", "/de/veranstaltungen/past/"),
    ("Event", "detail", "event"),
    ("Event iCal", "detail", "event_ical"),
    ("Events calendar feed", "listing", "/de/veranstaltungen/calendar/"),
    ("Member directory", "listing", "/de/mitglieder/"),
    ("Member", "detail", "/de/mitglieder/wuppertal/"),
    ("Partners", "listing", "/de/partner/"),
    ("Partner", "detail", "/de/partner/eccar/"),
    ("Standard page", "detail", "/de/ueber-das-netzwerk/"),
    ("English home", "listing", "/en/"),
    ("English press release", "detail", "release_en"),
    ("Search", "search", "/de/suche/?q=Diskriminierung"),
    ("Sitemap index", "listing", "/sitemap.xml"),
    ("Sitemap file (1,000 URLs)", "listing", "/sitemap-pages.xml"),
]
# Shares of the static file's rate: uncached, by kind of page, and cached.
TARGETS = {"listing": 5.0, "detail": 9.0, "search": 2.8}
CACHED_TARGET = 75.0
# The first request after a publish, in-process: queries and render time.
COLD_QUERIES = 15
COLD_MS = 50.0


def wrk(url, duration, connections=8, threads=2):
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latencies = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rate": rate,
        "p50": latencies.get("50", "?"),
        "p99": latencies.get("99", "?"),
        "errors": int(errors.group(1)) if errors else 0,
    }


class Command(BaseCommand):
    help = "Seed a scale data set into a database of its own, serve it like production and measure every page type."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10_000, help="Press releases to seed (default 10,000).")
        parser.add_argument("--database", default="", help="A PostgreSQL URL to create the bench database next to.")
        parser.add_argument("--duration", type=int, default=5, help="Seconds of load per URL and mode.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (as make run).")
        parser.add_argument("--keep", action="store_true", help="Keep the bench database and files.")

    def handle(self, *args, scale, database, duration, workers, keep, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is missing: `make system-deps` installs it from Debian.")
        work = Path(tempfile.mkdtemp(prefix="nka-bench-"))
        drop = None
        if database:
            url, drop = postgres_database(database, prefix="nka_bench")
            engine = "PostgreSQL"
        else:
            url = f"sqlite:///{work / 'bench.sqlite3'}"
            engine = "SQLite"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_SETTINGS"))},
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DATABASE_URL": url,
            "SECRET_KEY": uuid.uuid4().hex * 2,
            "HTTPS": "0",
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "PAGE_CACHE_DIR": str(work / "cache"),
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(work / "mail"),
            "LOG_LEVEL": "ERROR",
        }
        env.pop("REDIS_URL", None)
        try:
            self.seed(env, scale)
            paths = self.resolve_paths(env)
            measured = self.measure_in_process(env, paths)
            uncached = self.load(env, paths, workers, duration, page_cache=False)
            cached = self.load(env, paths, workers, duration, page_cache=True)
            self.report(engine, scale, paths, measured, uncached, cached)
        finally:
            if not keep:
                shutil.rmtree(work, ignore_errors=True)
                if drop:
                    drop()

    def manage(self, env, *args):
        return manage(env, *args).stdout

    def seed(self, env, scale):
        started = time.monotonic()
        self.stderr.write(f"Seeding the demo and {scale} releases …")
        self.manage(env, "migrate", "--noinput", "-v", "0")
        self.manage(env, "collectstatic", "--noinput", "-v", "0")
        self.manage(env, "load_demo", "--scale", str(scale))
        # What loading queued for the task worker (search and reference index).
        self.manage(env, "run_worker", "--batch", "--no-startup-delay", "-v", "0")
        self.stderr.write(f"  seeded in {time.monotonic() - started:.0f} s")

    def resolve_paths(self, env):
        script = (
            "from news.models import NewsPage; from events.models import EventPage;"
            "r=NewsPage.objects.filter(locale__language_code='de', slug__contains='wuppertal').first();"
            "e=EventPage.objects.filter(locale__language_code='de').live().order_by('path').first();"
            "en=NewsPage.objects.get(translation_key=r.translation_key, locale__language_code='en');"
            "print(r.url, e.url, en.url)"
        )
        release, event, release_en = self.manage(env, "shell", "--no-imports", "-c", script).split()[-3:]
        named = {"release": release, "event": event, "event_ical": f"{event}ical/", "release_en": release_en}
        return [(label, kind, named.get(target, target)) for label, kind, target in PAGES]

    def measure_in_process(self, env, paths):
        """Per page, with the page cache off: queries and render time right
        after a publish (a new frame generation: nothing of the page is
        cached; median of three) and then as served until the next publish
        (median of five)."""
        script = f"""
import json, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from core.caching.fragments import new_generation
out = {{}}
with override_settings(PAGE_CACHE_ENABLED=False, ALLOWED_HOSTS=["*"]):
    client = Client()
    for path in {[path for _label, _kind, path in paths]!r}:
        client.get(path)
        colds = []
        for _ in range(3):
            new_generation()
            with CaptureQueriesContext(connection) as cold_queries:
                start = time.perf_counter()
                client.get(path)
                colds.append(time.perf_counter() - start)
        cold = sorted(colds)[1]
        times = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - start)
        out[path] = [len(queries), sorted(times)[2] * 1000, response.status_code, len(cold_queries), cold * 1000]
print("JSON" + json.dumps(out))
"""
        import json

        output = self.manage(env, "shell", "--no-imports", "-c", script)
        return json.loads(output.split("JSON", 1)[1])

    def load(self, env, paths, workers, duration, page_cache):
        port = free_port()
        server_env = {**env, "PAGE_CACHE": "1" if page_cache else "0"}
        self.manage(server_env, "purge_page_cache")
        server = gunicorn(server_env, port, workers)
        base = f"http://127.0.0.1:{port}"
        try:
            try:
                wait_until_served(f"{base}/robots.txt", server, timeout=30)
            except RuntimeError as error:
                raise CommandError(str(error)) from None
            static_path = self.static_path(base)
            results = {"static": wrk(f"{base}{static_path}", duration)}
            for label, _kind, path in paths:
                try:
                    urllib.request.urlopen(f"{base}{path}", timeout=30).read()  # warm: frame, page cache
                except OSError as error:
                    self.stderr.write(f"  {label}: {error}")
                results[path] = wrk(f"{base}{path}", duration)
                self.stderr.write(
                    f"  {'cached' if page_cache else 'uncached':8} {label:28} {results[path]['rate']:8.1f} req/s"
                )
            return results
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()

    def static_path(self, base):
        html = urllib.request.urlopen(f"{base}/de/", timeout=30).read().decode()
        return re.search(r'href="(/static/css/main\.[0-9a-f]+\.css)"', html).group(1)

    def report(self, engine, scale, paths, measured, uncached, cached):
        static_uncached = uncached["static"]["rate"]
        static_cached = cached["static"]["rate"]
        lines = [
            f"### {engine}, {scale:,} press releases",
            "",
            f"Static file (reference): {static_uncached:,.0f} req/s (uncached run), {static_cached:,.0f} req/s (cached run).",
            "",
            "| page | after publish: queries | ms | queries | render ms | uncached req/s | p50 | p99 "
            "| % of static | target | cached req/s | p50 | p99 | % of static |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        misses = []
        for label, kind, path in paths:
            queries, render_ms, status, fresh_queries, fresh_ms = measured[path]
            cold, warm = uncached[path], cached[path]
            cold_share = 100 * cold["rate"] / static_uncached
            warm_share = 100 * warm["rate"] / static_cached
            target = TARGETS[kind]
            flag = "" if cold_share >= target else " ✗"
            if cold_share < target:
                misses.append(f"{label} uncached {cold_share:.1f} % < {target} %")
            if label != "Search" and warm_share < CACHED_TARGET:
                misses.append(f"{label} cached {warm_share:.1f} % < {CACHED_TARGET} %")
            cold_flag = ""
            if fresh_queries > COLD_QUERIES or fresh_ms > COLD_MS:
                cold_flag = " ✗"
                misses.append(f"{label} after publish {fresh_queries} queries, {fresh_ms:.0f} ms")
            errors = cold["errors"] + warm["errors"]
            status_note = f" (HTTP {status})" if status != 200 else ""
            error_note = f" ({errors} errors)" if errors else ""
            lines.append(
                f"| {label}{status_note}{error_note} | {fresh_queries} | {fresh_ms:.0f}{cold_flag} | {queries} | {render_ms:.1f} "
                f"| {cold['rate']:,.0f} | {cold['p50']} "
                f"| {cold['p99']} | {cold_share:.1f}{flag} | ≥ {target} | {warm['rate']:,.0f} | {warm['p50']} "
                f"| {warm['p99']} | {warm_share:.1f} |"
            )
        lines += ["", "Below target: " + ("; ".join(misses) if misses else "none."), ""]
        self.stdout.write("\n".join(lines))
