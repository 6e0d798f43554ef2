"""The news index: order, pagination, topic and year archive, language, drafts and embargoes."""

from datetime import timedelta

from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from news.models import NewsPage
from tests.conftest import soup
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [h.get_text(strip=True) for h in soup(response).select("main article.card .card__title")]


def test_listing_shows_newest_first_twelve_per_page(client, index_de):
    releases = list(index_de.releases().values_list("title", flat=True))
    assert len(releases) == 17
    assert titles(client.get("/de/aktuelles/")) == releases[:12]
    assert titles(client.get("/de/aktuelles/?page=2")) == releases[12:]


@pytest.mark.parametrize(("value", "expected_page"), [("abc", 1), ("0", 2), ("-1", 2), ("999", 2), ("2", 2), ("", 1)])
def test_bad_page_values_give_the_first_or_last_page(client, value, expected_page):
    response = client.get(f"/de/aktuelles/?page={value}")
    assert response.status_code == 200
    current = soup(response).select_one(".pagination a[aria-current=page]")
    assert current.get_text(strip=True).endswith(str(expected_page))


def test_pagination_links_keep_the_other_query_parameters(client):
    assert soup(client.get("/de/aktuelles/")).select_one(".pagination a[rel=next]")["href"] == "?page=2"
    page_soup = soup(client.get("/de/aktuelles/?year=&page=2"))
    assert page_soup.select_one(".pagination a[rel=prev]")["href"] == "?year=&page=1"


def test_topic_filter_and_archive_counts(client, topic_de):
    response = client.get("/de/aktuelles/?topic=qualifizierung")
    page_soup = soup(response)
    expected = NewsPage.objects.live().filter(topic_links__topic=topic_de).count()
    assert len(titles(response)) == expected == 5
    assert page_soup.h1.get_text() == "Aktuelles: Qualifizierung"
    link = page_soup.select_one("nav[aria-labelledby=topics-heading] a[aria-current]")
    assert "Qualifizierung" in link.get_text() and "(5)" in link.get_text()


def test_year_filter_and_counts(client):
    response = client.get("/de/aktuelles/?year=2024")
    assert titles(response) == [
        "Zweites Modul der Qualifizierungsreihe online",
        "Bundesweite Qualifizierungsreihe gegen Diskriminierung startet in Wuppertal",
        "Studie „Fair vor Ort“ in Berlin vorgestellt",
    ]
    years = [a.get_text(" ", strip=True) for a in soup(response).select("nav[aria-labelledby=years-heading] a")]
    assert years == ["2026 (7)", "2025 (7)", "2024 (3)"]


@pytest.mark.parametrize(
    "query",
    [
        "topic=gibt-es-nicht",
        "topic=%3Cscript%3Ealert(1)%3C/script%3E",
        "year=abc",
        "year=99999",
        "year=-5",
        "topic=training",
    ],
)
def test_bad_filter_values_answer_404_without_reflecting_them(client, query):
    response = client.get(f"/de/aktuelles/?{query}")
    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode()


def test_english_index_lists_only_english_releases(client, index_de):
    NewsPageFactory(parent=index_de, title="Nur auf Deutsch", date=timezone.now())
    de_titles = titles(client.get("/de/aktuelles/"))
    en_titles = titles(client.get("/en/news/"))
    assert "Nur auf Deutsch" in de_titles
    assert "Nur auf Deutsch" not in en_titles
    assert en_titles[0] == "Annual report of the member municipalities published"


def test_drafts_and_embargoed_releases_appear_nowhere(client, index_de):
    NewsPageFactory(parent=index_de, title="Entwurf", slug="entwurf", live=False)
    embargoed = NewsPageFactory(parent=index_de, title="Sperrfrist", slug="sperrfrist", live=False)
    embargoed.go_live_at = timezone.now() + timedelta(days=1)
    embargoed.save_revision().publish()  # as the admin's "Schedule to publish" does
    embargoed.refresh_from_db()
    assert not embargoed.live
    for url in ["/de/aktuelles/", "/de/aktuelles/feed/rss/", "/de/aktuelles/feed/atom/", "/sitemap-pages.xml", "/de/"]:
        body = client.get(url).content.decode()
        assert "Entwurf" not in body and "Sperrfrist" not in body, url
    assert client.get("/de/aktuelles/entwurf/").status_code == 404
    assert client.get("/de/aktuelles/sperrfrist/").status_code == 404


def test_release_dated_in_the_future_stays_out_of_listings(client, index_de):
    NewsPageFactory(parent=index_de, title="Zukunft", date=timezone.now() + timedelta(hours=2))
    assert "Zukunft" not in titles(client.get("/de/aktuelles/"))


def test_home_pages_show_the_latest_three_releases_of_their_language(client):
    de = [h.get_text(strip=True) for h in soup(client.get("/de/")).select("#latest-news-heading ~ .card-grid h3")]
    en = [h.get_text(strip=True) for h in soup(client.get("/en/")).select("#latest-news-heading ~ .card-grid h3")]
    assert de == [
        "Jahresbericht der Mitgliedskommunen erschienen",
        "Antidiskriminierung im Personalwesen",
        "Fortbildung zur intersektionalen Beratung",
    ]
    assert en == [
        "Annual report of the member municipalities published",
        "Anti-discrimination in human resources",
        "Further training on intersectional counselling",
    ]


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


def year_links(response):
    return [a.get_text(" ", strip=True) for a in soup(response).select("nav[aria-labelledby=years-heading] a")]


def test_archive_counts_follow_a_publish_and_a_deletion_at_the_next_request(client, index_de, topic_de):
    assert client.get("/de/aktuelles/")["X-Cache"] == "MISS"
    assert client.get("/de/aktuelles/")["X-Cache"] == "HIT"
    release = NewsPageFactory(parent=index_de, date=timezone.now().replace(year=2024), topics=[topic_de])
    response = client.get("/de/aktuelles/")
    assert year_links(response) == ["2026 (7)", "2025 (7)", "2024 (4)"]
    topics = soup(response).select_one("nav[aria-labelledby=topics-heading]").get_text(" ")
    assert "Qualifizierung (6)" in " ".join(topics.split())
    assert release.title in titles(client.get("/de/aktuelles/?year=2024"))
    release.delete()
    assert year_links(client.get("/de/aktuelles/")) == ["2026 (7)", "2025 (7)", "2024 (3)"]


def test_a_release_dated_ahead_appears_when_its_time_comes(client, index_de, monkeypatch):
    import time

    from news import models

    NewsPageFactory(parent=index_de, title="Zur Sperrfrist", date=timezone.now() + timedelta(hours=2))
    response = client.get("/de/aktuelles/")
    assert "Zur Sperrfrist" not in titles(response)
    # The cached listing lives no longer than until then.
    assert int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0]) <= 2 * 3600
    later = time.time() + 3 * 3600
    monkeypatch.setattr(models.time, "time", lambda: later)
    client.cookies.clear()
    with override_settings(PAGE_CACHE_ENABLED=False):
        assert titles(client.get("/de/aktuelles/"))[0] == "Zur Sperrfrist"


@pytest.mark.parametrize("query", ["?", "?topic=qualifizierung&", "?year=2020&"])
def test_the_last_page_of_a_filter_costs_what_the_first_does(
    client, index_de, topic_de, query, django_assert_max_num_queries
):
    from core.caching.fragments import new_generation

    for n in range(30):  # older than the demo's releases: on the last pages
        NewsPageFactory(parent=index_de, date=timezone.now().replace(year=2020) - timedelta(hours=n), topics=[topic_de])
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
        assert len(titles(response)) > 0
        # No query skips the releases before the page (positions are precomputed).
        assert not [query["sql"] for query in last.captured_queries if " OFFSET " in query["sql"].upper()]
