"""The section's RSS and Atom feeds and the sitemap carry its live pages."""

import datetime

from django.utils import timezone

import feedparser
import pytest

from easyread.models import EasyReadPage
from tests.factories import EasyReadPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_pages(empty_section):
    pages = [
        EasyReadPageFactory(parent=empty_section, title=title, slug=slug)
        for title, slug in (("Alt", "alt"), ("Neu", "neu"), ("Mitte", "mitte"))
    ]
    # First published on three days: "Alt" first, "Neu" last.
    for page, day in zip(pages, (1, 3, 2), strict=True):
        EasyReadPage.objects.filter(pk=page.pk).update(
            first_published_at=timezone.make_aware(datetime.datetime(2026, 11, day, 10))
        )
    EasyReadPageFactory(parent=empty_section, title="Entwurf", slug="entwurf", live=False)
    return pages


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/de/leichte-sprache/feed/rss/", "application/rss+xml"),
        ("/de/leichte-sprache/feed/atom/", "application/atom+xml"),
    ],
)
def test_feeds_carry_the_live_pages_newest_first(client, three_pages, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == ["Neu", "Mitte", "Alt"]
    assert feed.entries[0].link == "http://testserver/de/leichte-sprache/neu/"
    assert feed.entries[0].summary == "Ein Satz. Noch ein Satz."
    assert feed.entries[0].id.startswith("urn:uuid:")


def test_rss_feed_is_german(client, three_pages):
    feed = feedparser.parse(client.get("/de/leichte-sprache/feed/rss/").content)
    assert feed.feed.language == "de"


def test_a_page_published_later_is_in_the_feed_at_the_next_request(client, three_pages, empty_section):
    assert len(feedparser.parse(client.get("/de/leichte-sprache/feed/atom/").content).entries) == 3
    page = EasyReadPageFactory(parent=empty_section, title="Ganz neu", slug="ganz-neu", live=False)
    page.save_revision().publish()
    entries = feedparser.parse(client.get("/de/leichte-sprache/feed/atom/").content).entries
    assert entries[0].title == "Ganz neu" and len(entries) == 4


def test_the_sitemap_lists_the_section_and_its_pages(client, three_pages):
    xml = client.get("/sitemap-pages.xml").content.decode()
    for path in ("/de/leichte-sprache/", "/de/leichte-sprache/alt/", "/de/leichte-sprache/neu/"):
        assert f"<loc>http://testserver{path}</loc>" in xml
    assert "/de/leichte-sprache/entwurf/" not in xml
