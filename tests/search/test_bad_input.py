"""Whatever arrives in the query string, the search answers with a page and never reflects markup."""

import pytest

from tests.conftest import soup

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "q=",
    "q=+++",
    "q=%09%0A",
    "q=%00",
    "q=Bera%00tung",
    "q=Beratung%1B%7F",
    "q=%3Cscript%3Ealert(1)%3C/script%3E",
    "q=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",
    "q=%22",
    "q=%27",
    "q=*",
    "q=Beratung*",
    "q=%5C",
    "q=NEAR(a+b)",
    "q=a+AND+OR+NOT+b",
    "q=!%26|:()",
    "q=-Beratung",
    "q=title:Beratung",
    "q=%F0%9F%8F%B3%EF%B8%8F%E2%80%8D%F0%9F%8C%88",
    "q=die+der+und",
    "q=Beratung&page=abc",
    "q=Beratung&page=99999",
    "q=Beratung&page=-1",
    "q=Beratung&page=%00",
    "q=Beratung&type=unbekannt",
    "q=Beratung&type=%3Cscript%3E",
    "q=Beratung&type=",
    "q=Beratung&q=zweimal",
    "page=2",
    "type=news",
]


@pytest.mark.parametrize("language_path", ["/de/suche/", "/en/search/"])
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_answer_with_a_page(client, language_path, query):
    response = client.get(f"{language_path}?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert soup(response).select_one("main p[role=status]") is not None


def test_markup_in_the_query_is_shown_as_text(client):
    response = client.get("/de/suche/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    page_soup = soup(response)
    assert page_soup.select_one("#search-q")["value"] == "<script>alert(1)</script>"
    assert "„<script>alert(1)</script>“" in page_soup.select_one("[role=status]").get_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()


def test_an_overlong_query_is_shortened_politely(client):
    response = client.get("/de/suche/?q=" + "Beratung " * 600)  # 5,400 characters
    page_soup = soup(response)
    assert response.status_code == 200
    value = page_soup.select_one("#search-q")["value"]
    assert len(value) <= 200 and value.startswith("Beratung Beratung")
    assert "höchstens 200 Zeichen" in page_soup.select_one(".search-notice").get_text()
    assert len(page_soup.title.get_text()) < 300
    assert client.get("/en/search/?q=" + "x" * 5000).status_code == 200


def test_control_characters_are_removed_before_searching(client):
    page_soup = soup(client.get("/de/suche/?q=Bera%00tung"))
    assert page_soup.select_one("#search-q")["value"] == "Beratung"
    assert page_soup.select(".search-result")


def test_empty_query_asks_for_a_search_term(client):
    for url in ["/de/suche/", "/de/suche/?q=", "/de/suche/?q=+++"]:
        page_soup = soup(client.get(url))
        assert page_soup.select_one("[role=status]").get_text(strip=True) == (
            "Geben Sie ein oder zwei Wörter ein, um die Website zu durchsuchen."
        )
        assert not page_soup.select(".search-result")


def test_a_query_of_punctuation_only_finds_nothing_and_says_so(client):
    page_soup = soup(client.get("/de/suche/?q=%21%3F"))
    assert page_soup.select_one("[role=status]").get_text(strip=True) == "0 Ergebnisse für „!?“"
    assert page_soup.select_one(".search-help")


def test_unknown_type_searches_everything(client):
    everything = soup(client.get("/de/suche/?q=Wuppertal"))
    unknown = soup(client.get("/de/suche/?q=Wuppertal&type=unbekannt"))
    assert unknown.select_one("[role=status]").get_text() == everything.select_one("[role=status]").get_text()
    assert unknown.select_one(".search-types a[aria-current]")["href"] == "/de/suche/?q=Wuppertal"
