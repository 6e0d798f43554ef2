"""RSS and Atom per language, topic and member city: valid, absolute, stable, only that language's live releases.

Each test empties the news indexes and builds the releases its feeds carry.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest

from news.models import NewsPageMember
from tests.conftest import soup
from tests.factories import ImageFactory, MemberPageFactory, NewsPageFactory, StandardPageFactory, translate
from tests.news.conftest import translate_release

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def day(year, month, day, hour=10):
    """A moment in Berlin time, as editors date releases."""
    return datetime(year, month, day, hour, tzinfo=BERLIN)


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def rss_titles(client, url):
    return [entry.title for entry in parse(client, url, "application/rss+xml").entries]


# What the feeds of each language carry of the two releases built below, newest first.
EXPECTED = {
    "de": {
        "titles": ["Neue Meldung", "Alte Meldung"],
        "link": "http://testserver/de/aktuelles/neue-meldung/",
        "tags": ["Testthema"],
    },
    "en": {
        "titles": ["New release", "Old release"],
        "link": "http://testserver/en/news/new-release/",
        "tags": ["Test topic"],
    },
}


@pytest.mark.parametrize(
    ("url", "content_type", "language"),
    [
        ("/de/aktuelles/feed/rss/", "application/rss+xml", "de"),
        ("/de/aktuelles/feed/atom/", "application/atom+xml", "de"),
        ("/en/news/feed/rss/", "application/rss+xml", "en"),
        ("/en/news/feed/atom/", "application/atom+xml", "en"),
    ],
)
def test_feeds_validate_and_carry_their_language(client, empty_index_de, topic_de, url, content_type, language):
    old = NewsPageFactory(parent=empty_index_de, title="Alte Meldung", date=day(2025, 1, 1), topics=[topic_de])
    new = NewsPageFactory(
        parent=empty_index_de, title="Neue Meldung", slug="neue-meldung", date=day(2025, 2, 1), topics=[topic_de]
    )
    translate_release(old, title="Old release", slug="old-release")
    translate_release(new, title="New release", slug="new-release")
    feed = parse(client, url, content_type)
    expected = EXPECTED[language]
    assert feed.feed.get("language", language) == language
    assert [entry.title for entry in feed.entries] == expected["titles"]
    first = feed.entries[0]
    assert first.link == expected["link"]
    assert first.id.startswith("urn:uuid:")
    assert first.summary
    assert first.published_parsed
    assert [t.term for t in first.tags] == expected["tags"]


def test_rss_items_carry_date_in_berlin_time_enclosure_and_credit(client, empty_index_de):
    photo = ImageFactory(credit="Foto: Stadt Musterstadt/Erika Muster")
    NewsPageFactory(
        parent=empty_index_de,
        title="Mit Foto, im Winter",
        date=day(2026, 11, 19),
        lead_image=photo,
        lead_image_alt="Menschen bei einer Beratung",
    )
    NewsPageFactory(parent=empty_index_de, title="Ohne Foto, im Sommer", date=day(2026, 6, 18))
    body = client.get("/de/aktuelles/feed/rss/").content.decode()
    assert "<language>de</language>" in body
    assert "<pubDate>Thu, 19 Nov 2026 10:00:00 +0100</pubDate>" in body
    assert "<pubDate>Thu, 18 Jun 2026 10:00:00 +0200</pubDate>" in body
    winter, summer = feedparser.parse(body).entries
    assert winter.title == "Mit Foto, im Winter"
    assert winter.enclosures[0].type == "image/jpeg"
    assert winter.enclosures[0].href.startswith("http://testserver/media/images/")
    assert winter.media_credit[0]["content"] == "Stadt Musterstadt/Erika Muster"  # without "Foto:"
    assert not summer.get("enclosures")


def test_feed_holds_the_newest_twenty(client, empty_index_de):
    for number in range(1, 22):
        NewsPageFactory(parent=empty_index_de, title=f"Meldung {number}", date=day(2025, 1, number))
    assert rss_titles(client, "/de/aktuelles/feed/rss/") == [f"Meldung {number}" for number in range(21, 1, -1)]


def test_german_only_release_never_reaches_the_english_feed(client, empty_index_de):
    translated = NewsPageFactory(parent=empty_index_de, title="Übersetzte Meldung", date=day(2025, 1, 1))
    translate_release(translated, title="Translated release", slug="translated-release")
    NewsPageFactory(parent=empty_index_de, title="Nur auf Deutsch", date=day(2025, 2, 1))
    assert rss_titles(client, "/de/aktuelles/feed/rss/") == ["Nur auf Deutsch", "Übersetzte Meldung"]
    assert rss_titles(client, "/en/news/feed/rss/") == ["Translated release"]


def test_topic_feed_lists_only_that_topic(client, empty_index_de, topic_de):
    for number, topics in ((1, [topic_de]), (2, []), (3, [topic_de])):
        release = NewsPageFactory(
            parent=empty_index_de, title=f"Meldung {number}", date=day(2025, number, 1), topics=topics
        )
        translate_release(release, title=f"Release {number}", slug=f"release-{number}")
    feed = parse(client, "/en/news/feed/rss/?topic=test-topic", "application/rss+xml")
    assert [entry.title for entry in feed.entries] == ["Release 3", "Release 1"]
    assert all([t.term for t in entry.tags] == ["Test topic"] for entry in feed.entries)
    assert "Test topic" in feed.feed.title
    assert client.get("/en/news/feed/rss/?topic=nope").status_code == 404


def test_guid_is_stable_across_edits(client, empty_index_de):
    release = NewsPageFactory(parent=empty_index_de, title="Erste Fassung", slug="fassung")
    (first,) = parse(client, "/de/aktuelles/feed/atom/", "application/atom+xml").entries
    assert first.title == "Erste Fassung"
    release.title = "Zweite Fassung"
    release.slug = "fassung-neu"
    release.save_revision().publish()
    (second,) = parse(client, "/de/aktuelles/feed/atom/", "application/atom+xml").entries
    assert second.title == "Zweite Fassung"
    assert second.link == "http://testserver/de/aktuelles/fassung-neu/"
    assert second.id == first.id


def test_every_page_of_a_language_announces_its_feeds(client, home_de):
    page = StandardPageFactory(parent=home_de, title="Testseite", slug="testseite")
    translate(page, "en", title="Test page", slug="test-page")
    for url, feed_url in [
        ("/en/test-page/", "/en/news/feed/rss/"),
        ("/en/", "/en/news/feed/rss/"),
        ("/de/testseite/", "/de/aktuelles/feed/rss/"),
        ("/de/", "/de/aktuelles/feed/rss/"),
    ]:
        links = soup(client.get(url)).find_all("link", rel="alternate", type="application/rss+xml")
        assert feed_url in [link["href"] for link in links], url
        assert all(link["href"].startswith(url[:4]) for link in links), url  # only that language's feeds
    atom = soup(client.get("/en/")).find("link", rel="alternate", type="application/atom+xml")
    assert atom["href"] == "/en/news/feed/atom/"


@pytest.fixture
def musterstadt(members_de):
    """A member city, Musterstadt, in both languages (/de/mitglieder/musterstadt/, /en/members/musterstadt/)."""
    city = MemberPageFactory(parent=members_de, title="Musterstadt", city="Musterstadt", slug="musterstadt")
    translate(city, "en", slug="musterstadt")
    return city


def name_city(release, city):
    """The release names the member city, as the admin saves a release with the cities it names."""
    NewsPageMember.objects.create(page=release, member=city, locale=release.locale)
    release.save_revision().publish()


def test_member_city_feed_and_listing(client, empty_index_de, musterstadt):
    naming = NewsPageFactory(parent=empty_index_de, title="Beratung in Musterstadt", date=day(2025, 1, 1))
    name_city(naming, musterstadt)
    translate_release(naming, title="Counselling in Musterstadt", slug="counselling-in-musterstadt")
    other = NewsPageFactory(parent=empty_index_de, title="Ohne Stadt", date=day(2025, 2, 1))
    translate_release(other, title="Without a city", slug="without-a-city")

    feed = parse(client, "/en/news/feed/rss/?city=musterstadt", "application/rss+xml")
    assert [entry.title for entry in feed.entries] == ["Counselling in Musterstadt"]
    assert "Musterstadt" in feed.feed.title
    listing = soup(client.get("/de/aktuelles/?city=musterstadt"))
    assert listing.h1.get_text() == "Aktuelles: Musterstadt"
    assert [h.get_text(strip=True) for h in listing.select("main article.card .card__title")] == [
        "Beratung in Musterstadt"
    ]
    assert client.get("/de/aktuelles/feed/atom/?city=atlantis").status_code == 404


def test_member_page_links_its_city_feed_once_a_release_names_the_city(client, index_de, musterstadt):
    def feed_link():
        return soup(client.get("/de/mitglieder/musterstadt/")).find("a", type="application/rss+xml")

    assert feed_link() is None  # no feed that would stay empty
    name_city(NewsPageFactory(parent=index_de, title="Beratung in Musterstadt"), musterstadt)
    assert feed_link()["href"] == "/de/aktuelles/feed/rss/?city=musterstadt"
