"""Reproducible installs: the locks pin what requirements*.txt name, with
hashes, and an install refuses a lock that someone forgot to regenerate."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def pins(path):
    """{normalised name: version} of the `name==version` lines of a requirements file."""
    found = {}
    for line in path.read_text().splitlines():
        if match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^]]*\])?==(\S+)", line):
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


def locked(path):
    """{name: (version, number of hashes)} of a pip-compile lock."""
    text = path.read_text()
    entries = re.findall(r"^([a-z0-9-]+)==(\S+)((?: \\\n    --hash=sha256:[0-9a-f]{64})+)", text, re.MULTILINE)
    return {name: (version, hashes.count("--hash=")) for name, version, hashes in entries}


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_every_pin_is_locked_at_its_version_with_hashes(name):
    lock = locked(ROOT / f"{name}.lock")
    for package, version in pins(ROOT / f"{name}.txt").items():
        assert lock.get(package, (None,))[0] == version, f"{package}=={version}: run make lock"
    # Every line of the lock that names a package is an entry with hashes.
    listed = re.findall(r"^[a-z0-9-]+==", (ROOT / f"{name}.lock").read_text(), re.MULTILINE)
    assert len(listed) == len(lock) > 0
    assert all(count > 0 for _, count in lock.values())


def test_the_dev_lock_installs_the_runtime_lock_unchanged():
    runtime = locked(ROOT / "requirements.lock")
    dev = locked(ROOT / "requirements-dev.lock")
    assert {package: dev.get(package) for package in runtime} == runtime
    assert {"pytest", "pip-tools"} <= dev.keys() - runtime.keys()


def test_make_install_stops_when_a_pin_is_missing_from_the_lock(tmp_path):
    for name in ("Makefile", "requirements.txt", "requirements.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    with (tmp_path / "requirements.txt").open("a") as requirements:
        requirements.write("requests-toolbelt==1.0.0\n")
    result = subprocess.run(["make", "install"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "requirements.lock lacks requests-toolbelt==1.0.0 from requirements.txt: run make lock" in result.stderr
    assert not (tmp_path / ".venv").exists()
