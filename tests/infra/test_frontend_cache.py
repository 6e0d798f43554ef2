"""A CDN or Varnish in front hears of every published and unpublished page."""

import pytest

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
