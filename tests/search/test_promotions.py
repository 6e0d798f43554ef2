"""Editors' promoted results: first, in the visitor's language, only live pages."""

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page

import pytest

from tests.search.conftest import result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_promotions(db):
    """Each test promotes what it needs (load_demo may bring demo promotions)."""
    SearchPromotion.objects.all().delete()


@pytest.fixture
def contact_de(german):
    return Page.objects.get(locale=german, slug="kontakt")


def promote(query, page=None, **kwargs):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **kwargs)


def test_promoted_pages_come_first_under_recommended(client, contact_de):
    promote("Beratung", contact_de, description="Hier finden Sie die Beratungsstellen.")
    response = client.get("/de/suche/?q=Beratung")
    assert result_titles(response, "promoted") == ["Kontakt"]
    body = response.content.decode()
    assert body.index("Empfohlen") < body.index('id="results-heading"')
    assert "Hier finden Sie die" in body


def test_promotions_match_the_query_in_any_case_and_spacing(client, contact_de):
    promote("beratung vor ort", contact_de)
    assert result_titles(client.get("/de/suche/?q=Beratung++vor+Ort"), "promoted") == ["Kontakt"]
    assert result_titles(client.get("/de/suche/?q=Beratung"), "promoted") == []


def test_english_site_shows_the_english_translation_of_a_promoted_page(client, contact_de):
    promote("Beratung", contact_de, description="Nur auf Deutsch.")
    promote("counselling", contact_de)
    response = client.get("/en/search/?q=counselling")
    assert result_titles(response, "promoted") == ["Contact"]
    assert "Recommended" in response.content.decode()
    # The German description is not shown beside the English page.
    assert "Nur auf Deutsch" not in client.get("/en/search/?q=Beratung").content.decode()


def test_promotion_without_a_live_translation_is_left_out(client, contact_de, english):
    promote("counselling", contact_de)
    Page.objects.get(locale=english, translation_key=contact_de.translation_key).unpublish()
    response = client.get("/en/search/?q=counselling")
    assert result_titles(response, "promoted") == []
    assert "Recommended" not in response.content.decode()


def test_unpublished_promoted_page_is_left_out(client, contact_de):
    promote("Beratung", contact_de)
    contact_de.unpublish()
    assert result_titles(client.get("/de/suche/?q=Beratung"), "promoted") == []


def test_external_promotion_is_shown_in_both_languages(client):
    promote("Beratung", external_link_url="https://www.antidiskriminierungsstelle.de/", external_link_text="ADS")
    for url in ["/de/suche/?q=Beratung", "/en/search/?q=Beratung"]:
        assert result_titles(client.get(url), "promoted") == ["ADS"]


def test_promotions_only_on_the_first_page_of_all_results(client, contact_de):
    promote("Wuppertal", contact_de)
    assert result_titles(client.get("/de/suche/?q=Wuppertal"), "promoted") == ["Kontakt"]
    assert result_titles(client.get("/de/suche/?q=Wuppertal&type=news"), "promoted") == []


def test_promotion_is_shown_even_when_nothing_else_is_found(client, contact_de):
    promote("Ansprechpartner", contact_de)
    response = client.get("/de/suche/?q=Ansprechpartner")
    assert result_titles(response, "promoted") == ["Kontakt"]
    assert "Nichts gefunden" not in response.content.decode()


def test_typed_searches_are_counted_for_the_search_terms_report(client):
    client.get("/de/suche/?q=Antidiskriminierung+Beratung")
    client.get("/de/suche/?q=ANTIDISKRIMINIERUNG++Beratung")
    hits = QueryDailyHits.objects.filter(query__query_string="antidiskriminierung beratung")
    assert sum(hit.hits for hit in hits) == 2


def test_a_search_writes_nothing_and_its_count_arrives_with_the_next_flush(client, settings):
    """Visitors' searches never wait for (or compete with editors for) a database write."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search import hits

    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    client.get("/de/suche/?q=Beratung&page=2")  # renditions of the layout, made on first render
    hits.flush()
    with CaptureQueriesContext(connection) as queries:
        client.get("/de/suche/?q=Antidiskriminierung+Beratung")
        client.get("/de/suche/?q=Beratung+Antidiskriminierung")
        client.get("/de/suche/?q=antidiskriminierung+beratung")
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))]
    assert writes == []
    assert not Query.objects.filter(query_string="antidiskriminierung beratung").exists()

    hits.flush()  # the next search after the interval, or the process's exit
    counted = {hit.query.query_string: hit.hits for hit in QueryDailyHits.objects.select_related("query")}
    assert counted == {"antidiskriminierung beratung": 2, "beratung antidiskriminierung": 1}


@pytest.mark.parametrize(
    "query",
    ["", "q=", "q=+++", "q=%21%3F", "q=" + "x" * 300, "q=Beratung&page=2", "q=Beratung&type=news"],
)
def test_empty_odd_or_repeated_searches_are_not_counted(client, query):
    before = Query.objects.count(), QueryDailyHits.objects.count()
    client.get(f"/de/suche/?{query}")
    assert (Query.objects.count(), QueryDailyHits.objects.count()) == before


def test_demo_promotions_lead_to_the_directory_in_both_languages(client):
    from demo.search import create_demo_promotions

    create_demo_promotions()
    create_demo_promotions()  # a second run changes nothing
    assert SearchPromotion.objects.count() == 4
    assert result_titles(client.get("/de/suche/?q=Beratung"), "promoted") == ["Mitglieder"]
    assert result_titles(client.get("/en/search/?q=counselling"), "promoted") == ["Members"]
    assert result_titles(client.get("/en/search/?q=press"), "promoted") == ["News"]
