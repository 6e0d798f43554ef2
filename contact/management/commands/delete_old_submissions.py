"""Delete form submissions older than their page's retention period.

Each form page says how many days its submissions are kept
(`retention_days`, 180 unless editors changed it). Submissions of other
pages (Wagtail's own form pages, if any) are left alone. Run daily by
`manage.py run_scheduler`.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.models import Page

from contact.models import FormPageMixin, Submission


class Command(BaseCommand):
    help = "Delete form submissions older than the retention period their page sets."

    def handle(self, *args, **options):
        now = timezone.now()
        deleted = 0
        pages = Page.objects.filter(pk__in=Submission.objects.values("page_id")).specific()
        for page in pages:
            if not isinstance(page, FormPageMixin):
                continue
            cutoff = now - timedelta(days=page.retention_days)
            count, _ = Submission.objects.filter(page=page, submit_time__lt=cutoff).delete()
            deleted += count
        if options["verbosity"]:
            self.stdout.write(f"{deleted} submissions deleted.")
