"""Languages: redirect from /, <html lang>, switcher and hreflang alternates."""

from wagtail.models import Page

import pytest

from core.localization import NeverTranslated
from tests.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("de-DE,de;q=0.9,en;q=0.5", "/de/"), ("fr-FR,fr;q=0.9", "/de/"), (None, "/de/")],
)
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_both_homes_render_in_their_language(get_soup):
    de = get_soup("/de/")
    en = get_soup("/en/")
    assert de.html["lang"] == "de"
    assert en.html["lang"] == "en"
    assert de.find("a", class_="skip-link").get_text() == "Zum Hauptinhalt springen"
    assert en.find("a", class_="skip-link").get_text() == "Skip to main content"
    assert de.h1.get_text() == "Netzwerk kommunaler Antidiskriminierungsstellen"
    assert en.h1.get_text() == "Network of Municipal Anti-Discrimination Offices"
    assert de.find("nav", class_="main-nav")["aria-label"] == "Hauptnavigation"
    assert en.find("nav", class_="main-nav")["aria-label"] == "Main navigation"


def alternates(page_soup):
    return {link["hreflang"]: link["href"] for link in page_soup.find_all("link", rel="alternate", hreflang=True)}


def switcher(page_soup):
    nav = page_soup.find("nav", class_="language-switcher")
    return {a["hreflang"]: a for a in nav.find_all("a")}


@pytest.mark.slow
def test_hreflang_and_switcher_are_reciprocal_for_every_demo_page(get_soup, demo_pages):
    assert len(demo_pages) > 30
    for page in demo_pages:
        url = page.get_url()
        page_soup = get_soup(url)
        links = alternates(page_soup)
        if isinstance(page, NeverTranslated):
            # Leichte Sprache and DGS: German only, so no language claims to be their alternate.
            assert set(links) == {"de", "x-default"}, url
            continue
        assert set(links) == {"de", "en", "x-default"}, url
        assert links[page.locale.language_code] == f"http://testserver{url}"
        for code, href in links.items():
            if code == "x-default":
                continue
            other = get_soup(href.removeprefix("http://testserver"))
            assert alternates(other) == links, f"{url} and {href} disagree"
        # The switcher links to the same translations, marked with lang/hreflang.
        for code, anchor in switcher(page_soup).items():
            assert anchor["lang"] == code
            assert f"http://testserver{anchor['href']}" == links[code] or anchor["href"] == links[code]


def test_x_default_of_home_pages_is_the_redirecting_root(get_soup):
    assert alternates(get_soup("/de/"))["x-default"] == "http://testserver/"
    about = alternates(get_soup("/en/about-the-network/"))
    assert about["x-default"] == "http://testserver/de/ueber-das-netzwerk/"


def test_draft_translation_is_never_linked(client, english):
    about_en = Page.objects.get(locale=english, slug="about-the-network")
    about_en.unpublish()
    page_soup = soup(client.get("/de/ueber-das-netzwerk/"))
    assert set(alternates(page_soup)) == {"de", "x-default"}
    # The switcher falls back to the nearest translated ancestor: the English home.
    assert switcher(page_soup)["en"]["href"].endswith("/en/")
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "about-the-network" not in sitemap


def test_alias_is_never_linked_and_points_canonical_at_its_original(client, home_de, home_en, english):
    source = Page.objects.get(locale=home_de.locale, slug="kontakt").specific
    source_en = source.get_translation(english)
    source_en.delete()
    alias = source.create_alias(parent=home_en, update_locale=english)
    alias_url = alias.get_url()
    response = client.get(alias_url)
    assert response.status_code == 200
    page_soup = soup(response)
    assert page_soup.find("link", rel="canonical")["href"] == "http://testserver/de/kontakt/"
    assert set(alternates(soup(client.get("/de/kontakt/")))) == {"de", "x-default"}
    assert switcher(soup(client.get("/de/kontakt/")))["en"]["href"].endswith("/en/")
    assert alias_url not in client.get("/sitemap-pages.xml").content.decode()
    menu = soup(client.get("/en/")).find("nav", class_="main-nav").get_text()
    assert "Kontakt" not in menu


def test_navigation_is_in_the_visitors_language(get_soup):
    de_menu = [a.get_text() for a in get_soup("/de/").select("nav.main-nav a")]
    en_menu = [a.get_text() for a in get_soup("/en/").select("nav.main-nav a")]
    assert de_menu == [
        "Startseite", "Aktuelles", "Veranstaltungen", "Mitglieder", "Partner", "Über das Netzwerk", "Kontakt",
    ]  # fmt: skip
    assert en_menu == ["Home", "News", "Events", "Members", "Partners", "About the network", "Contact"]


def test_footer_links_follow_the_language(get_soup):
    en_footer = [a.get_text() for a in get_soup("/en/contact/").select("footer nav a")]
    assert en_footer == [
        "Contact", "Legal notice", "Privacy policy", "Accessibility statement", "Press releases by e-mail",
    ]  # fmt: skip
    de_footer = [a.get_text() for a in get_soup("/de/").select("footer nav a")]
    assert de_footer == ["Kontakt", "Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit", "Presseverteiler"]


def test_breadcrumb_leads_home_in_the_page_language(get_soup):
    crumbs = get_soup("/en/privacy/").select("nav.breadcrumbs a")
    assert [a.get_text() for a in crumbs] == ["Home", "Privacy policy"]
    assert crumbs[-1]["aria-current"] == "page"


@pytest.mark.parametrize(
    ("url", "language", "text"),
    [
        ("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"),
        ("/en/does-not-exist/", "en", "Page not found"),
        ("/fr/", "de", "Seite nicht gefunden"),
        ("/xx/yy/zz", "de", "Seite nicht gefunden"),
        ("/de/%E2%80%8F%3Cscript%3E/", "de", "Seite nicht gefunden"),
    ],
)
def test_unknown_paths_get_a_localized_404_with_the_site_layout(client, url, language, text):
    response = client.get(url)
    assert response.status_code == 404
    page_soup = soup(response)
    assert page_soup.html["lang"] == language
    assert page_soup.h1.get_text() == text
    assert page_soup.find("nav", class_="main-nav") is not None
    assert "<script>" not in response.content.decode()


def test_english_visitor_gets_an_english_404_outside_the_prefixes(client):
    response = client.get("/nothing-here/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "Page not found"


def test_server_error_page_is_localized_and_needs_no_database(rf, django_assert_num_queries):
    from django.utils import translation

    from core.views import server_error

    with translation.override("en"), django_assert_num_queries(0):
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "Server error" in response.content.decode()
    with translation.override("de"):
        assert "Serverfehler" in server_error(rf.get("/de/")).content.decode()


def test_a_new_translation_stays_a_draft_until_an_editor_publishes_it(client, home_de, english):
    from wagtail_localize.operations import translate_object

    from tests.factories import StandardPageFactory

    StandardPageFactory(parent=home_de, slug="neu", title="Neue Seite")
    source = home_de.get_children().get(slug="neu")
    translate_object(source.specific, [english])
    draft = source.get_translation(english)
    assert not draft.live
    assert client.get(draft.get_url() or "/en/neu/").status_code == 404
    assert set(alternates(soup(client.get("/de/neu/")))) == {"de", "x-default"}


@pytest.mark.parametrize(
    "url",
    [
        "/de/aktuelles/?topic=%00",
        "/de/aktuelles/?city=a%00b",
        "/de/aktuelles/feed/rss/?topic=%00%01",
        "/de/veranstaltungen/?series=%00",
        "/de/veranstaltungen/?city=%00&format=%00",
        "/de/veranstaltungen/calendar/?city=x%00",
        "/de/mitglieder/?q=%00%01&state=%00",
        "/de/aktuelles/?page=%00",
    ],
)
def test_control_characters_in_query_strings_never_cause_a_server_error(client, url):
    """A NUL byte is an error in PostgreSQL: such input must be handled, not crash."""
    assert client.get(url).status_code in (200, 400, 404)
