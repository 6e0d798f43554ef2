"""Fixtures of the cache coherence tests: the page cache on, the crawl of the
public site, edits made the way the admin makes them.

The public site is crawled once for the package (`site_snapshot`): which URL
shows which text is read from it. Each test fills the caches itself (the
root conftest empties them before every test) by fetching the URLs it
checks, edits, and compares what a new anonymous visitor is served with
what a fresh render from the database gives.
"""

from django.conf import settings
from django.db import transaction
from django.test import override_settings

from wagtail.images import get_image_model

import pytest

from tests.coherence import crawl
from tests.coherence.editing import Editor


@pytest.fixture(autouse=True)
def page_cache_on():
    """The page cache as in production (whatever the test settings say).
    LocMemCache culls a third of its
    entries once it holds 300 (Django's default MAX_ENTRIES): a crawl would
    evict the very entries whose staleness these tests look for."""
    caches = {alias: dict(config) for alias, config in settings.CACHES.items()}
    for config in caches.values():
        if config.get("BACKEND", "").endswith("LocMemCache"):
            config["OPTIONS"] = {**config.get("OPTIONS", {}), "MAX_ENTRIES": 1_000_000}
    with override_settings(PAGE_CACHE_ENABLED=True, CACHES=caches):
        yield


@pytest.fixture(scope="package")
def site_snapshot(django_db_setup, django_db_blocker):
    """{url: Fetched} of every public URL of the demo site, as loaded.

    Image renditions made while crawling are kept (committed) until the
    package is done, as a site has them, so that the tests do not wait for
    image processing each time; the search's hit counts are rolled back.
    """
    rendition_model = get_image_model().get_rendition_model()
    with django_db_blocker.unblock():
        before = rendition_model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        pages = crawl.crawl(searches=False)
        with transaction.atomic():
            pages.update(crawl.crawl(only=crawl.SEARCHES))
            transaction.set_rollback(True)
    yield pages
    with django_db_blocker.unblock():
        rendition_model.objects.filter(pk__gt=before).delete()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run an edit as if its transaction committed: callbacks registered
    with transaction.on_commit (the purges) run at the end of the block at
    the latest. tests/conftest.py's callbacks_run_at_commit already runs
    them when the edit's own transaction commits (the capture then finds
    none left); the capture keeps these tests right without it."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def editor(admin_client, admin_user):
    """A superuser in the admin."""
    return Editor(admin_client, admin_user)
