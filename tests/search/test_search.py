"""The site search: what it finds, in which order, in which language, and what it never shows."""

from datetime import timedelta

from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Page, PageViewRestriction

import pytest

from news.models import NewsIndexPage
from tests.conftest import soup
from tests.factories import NewsPageFactory
from tests.search.conftest import result_titles

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search; SQLite has none"
)


def test_search_pages_have_translated_addresses(client):
    assert client.get("/de/suche/").status_code == 200
    assert client.get("/en/search/").status_code == 200
    assert client.get("/de/search/").status_code == 404
    assert client.get("/en/suche/").status_code == 404


def test_title_match_ranks_above_body_only_match(client, make_page):
    make_page("Andere Seite", intro="Hier steht das Wort Zebrastreifen im Text, und noch einmal: Zebrastreifen.")
    make_page("Zebrastreifen vor der Schule", intro=" ".join(["Ein langer Text ohne das gesuchte Wort."] * 30))
    response = client.get("/de/suche/?q=Zebrastreifen")
    assert result_titles(response) == ["Zebrastreifen vor der Schule", "Andere Seite"]


def test_finds_press_releases_events_partners_and_members_of_the_demo(client):
    def types(query):
        page_soup = soup(client.get(f"/de/suche/?q={query}"))
        return {span.get_text() for span in page_soup.select(".search-result__type")}

    assert "Pressemitteilung" in types("Qualifizierungsreihe")
    assert "Veranstaltungsreihe" in types("Qualifizierungsreihe")
    assert "Veranstaltung" in types("Beschwerdemanagement")
    assert "Partner" in types("ECCAR")
    assert types("Wuppertal") >= {"Mitglied", "Pressemitteilung", "Veranstaltung"}
    assert "Seite" in types("Impressum")


def test_finds_leichte_sprache_and_sign_language_pages_in_german_only(client):
    def types(path):
        page_soup = soup(client.get(path))
        return {span.get_text() for span in page_soup.select(".search-result__type")}

    with translation.override("de"):
        easy_read, sign_language = gettext("Easy-to-read German"), gettext("German Sign Language video")
    assert easy_read in types("/de/suche/?q=Diskriminierung&type=pages")
    assert sign_language in types("/de/suche/?q=Platzhalter")
    # Written in German only: the English search has neither.
    assert not {"Easy-to-read German", "German Sign Language video"} & types("/en/search/?q=Diskriminierung")


def test_members_are_found_by_state_and_counselling_language(client):
    assert {"München", "Nürnberg"} <= set(result_titles(client.get("/de/suche/?q=Bayern&type=members")))
    assert {"Munich", "Nuremberg"} <= set(result_titles(client.get("/en/search/?q=Bavaria&type=members")))


def test_every_result_shows_type_date_and_teaser_with_marked_terms(client):
    page_soup = soup(client.get("/de/suche/?q=Beratung&type=news"))
    result = page_soup.select_one(".search-result")
    assert result.select_one(".search-result__type").get_text() == "Pressemitteilung"
    assert result.select_one("time")["datetime"]
    assert result.select_one(".search-result__teaser").get_text()
    assert result.select_one(".search-result__title mark").get_text().lower().startswith("beratung")


def test_events_show_when_they_take_place(client):
    page_soup = soup(client.get("/de/suche/?q=Beschwerdemanagement&type=events"))
    when = page_soup.select_one(".search-result time").get_text()
    assert "Uhr" in when or "20" in when


@postgres_only
def test_german_search_finds_other_forms_of_a_word(client, make_page):
    make_page("Stemmingprobe", intro="Schutz vor Diskriminierung in der Verwaltung.")
    assert result_titles(client.get("/de/suche/?q=Stemmingprobe+Diskriminierungen")) == ["Stemmingprobe"]


@postgres_only
def test_english_search_finds_other_forms_of_a_word(client, make_page, home_en):
    # "studies" finds "study" only with English stemming (German leaves both as they are).
    make_page("Stemmingcheck", intro="A training day and a study.", parent=home_en)
    assert result_titles(client.get("/en/search/?q=Stemmingcheck+trainings+studies")) == ["Stemmingcheck"]


def test_exact_words_are_found_on_every_database(client, make_page, home_en):
    make_page("Wortprobe", intro="Schutz vor Diskriminierung.")
    make_page("Wordcheck", intro="A training day.", parent=home_en)
    assert result_titles(client.get("/de/suche/?q=Wortprobe+Diskriminierung")) == ["Wortprobe"]
    assert result_titles(client.get("/en/search/?q=Wordcheck+training")) == ["Wordcheck"]


def test_type_filter_narrows_results_and_counts_each_type(client):
    page_soup = soup(client.get("/de/suche/?q=Wuppertal"))
    counts = {
        a["href"].partition("type=")[2]: int(a.select_one(".count").get_text().strip("()"))
        for a in page_soup.select(".search-types a")
    }
    assert counts[""] == sum(value for key, value in counts.items() if key)
    assert counts["members"] >= 1 and counts["news"] >= 1

    response = client.get("/de/suche/?q=Wuppertal&type=members")
    page_soup = soup(response)
    assert {span.get_text() for span in page_soup.select(".search-result__type")} == {"Mitglied"}
    assert len(result_titles(response)) == counts["members"]
    current = page_soup.select_one(".search-types a[aria-current]")
    assert current.get_text(" ", strip=True).startswith("Mitglieder")
    assert "(Filter: Mitglieder)" in page_soup.select_one("[role=status]").get_text()


def test_pagination_ten_per_page(client, make_page):
    for number in range(23):
        make_page(f"Blätterprobe {number:02d}")
    first = soup(client.get("/de/suche/?q=Blätterprobe"))
    assert "23 Ergebnisse für „Blätterprobe“" in first.select_one("[role=status]").get_text()
    assert len(first.select("#results-heading + .search-results > li")) == 10
    assert first.select_one(".pagination a[rel=next]")["href"] == "?q=Bl%C3%A4tterprobe&page=2"
    last = soup(client.get("/de/suche/?q=Blätterprobe&page=3"))
    assert len(last.select("#results-heading + .search-results > li")) == 3
    assert last.select_one("#results-heading + .search-results")["start"] == "21"
    assert "Seite 3" in last.title.get_text()


@pytest.mark.parametrize(("value", "expected_page"), [("abc", 1), ("0", 3), ("-1", 3), ("99999", 3), ("", 1)])
def test_bad_page_values_give_the_first_or_last_page(client, make_page, value, expected_page):
    for number in range(23):
        make_page(f"Seitenprobe {number}")
    response = client.get(f"/de/suche/?q=Seitenprobe&page={value}")
    assert response.status_code == 200
    current = soup(response).select_one(".pagination a[aria-current=page]")
    assert current.get_text(strip=True).endswith(str(expected_page))


def test_drafts_unpublished_changes_and_scheduled_pages_are_never_found(client, make_page, home_de):
    make_page("Entwurfsprobe", live=False)
    page = make_page("Öffentliche Seite")
    page.intro = "Geheimwortprobe"
    page.save_revision()  # a draft change, not published
    scheduled = make_page("Terminprobe", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    for query in ["Entwurfsprobe", "Geheimwortprobe", "Terminprobe"]:
        response = client.get(f"/de/suche/?q={query}")
        assert result_titles(response) == [], query
        assert "0 Ergebnisse" in soup(response).select_one("[role=status]").get_text()


def test_private_pages_are_never_found(client, make_page):
    parent = make_page("Mitgliederbereich")
    make_page("Vertraulichprobe", parent=parent)
    PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert result_titles(client.get("/de/suche/?q=Vertraulichprobe")) == []
    assert result_titles(client.get("/de/suche/?q=Mitgliederbereich")) == []


def test_only_pages_of_the_visitors_language_are_found(client, make_page, home_en):
    make_page("Sprachprobe Deutsch")
    make_page("Sprachprobe English", parent=home_en)
    assert result_titles(client.get("/de/suche/?q=Sprachprobe")) == ["Sprachprobe Deutsch"]
    assert result_titles(client.get("/en/search/?q=Sprachprobe")) == ["Sprachprobe English"]


def test_alias_pages_are_never_found(client, make_page, home_en, english):
    german = make_page("Aliasprobe")
    alias = german.create_alias(parent=home_en, update_locale=english, update_slug="aliasprobe")
    assert Page.objects.get(pk=alias.pk).live
    assert result_titles(client.get("/en/search/?q=Aliasprobe")) == []
    assert result_titles(client.get("/de/suche/?q=Aliasprobe")) == ["Aliasprobe"]


def test_language_switcher_leads_to_the_same_search_in_the_other_language(client):
    page_soup = soup(client.get("/de/suche/?q=Wuppertal&type=members&page=2"))
    links = {a["hreflang"]: a["href"] for a in page_soup.select("nav.language-switcher a")}
    assert links == {"de": "/de/suche/?q=Wuppertal&type=members", "en": "/en/search/?q=Wuppertal&type=members"}
    empty = soup(client.get("/en/search/"))
    assert {a["hreflang"]: a["href"] for a in empty.select("nav.language-switcher a")} == {
        "de": "/de/suche/",
        "en": "/en/search/",
    }


def test_page_is_not_indexed_by_search_engines_and_names_the_query(get_soup):
    page_soup = get_soup("/de/suche/?q=Beratung")
    assert page_soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page_soup.title.get_text().startswith("Suchergebnisse für „Beratung“")
    assert get_soup("/en/search/?q=counselling").title.get_text().startswith("Search results for “counselling”")
    assert get_soup("/de/suche/").title.get_text().startswith("Suche")


def test_the_result_count_is_announced(get_soup):
    status = get_soup("/en/search/?q=counselling").select_one("p[role=status]").get_text(" ", strip=True)
    assert status.endswith("results for “counselling”")
    assert get_soup("/de/suche/").select_one("p[role=status]").get_text(strip=True).startswith("Geben Sie")


def test_updating_the_index_keeps_the_search_working(client, make_page):
    from django.core.management import call_command

    make_page("Indexprobe")
    call_command("update_index", verbosity=0)
    assert result_titles(client.get("/de/suche/?q=Indexprobe")) == ["Indexprobe"]
    assert len(result_titles(client.get("/de/suche/?q=Wuppertal"))) >= 3


def test_dates_are_valid_for_the_time_element(client, german):
    index = NewsIndexPage.objects.get(locale=german)
    NewsPageFactory(parent=index, title="Zeitprobe", date=timezone.now().replace(microsecond=123456))
    time = soup(client.get("/de/suche/?q=Zeitprobe")).select_one(".search-result time")
    assert "." not in time["datetime"]
