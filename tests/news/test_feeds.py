"""RSS and Atom per language and topic: valid, absolute, stable, only that language's live releases."""

import feedparser
import pytest

from tests.conftest import soup
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(
    ("url", "content_type", "language"),
    [
        ("/de/aktuelles/feed/rss/", "application/rss+xml", "de"),
        ("/de/aktuelles/feed/atom/", "application/atom+xml", "de"),
        ("/en/news/feed/rss/", "application/rss+xml", "en"),
        ("/en/news/feed/atom/", "application/atom+xml", "en"),
    ],
)
def test_feeds_validate_and_carry_their_language(client, url, content_type, language):
    feed = parse(client, url, content_type)
    assert feed.feed.get("language", language) == language
    assert len(feed.entries) == 17
    first = feed.entries[0]
    assert first.link.startswith(f"http://testserver/{language}/")
    assert first.id.startswith("urn:uuid:")
    assert first.summary
    assert first.published_parsed
    assert [t.term for t in first.tags]


def test_rss_items_carry_date_in_berlin_time_enclosure_and_credit(client):
    body = client.get("/de/aktuelles/feed/rss/").content.decode()
    assert "<language>de</language>" in body
    assert "<pubDate>Thu, 19 Nov 2026 10:00:00 +0100</pubDate>" in body
    assert "<pubDate>Thu, 18 Jun 2026 10:00:00 +0200</pubDate>" in body
    feed = feedparser.parse(body)
    kickoff = next(e for e in feed.entries if "Wuppertal" in e.title)
    assert kickoff.enclosures[0].type == "image/jpeg"
    assert kickoff.enclosures[0].href.startswith("http://testserver/media/images/")
    assert kickoff.media_credit[0]["content"] == "Stadt Wuppertal/Stefanie vom Stein"


def test_feed_holds_the_newest_twenty(client, index_de):
    for n in range(5):
        NewsPageFactory(parent=index_de, slug=f"extra-{n}")
    feed = parse(client, "/de/aktuelles/feed/rss/", "application/rss+xml")
    assert len(feed.entries) == 20


def test_german_only_release_never_reaches_the_english_feed(client, index_de):
    NewsPageFactory(parent=index_de, title="Nur auf Deutsch")
    assert "Nur auf Deutsch" in [
        e.title for e in parse(client, "/de/aktuelles/feed/rss/", "application/rss+xml").entries
    ]
    assert "Nur auf Deutsch" not in [
        e.title for e in parse(client, "/en/news/feed/rss/", "application/rss+xml").entries
    ]


def test_topic_feed_lists_only_that_topic(client):
    feed = parse(client, "/en/news/feed/rss/?topic=training", "application/rss+xml")
    assert len(feed.entries) == 5
    assert all("Training" in [t.term for t in entry.tags] for entry in feed.entries)
    assert client.get("/en/news/feed/rss/?topic=nope").status_code == 404


def test_guid_is_stable_across_edits(client, index_de):
    release = NewsPageFactory(parent=index_de, title="Erste Fassung", slug="fassung")
    first = parse(client, "/de/aktuelles/feed/atom/", "application/atom+xml").entries[0]
    release.title = "Zweite Fassung"
    release.slug = "fassung-neu"
    release.save_revision().publish()
    second = parse(client, "/de/aktuelles/feed/atom/", "application/atom+xml").entries[0]
    assert second.title == "Zweite Fassung"
    assert second.id == first.id


def test_every_page_of_a_language_announces_its_feeds(client):
    for url, feed_url in [("/en/contact/", "/en/news/feed/rss/"), ("/de/", "/de/aktuelles/feed/rss/")]:
        links = soup(client.get(url)).find_all("link", rel="alternate", type="application/rss+xml")
        assert feed_url in [link["href"] for link in links]
        assert all(link["href"].startswith(url[:4]) for link in links)  # only that language's feeds
    atom = soup(client.get("/en/")).find("link", rel="alternate", type="application/atom+xml")
    assert atom["href"] == "/en/news/feed/atom/"


def test_member_city_feed_and_listing(client):
    feed = parse(client, "/en/news/feed/rss/?city=frankfurt-am-main", "application/rss+xml")
    assert [entry.title for entry in feed.entries] == ["In-person round in Frankfurt am Main"]
    assert "Frankfurt am Main" in feed.feed.title
    listing = soup(client.get("/de/aktuelles/?city=frankfurt-am-main"))
    assert listing.h1.get_text() == "Aktuelles: Frankfurt am Main"
    assert client.get("/de/aktuelles/feed/atom/?city=atlantis").status_code == 404


def test_member_page_links_its_city_feed(client):
    link = soup(client.get("/de/mitglieder/frankfurt-am-main/")).find("a", type="application/rss+xml")
    assert link["href"] == "/de/aktuelles/feed/rss/?city=frankfurt-am-main"
