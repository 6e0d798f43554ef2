"""Compile the gettext catalogues with polib, so no GNU gettext is needed."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


class Command(BaseCommand):
    help = "Compile every .po file under LOCALE_PATHS (site/locale) into .mo files."

    def handle(self, *args, **options):
        count = 0
        for root in map(Path, settings.LOCALE_PATHS):
            for po_path in root.glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                count += 1
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"Compiled {count} message catalogue(s).")
