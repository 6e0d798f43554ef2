"""The press list's sweep, run every minute by the scheduler: queue every
mailing that has mail due (its task lost with a stopped worker, or a
release dated ahead whose time has come), and delete sign-ups that were
not confirmed in time."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from press.models import Delivery, Mailing
from press.sending import CLAIM_SECONDS
from press.subscriptions import expire_unconfirmed
from press.tasks import enqueue_mailing, send_mailing


def queued_mailings():
    """The mailings whose task is in the database queue already, waiting
    (not to queue one more each minute while the worker is busy or down)."""
    from django_tasks import default_task_backend

    try:
        from django_tasks_db import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the site always has it
        return set()
    if not isinstance(default_task_backend, DatabaseBackend):
        return set()
    rows = DBTaskResult.objects.filter(task_path=send_mailing.module_path, status="READY")
    return {row["args"][0] for row in rows.values_list("args_kwargs", flat=True) if row.get("args")}


class Command(BaseCommand):
    help = "Queue press-list mailings with mail due; delete unconfirmed sign-ups past their time."

    def handle(self, *args, **options):
        now = timezone.now()
        stale = now - timedelta(seconds=CLAIM_SECONDS)
        due = Mailing.objects.filter(page__live=True, cancelled="").filter(
            Q(prepared_at__isnull=True, send_after__lte=now)
            | Q(deliveries__status=Delivery.Status.QUEUED, deliveries__next_try__lte=now)
            | Q(deliveries__status=Delivery.Status.SENDING, deliveries__claimed_at__lt=stale)
        )
        queued = 0
        waiting = queued_mailings()
        for mailing in due.distinct():
            if mailing.pk not in waiting:
                enqueue_mailing(mailing, at=now)
                queued += 1
        expired = expire_unconfirmed()
        if options["verbosity"] > 1:
            self.stdout.write(f"{queued} mailings queued, {expired} unconfirmed sign-ups deleted")
