"""Create or repair the editorial groups, their permissions and the review workflow."""

from django.core.management.base import BaseCommand

from core.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create or repair the groups Redaktion, Moderation, Übersetzung, one per member city, and the review workflow."
    )

    def handle(self, *args, **options):
        groups = ensure_roles()
        if options["verbosity"] > 1:
            self.stdout.write("Groups: " + ", ".join(group.name for group in groups.values()))
