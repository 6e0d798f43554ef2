"""Every demo page passes the W3C Nu HTML checker (vnu.jar, run locally)."""

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.test_site import DEMO_PATHS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser


def test_demo_pages_are_valid_html(site_url, tmp_path):
    if shutil.which("java") is None:
        pytest.fail("Java is needed for the W3C checker: `make system-deps` installs it")
    files = []
    for index, path in enumerate(DEMO_PATHS):
        try:
            body = urllib.request.urlopen(site_url + path, timeout=10).read()
        except urllib.error.HTTPError as error:  # the 404 pages are validated too
            body = error.read()
        target = tmp_path / f"page-{index}.html"
        target.write_bytes(body)
        files.append(str(target))
    jar = ROOT / ".venv/node/node_modules/vnu-jar/build/dist/vnu.jar"
    if not jar.exists():
        pytest.fail(f"{jar} is missing: `make test` installs the W3C checker")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [f"{DEMO_PATHS[files.index(m['url'].removeprefix('file:'))]}: {m['message']}" for m in messages]
    assert problems == []
