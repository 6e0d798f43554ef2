"""Queue again the mails of submissions that should have been sent by now.

The worker queues each retry itself; this sweep catches the ones it lost
(a worker that was down or restarted while sending). Sending is claimed per
submission, so a mail queued twice still goes out once. Run every few
minutes by `manage.py run_scheduler`.
"""

from django.core.management.base import BaseCommand

from contact.mail import overdue
from contact.tasks import send_submission_mail


class Command(BaseCommand):
    help = "Queue the mails of form submissions that are overdue."

    def handle(self, *args, **options):
        ids = list(overdue().values_list("pk", flat=True))
        for pk in ids:
            send_submission_mail.enqueue(pk)
        if options["verbosity"]:
            self.stdout.write(f"{len(ids)} submission mails queued again.")
