"""Import the member cities' iCal calendars (syndication/importer.py).

`manage.py import_calendars` imports every live German member page that
names a calendar; `--due` only those due (never imported, last import
older than CALENDAR_IMPORT_INTERVAL_MINUTES, or failed five minutes ago),
as the scheduler runs it every minute; `--member` one city, by page id or
slug (of either language). One line per city; a city's failure is recorded
on its import record and shown here, and does not fail the command.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from wagtail.models import Locale

from members.models import MemberPage
from syndication.importer import german_page, import_all, import_member


class Command(BaseCommand):
    help = "Import the member cities' iCal calendars into the network's events."

    def add_arguments(self, parser):
        parser.add_argument(
            "--due", action="store_true", help="Only cities whose last import is old enough or failed (the scheduler)."
        )
        parser.add_argument("--member", help="Only this member page (id or slug); imported whether due or not.")

    def handle(self, *args, due, member, **options):
        if member:
            page = self.find_member(member)
            results = {page: import_member(page)}
        else:
            # The scheduler's other jobs wait for this one: no new city is
            # started after CALENDAR_IMPORT_RUN_SECONDS (the rest follow next minute).
            results = import_all(due_only=due, budget=settings.CALENDAR_IMPORT_RUN_SECONDS if due else None)
        for page, result in results.items():
            self.stdout.write(f"{page.city or page.title}: {describe(result)}")

    @staticmethod
    def find_member(value):
        match = Q(slug=value) | Q(pk=int(value)) if value.isdigit() else Q(slug=value)
        german = Locale.get_default().pk
        pages = sorted(MemberPage.objects.filter(match), key=lambda page: page.locale_id != german)
        if not pages:
            raise CommandError(f"No member page with the id or slug {value!r}.")
        try:
            page = german_page(pages[0])
        except MemberPage.DoesNotExist:
            raise CommandError(f"{value!r} has no German member page.") from None
        if not page.calendar_url:
            raise CommandError(f"{page.title} names no calendar address.")
        return page


def describe(result):
    if result.error:
        return f"failed: {result.error}"
    if result.not_modified:
        return "unchanged"
    return (
        f"{result.added} added, {result.updated} updated, "
        f"{result.cancelled} cancelled, {result.unpublished} unpublished"
    )
