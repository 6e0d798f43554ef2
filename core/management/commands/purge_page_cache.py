"""Drop every cached page and the cached site frame (after a deploy or a restore)."""

from django.core.management.base import BaseCommand

from core.caching import page_cache
from core.caching.fragments import new_generation


class Command(BaseCommand):
    help = "Drop every cached page and the cached site frame, in every worker (run after each deploy)."

    def handle(self, *args, **options):
        page_cache.purge_all()
        new_generation()
