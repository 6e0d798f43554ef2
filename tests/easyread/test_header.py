"""The header of every page, in both languages, links Leichte Sprache and
Gebärdensprache; the links follow a publish or unpublish of the sections at
the next request (the page cache is on in tests)."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

import pytest

from easyread.templatetags import easyread_tags
from tests.conftest import soup

pytestmark = pytest.mark.django_db

PAGES = [
    ("de", "/de/"),
    ("de", "/de/aktuelles/"),
    ("de", "/de/mitglieder/"),
    ("de", "/de/barrierefreiheit/"),
    ("de", "/de/leichte-sprache/"),
    ("en", "/en/"),
    ("en", "/en/news/"),
    ("en", "/en/members/"),
    ("en", "/en/about-the-network/"),
]


def header_links(client, url):
    header = soup(client.get(url)).find("header", class_="site-header")
    nav = header.find("nav", class_="access-links")
    return {} if nav is None else {a["href"]: a for a in nav.find_all("a")}


def label(language, text, context=None):
    with translation.override(language):
        return translation.pgettext(context, text) if context else translation.gettext(text)


@pytest.mark.parametrize(("language", "url"), PAGES)
def test_every_header_links_leichte_sprache_with_its_pictogram(client, language, url):
    link = header_links(client, url)["/de/leichte-sprache/"]
    assert link.get_text(strip=True) == label(language, "Easy-to-read German")
    assert link["hreflang"] == "de"
    assert link.img["alt"] == "" and link.img["src"].endswith("img/leichte-sprache.svg")


def test_the_english_header_names_it_in_english(client):
    link = header_links(client, "/en/")["/de/leichte-sprache/"]
    assert link.get_text(strip=True) == "Easy-to-read German"


@pytest.mark.parametrize(("language", "url"), [PAGES[0], PAGES[5], PAGES[8]])
def test_every_header_links_the_sign_language_section_where_there_is_one(client, language, url):
    from django.apps import apps

    if not apps.is_installed("signlanguage"):
        pytest.skip("the sign-language app is not installed")
    model = apps.get_model("signlanguage", "SignLanguageIndexPage")
    section = model.objects.filter(locale__language_code="de", live=True).first()
    if section is None:
        pytest.skip("the demo has no sign-language section")
    link = header_links(client, url)[section.url]
    assert link.get_text(strip=True) == label(language, "German Sign Language", "header link")
    assert link["hreflang"] == "de"
    assert link.img["alt"] == "" and link.img["src"].endswith("img/gebaerdensprache.svg")


def test_without_the_sign_language_app_only_leichte_sprache_is_linked(client, monkeypatch):
    monkeypatch.setattr(
        easyread_tags, "SECTIONS", (easyread_tags.SECTIONS[0], ("sign_language", "nosuchapp.NoSuchPage"))
    )
    assert list(header_links(client, "/en/")) == ["/de/leichte-sprache/"]


def test_unpublishing_the_section_takes_the_link_out_of_every_header_at_once(client, section):
    for _language, url in (PAGES[0], PAGES[5], PAGES[6]):
        assert "/de/leichte-sprache/" in header_links(client, url)  # now in the page cache
    section.unpublish()
    for _language, url in (PAGES[0], PAGES[5], PAGES[6]):
        assert "/de/leichte-sprache/" not in header_links(client, url)
    section.save_revision().publish()
    for _language, url in (PAGES[0], PAGES[5], PAGES[6]):
        assert "/de/leichte-sprache/" in header_links(client, url)


def test_a_moved_section_is_linked_at_its_new_address(client, section):
    assert "/de/leichte-sprache/" in header_links(client, "/en/")
    section.slug = "einfach-lesen"
    section.save_revision().publish()
    assert "/de/einfach-lesen/" in header_links(client, "/en/")


def test_a_warm_header_costs_no_query(client, django_assert_num_queries):
    """Kept as a site-wide fragment, as base.html renders it."""
    template = Template(
        '{% load core_tags easyread_tags %}{% frame_fragment "access-links" site_wide %}'
        "{% accessible_language_links %}{% endframe_fragment %}"
    )
    client.get("/de/")  # the site list and the German home in the frame cache, as on any warm page
    template.render(Context({"request": RequestFactory().get("/de/")}))
    with django_assert_num_queries(0):
        html = template.render(Context({"request": RequestFactory().get("/de/")}))
    assert 'href="/de/leichte-sprache/"' in html
