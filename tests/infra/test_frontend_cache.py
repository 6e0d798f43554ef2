"""A CDN or Varnish in front hears of every published and unpublished page."""

import logging
import time

import pytest

from core import tasks
from tests.factories import StandardPageFactory
from tests.infra.conftest import base_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def varnish(purge_server, settings):
    """FRONTEND_CACHE_HTTP_URL set to the recording server, as a deployment with Varnish would."""
    host, port = purge_server.server_address
    configured = base_settings(FRONTEND_CACHE_HTTP_URL=f"http://{host}:{port}")
    settings.WAGTAILFRONTENDCACHE = configured["WAGTAILFRONTENDCACHE"]
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = configured["WAGTAILFRONTENDCACHE_LANGUAGES"]
    return purge_server.purged


def test_publishing_a_page_purges_its_url(varnish, home_de):
    page = StandardPageFactory(parent=home_de, slug="neu", live=False)
    assert varnish == []
    page.save_revision().publish()
    # Under the Site's host (its root URL, BASE_URL in the test settings).
    assert ("testserver", "/de/neu/") in varnish
    # Each language's page is purged under its own URL, not under the other prefix.
    assert ("testserver", "/en/neu/") not in varnish


def test_unpublishing_a_page_purges_its_url(varnish, home_en):
    page = StandardPageFactory(parent=home_en, slug="gone", locale=home_en.locale)
    page.save_revision().publish()
    varnish.clear()
    page.unpublish()
    assert ("testserver", "/en/gone/") in varnish


def test_without_a_frontend_cache_nothing_is_purged(purge_server, home_de):
    StandardPageFactory(parent=home_de, slug="ohne-cache", live=False).save_revision().publish()
    assert purge_server.purged == []


def test_a_purge_the_cdn_refused_is_made_again_once_it_answers(varnish, purge_server, home_de, task_queue, monkeypatch):
    monkeypatch.setattr(tasks, "FRONTEND_RETRY_SECONDS", 1)
    page = StandardPageFactory(parent=home_de, slug="waehrend-der-wartung", live=False)
    purge_server.failing = True
    page.save_revision().publish()
    task_queue.run()  # the CDN refuses; the purge is queued again for a second later
    assert ("testserver", "/de/waehrend-der-wartung/") not in varnish
    purge_server.failing = False
    time.sleep(1.1)
    task_queue.run()
    assert ("testserver", "/de/waehrend-der-wartung/") in varnish


def test_a_purge_is_given_up_once_the_cdns_copies_have_expired_anyway(
    varnish, purge_server, home_de, task_queue, settings, caplog
):
    settings.PAGE_CACHE_SECONDS = 5  # the CDN keeps pages 5 s (s-maxage)
    page = StandardPageFactory(parent=home_de, slug="lange-wartung", live=False)
    purge_server.failing = True
    with caplog.at_level(logging.ERROR, logger="core.caching.purge"):
        page.save_revision().publish()
        task_queue.run()
    assert "did not take the purge" in caplog.text
    assert ("testserver", "/de/lange-wartung/") not in varnish
