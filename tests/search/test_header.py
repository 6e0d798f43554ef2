"""The search form in every page header, and the search page's query count."""

import pytest

from tests.conftest import soup
from tests.search.conftest import result_titles

pytestmark = pytest.mark.django_db

SEARCH_URLS = {"de": "/de/suche/", "en": "/en/search/"}


def one_page_per_type_and_language(pages):
    seen = {}
    for page in pages:
        seen.setdefault((type(page), page.locale_id), page)
    return list(seen.values())


def assert_header_search(page_soup, action):
    form = page_soup.select_one("header.site-header form[role=search]")
    assert form is not None
    assert form["action"] == action and form.get("method", "get") == "get"
    field = form.select_one("input[name=q]")
    assert field["type"] == "search"
    label = form.find("label", attrs={"for": field["id"]})
    assert label is not None and label.get_text(strip=True)
    assert form.select_one("button[type=submit]").get_text(strip=True)


def test_every_page_type_has_the_search_form_in_its_header(client, demo_pages):
    pages = one_page_per_type_and_language(demo_pages)
    assert len(pages) >= 20  # 10 page types in two languages
    for page in pages:
        response = client.get(page.get_url())
        assert response.status_code == 200, page.url
        assert_header_search(soup(response), SEARCH_URLS[page.locale.language_code])


@pytest.mark.parametrize(
    ("url", "action"),
    [
        ("/de/suche/?q=Beratung", "/de/suche/"),
        ("/en/search/", "/en/search/"),
        ("/de/aktuelles/?page=2", "/de/suche/"),
        ("/en/events/past/", "/en/search/"),
        ("/de/gibt-es-nicht/", "/de/suche/"),
        ("/en/does-not-exist/", "/en/search/"),
    ],
)
def test_listings_search_and_error_pages_have_it_too(client, url, action):
    assert_header_search(soup(client.get(url)), action)


def test_search_form_labels_are_translated(get_soup):
    de = get_soup("/de/").select_one("form[role=search]")
    en = get_soup("/en/").select_one("form[role=search]")
    assert de["aria-label"] == "Website-Suche" and en["aria-label"] == "Site search"
    assert de.label.get_text() == "Diese Website durchsuchen" and en.label.get_text() == "Search this website"
    assert de.button.get_text() == "Suchen" and en.button.get_text() == "Search"


def test_query_count_does_not_grow_with_the_number_of_results(client, make_page, django_assert_max_num_queries):
    url = "/de/suche/?q=Mengenprobe"
    make_page("Mengenprobe 0")
    client.get(url)  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(20) as one:
        assert client.get(url).status_code == 200
    baseline = len(one)  # read now: the next request resets Django's query log
    for number in range(1, 60):
        make_page(f"Mengenprobe {number}", show_in_menus=False)
    client.get(url)
    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    assert len(result_titles(response)) == 10


def test_query_count_is_bounded_with_every_kind_of_result(client, django_assert_max_num_queries):
    """Wuppertal is a member, an event, press releases and a page: one query per kind at most."""
    url = "/de/suche/?q=Wuppertal"
    client.get(url)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
