"""UI strings: the German catalogue is complete and compiles without GNU gettext."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "site" / "locale" / "de" / "LC_MESSAGES" / "django.po"


def test_every_german_ui_string_is_translated():
    catalogue = polib.pofile(str(PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue.translated_entries()) > 50


def test_the_compiled_catalogue_matches_the_source(tmp_path):
    compiled = ROOT / "site" / "locale" / "de" / "LC_MESSAGES" / "django.mo"
    assert compiled.exists(), "run `make compile-messages` (make run and make test do)"
    fresh = tmp_path / "django.mo"
    polib.pofile(str(PO)).save_as_mofile(str(fresh))
    assert {e.msgid: e.msgstr for e in polib.mofile(str(compiled))} == {
        e.msgid: e.msgstr for e in polib.mofile(str(fresh))
    }


def test_catalogue_holds_every_string_the_code_marks(tmp_path):
    """makemessages (GNU gettext) finds no string that the catalogue lacks."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed for this check: `make system-deps` installs it")
    work = tmp_path / "project"
    shutil.copytree(
        ROOT,
        work,
        ignore=shutil.ignore_patterns(".venv", ".git", "media", "static", "var", "node_modules", "__pycache__"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "de", "--no-obsolete", "--ignore", "tests/*"],
        cwd=work,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    extracted = {e.msgid for e in polib.pofile(str(work / "site/locale/de/LC_MESSAGES/django.po")) if e.msgid}
    translated = {e.msgid for e in polib.pofile(str(PO)).translated_entries()}
    assert extracted - translated == set()
