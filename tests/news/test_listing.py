"""The news index: order, pagination, topic and year archive, language, drafts and embargoes, home page teasers.

Each test empties the news indexes and builds the releases it lists, so the
counts and orders below are those of the releases built in the test.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from news.models import Topic
from tests.conftest import soup
from tests.factories import NewsPageFactory
from tests.news.conftest import translate_release

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def day(year, month, day, hour=10):
    """A moment in Berlin time, as editors date releases."""
    return datetime(year, month, day, hour, tzinfo=BERLIN)


def titles(response):
    return [h.get_text(strip=True) for h in soup(response).select("main article.card .card__title")]


def year_links(response):
    return [a.get_text(" ", strip=True) for a in soup(response).select("nav[aria-labelledby=years-heading] a")]


def topic_links(response):
    return [a.get_text(" ", strip=True) for a in soup(response).select("nav[aria-labelledby=topics-heading] a")]


@pytest.fixture
def thirteen_releases(empty_index_de):
    """Releases "Meldung 1" (oldest) to "Meldung 13" (newest): twelve on the first page, one on the second."""
    for number in range(1, 14):
        NewsPageFactory(parent=empty_index_de, title=f"Meldung {number}", date=day(2025, 1, number))


def test_listing_shows_newest_first_twelve_per_page(client, empty_index_de):
    # Built in a different order than their dates: the listing orders by date.
    for number in (5, 1, 13, 9, 2, 11, 7, 3, 12, 6, 10, 4, 8):
        NewsPageFactory(parent=empty_index_de, title=f"Meldung vom {number:02d}.01.", date=day(2025, 1, number))
    newest_first = [f"Meldung vom {number:02d}.01." for number in range(13, 0, -1)]
    assert titles(client.get("/de/aktuelles/")) == newest_first[:12]
    assert titles(client.get("/de/aktuelles/?page=2")) == newest_first[12:] == ["Meldung vom 01.01."]


@pytest.mark.parametrize(("value", "expected_page"), [("abc", 1), ("0", 2), ("-1", 2), ("999", 2), ("2", 2), ("", 1)])
def test_bad_page_values_give_the_first_or_last_page(client, thirteen_releases, value, expected_page):
    response = client.get(f"/de/aktuelles/?page={value}")
    assert response.status_code == 200
    current = soup(response).select_one(".pagination a[aria-current=page]")
    assert current.get_text(strip=True).endswith(str(expected_page))
    if expected_page == 1:
        assert titles(response) == [f"Meldung {number}" for number in range(13, 1, -1)]
    else:
        assert titles(response) == ["Meldung 1"]


def test_pagination_links_keep_the_other_query_parameters(client, thirteen_releases):
    assert soup(client.get("/de/aktuelles/")).select_one(".pagination a[rel=next]")["href"] == "?page=2"
    page_soup = soup(client.get("/de/aktuelles/?year=&page=2"))
    assert page_soup.select_one(".pagination a[rel=prev]")["href"] == "?year=&page=1"


def test_topic_filter_and_archive_counts(client, empty_index_de, topic_de, german):
    other = Topic.objects.create(locale=german, name="Anderes Thema", slug="anderes-thema")
    NewsPageFactory(parent=empty_index_de, title="Älter, zum Testthema", date=day(2025, 1, 1), topics=[topic_de])
    NewsPageFactory(parent=empty_index_de, title="Zu einem anderen Thema", date=day(2025, 2, 1), topics=[other])
    NewsPageFactory(parent=empty_index_de, title="Ohne Thema", date=day(2025, 3, 1))
    NewsPageFactory(parent=empty_index_de, title="Neuer, zum Testthema", date=day(2025, 4, 1), topics=[topic_de, other])
    response = client.get("/de/aktuelles/?topic=testthema")
    assert titles(response) == ["Neuer, zum Testthema", "Älter, zum Testthema"]
    page_soup = soup(response)
    assert page_soup.h1.get_text() == "Aktuelles: Testthema"
    link = page_soup.select_one("nav[aria-labelledby=topics-heading] a[aria-current]")
    assert "Testthema" in link.get_text() and "(2)" in link.get_text()
    assert topic_links(response) == ["Anderes Thema (2)", "Testthema (2)"]


def test_year_filter_and_counts(client, empty_index_de):
    NewsPageFactory(parent=empty_index_de, title="Aus 2023", date=day(2023, 6, 1))
    NewsPageFactory(parent=empty_index_de, title="Frühjahr 2024", date=day(2024, 3, 1))
    NewsPageFactory(parent=empty_index_de, title="Herbst 2024", date=day(2024, 10, 1))
    # Half past midnight on New Year's Day in Berlin: a 2025 release, though still 2024 in UTC.
    NewsPageFactory(parent=empty_index_de, title="Neujahr 2025", date=day(2025, 1, 1, hour=0) + timedelta(minutes=30))
    NewsPageFactory(parent=empty_index_de, title="Sommer 2025", date=day(2025, 7, 1))
    response = client.get("/de/aktuelles/?year=2024")
    assert titles(response) == ["Herbst 2024", "Frühjahr 2024"]
    assert year_links(response) == ["2025 (2)", "2024 (2)", "2023 (1)"]
    assert titles(client.get("/de/aktuelles/?year=2025")) == ["Sommer 2025", "Neujahr 2025"]


@pytest.mark.parametrize(
    "query",
    [
        "topic=gibt-es-nicht",
        "topic=%3Cscript%3Ealert(1)%3C/script%3E",
        "year=abc",
        "year=99999",
        "year=-5",
        "topic=test-topic",  # the English topic's slug, on the German index
    ],
)
def test_bad_filter_values_answer_404_without_reflecting_them(client, topic_de, query):
    assert client.get("/de/aktuelles/?topic=testthema").status_code == 200  # the German topic's own slug
    response = client.get(f"/de/aktuelles/?{query}")
    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode()


def test_english_index_lists_only_english_releases(client, empty_index_de):
    translated = NewsPageFactory(parent=empty_index_de, title="Übersetzte Meldung", date=day(2025, 1, 1))
    translate_release(translated, title="Translated release", slug="translated-release")
    NewsPageFactory(parent=empty_index_de, title="Nur auf Deutsch", date=day(2025, 2, 1))
    assert titles(client.get("/de/aktuelles/")) == ["Nur auf Deutsch", "Übersetzte Meldung"]
    assert titles(client.get("/en/news/")) == ["Translated release"]


def test_drafts_and_embargoed_releases_appear_nowhere(client, empty_index_de):
    NewsPageFactory(parent=empty_index_de, title="Freigegeben", slug="freigegeben", date=day(2025, 1, 1))
    NewsPageFactory(parent=empty_index_de, title="Entwurf", slug="entwurf", live=False)
    embargoed = NewsPageFactory(parent=empty_index_de, title="Sperrfrist", slug="sperrfrist", live=False)
    embargoed.go_live_at = timezone.now() + timedelta(days=1)
    embargoed.save_revision().publish()  # as the admin's "Schedule to publish" does
    embargoed.refresh_from_db()
    assert not embargoed.live
    for url in ["/de/aktuelles/", "/de/aktuelles/feed/rss/", "/de/aktuelles/feed/atom/", "/sitemap-pages.xml", "/de/"]:
        body = client.get(url).content.decode()
        assert "/de/aktuelles/freigegeben/" in body, url  # the live release is there
        for hidden in ("Entwurf", "Sperrfrist", "/aktuelles/entwurf/", "/aktuelles/sperrfrist/"):
            assert hidden not in body, (url, hidden)
    assert client.get("/de/aktuelles/freigegeben/").status_code == 200
    assert client.get("/de/aktuelles/entwurf/").status_code == 404
    assert client.get("/de/aktuelles/sperrfrist/").status_code == 404


def test_release_dated_in_the_future_stays_out_of_listings(client, empty_index_de):
    NewsPageFactory(parent=empty_index_de, title="Gestern", date=timezone.now() - timedelta(days=1))
    NewsPageFactory(parent=empty_index_de, title="Zukunft", date=timezone.now() + timedelta(hours=2))
    assert titles(client.get("/de/aktuelles/")) == ["Gestern"]


def test_home_pages_show_the_latest_three_releases_of_their_language(client, empty_index_de):
    for number, month in ((1, 1), (2, 2), (3, 3), (4, 4)):
        release = NewsPageFactory(parent=empty_index_de, title=f"Meldung {number}", date=day(2025, month, 1))
        translate_release(release, title=f"Release {number}", slug=f"release-{number}")
    NewsPageFactory(parent=empty_index_de, title="Neueste, nur auf Deutsch", date=day(2025, 5, 1))
    de = [h.get_text(strip=True) for h in soup(client.get("/de/")).select("#latest-news-heading ~ .card-grid h3")]
    en = [h.get_text(strip=True) for h in soup(client.get("/en/")).select("#latest-news-heading ~ .card-grid h3")]
    assert de == ["Neueste, nur auf Deutsch", "Meldung 4", "Meldung 3"]
    assert en == ["Release 4", "Release 3", "Release 2"]


@pytest.mark.parametrize("url", ["/de/aktuelles/", "/de/aktuelles/feed/rss/", "/de/"])
def test_query_count_is_the_same_with_1_and_100_releases(client, empty_index_de, url, django_assert_max_num_queries):
    NewsPageFactory(parent=empty_index_de, date=timezone.now() - timedelta(days=1))
    client.get(url)
    with django_assert_max_num_queries(25) as one:
        assert client.get(url).status_code == 200
    baseline = len(one)  # read now: the next request resets Django's query log
    with transaction.atomic():  # as one import would: one purge at the end
        for n in range(99):
            NewsPageFactory(parent=empty_index_de, date=timezone.now() - timedelta(days=2, hours=n))
    client.get(url)  # first renditions are made on first use
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200


def test_archive_counts_follow_a_publish_and_a_deletion_at_the_next_request(client, empty_index_de, topic_de):
    NewsPageFactory(parent=empty_index_de, date=day(2025, 3, 1), topics=[topic_de])
    NewsPageFactory(parent=empty_index_de, date=day(2025, 2, 1))
    NewsPageFactory(parent=empty_index_de, date=day(2024, 5, 1), topics=[topic_de])
    assert client.get("/de/aktuelles/")["X-Cache"] == "MISS"
    response = client.get("/de/aktuelles/")
    assert response["X-Cache"] == "HIT"
    assert year_links(response) == ["2025 (2)", "2024 (1)"]
    assert topic_links(response) == ["Testthema (2)"]

    release = NewsPageFactory(parent=empty_index_de, title="Nachgereicht", date=day(2024, 6, 1), topics=[topic_de])
    response = client.get("/de/aktuelles/")
    assert year_links(response) == ["2025 (2)", "2024 (2)"]
    assert topic_links(response) == ["Testthema (3)"]
    assert titles(client.get("/de/aktuelles/?year=2024"))[0] == "Nachgereicht"

    release.delete()
    response = client.get("/de/aktuelles/")
    assert year_links(response) == ["2025 (2)", "2024 (1)"]
    assert topic_links(response) == ["Testthema (2)"]


def test_a_release_dated_ahead_appears_when_its_time_comes(client, empty_index_de, monkeypatch):
    import time

    from news import models

    NewsPageFactory(parent=empty_index_de, title="Gestern", date=timezone.now() - timedelta(days=1))
    NewsPageFactory(parent=empty_index_de, title="Zur Sperrfrist", date=timezone.now() + timedelta(hours=2))
    response = client.get("/de/aktuelles/")
    assert titles(response) == ["Gestern"]
    # The cached listing lives no longer than until then.
    assert int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0]) <= 2 * 3600
    later = time.time() + 3 * 3600
    monkeypatch.setattr(models.time, "time", lambda: later)
    client.cookies.clear()
    with override_settings(PAGE_CACHE_ENABLED=False):
        assert titles(client.get("/de/aktuelles/")) == ["Zur Sperrfrist", "Gestern"]


@pytest.mark.parametrize(
    ("query", "on_the_last_page"),
    [
        ("?", 11),  # 35 releases: 12 + 12 + 11
        ("?topic=testthema&", 6),  # the 30 of 2020 under the topic: 12 + 12 + 6
        ("?year=2020&", 6),
    ],
)
def test_the_last_page_of_a_filter_costs_what_the_first_does(
    client, empty_index_de, topic_de, query, on_the_last_page, django_assert_max_num_queries
):
    from core.caching.fragments import new_generation

    for n in range(30):
        NewsPageFactory(
            parent=empty_index_de, title=f"2020, Nr. {n}", date=day(2020, 6, 1) - timedelta(hours=n), topics=[topic_de]
        )
    for n in range(5):  # outside both filters
        NewsPageFactory(parent=empty_index_de, title=f"2021, Nr. {n}", date=day(2021, 6, 1) - timedelta(hours=n))
    with override_settings(PAGE_CACHE_ENABLED=False):
        for number in (1, 999):  # renditions are made on first use
            client.get(f"/de/aktuelles/{query}page={number}")
        new_generation()  # as after a publish
        with CaptureQueriesContext(connection) as first:
            assert client.get(f"/de/aktuelles/{query}page=1").status_code == 200
        new_generation()
        with django_assert_max_num_queries(len(first)) as last:
            response = client.get(f"/de/aktuelles/{query}page=999")
        assert response.status_code == 200
        assert soup(response).select_one(".pagination a[rel=next]") is None
        assert titles(response) == [f"2020, Nr. {n}" for n in range(30 - on_the_last_page, 30)]
        # No query skips the releases before the page (positions are precomputed).
        assert not [query["sql"] for query in last.captured_queries if " OFFSET " in query["sql"].upper()]
