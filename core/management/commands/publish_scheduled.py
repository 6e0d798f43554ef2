"""Wagtail's publish_scheduled, with each publication done whole or not at all.

Wagtail's own command clears a revision's go-live date in a commit of its
own before it saves the page: when the save fails (a busy SQLite, a
dropped database connection) the release is lost, with nothing left for the
next run to retry. Here every scheduled unpublication and publication runs in
one transaction: a failure rolls it back whole (the go-live date stays), is
logged as an error, and the next run, a minute later, tries again, while the
other due pages go ahead. Pages whose time has long passed are listed on the
admin dashboard (core.wagtail_hooks.OverdueSchedulePanel).

This command replaces Wagtail's of the same name (core comes before wagtail
in INSTALLED_APPS); `run_scheduler` and a cron job alike run it.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger("core.scheduler")

# A scheduled change still pending this long after its time failed at least
# a few runs in a row: the dashboard says so.
OVERDUE = timedelta(minutes=5)


def scheduled_models():
    """Pages and every other model with drafts (snippets) that can be scheduled."""
    return [Page] + [
        model for model in apps.get_models() if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def due_expiries(now=None, models=None):
    """Live objects whose expiry date has passed, oldest first."""
    now = now or timezone.now()
    return [
        obj
        for model in models or scheduled_models()
        for obj in model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at")
    ]


def due_revisions(now=None):
    """Revisions approved to go live by now, oldest first."""
    return list(Revision.objects.filter(approved_go_live_at__lt=now or timezone.now()).order_by("approved_go_live_at"))


class Command(WagtailCommand):
    help = "Publish and unpublish what is scheduled; each change whole or not at all, a failed one retried next run."

    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        failed = []
        for obj in due_expiries():
            if not self.attempt(obj.unpublish, set_expired=True, log_action="wagtail.unpublish.scheduled"):
                failed.append(f"unpublishing {obj!r}")
        for revision in due_revisions():
            if not self.attempt(revision.publish, log_action="wagtail.publish.scheduled"):
                failed.append(f"publishing {revision.object_str!r} (revision {revision.pk})")
        if failed:
            raise CommandError(f"Failed, to be retried at the next run: {'; '.join(failed)}")

    @staticmethod
    def attempt(action, **kwargs):
        """Run one scheduled change in its own transaction; False if it failed (and was rolled back)."""
        try:
            with transaction.atomic():
                action(**kwargs)
        except Exception:
            logger.exception("A scheduled change failed and was rolled back; the next run retries it")
            return False
        return True
