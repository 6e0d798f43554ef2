"""The demo's Leichte Sprache section: the four explanations § 4 BITV 2.0
asks for, in German only, written a sentence a line."""

import re

import pytest

from easyread.blocks import split_lines
from easyread.models import EasyReadIndexPage, EasyReadPage
from tests.conftest import soup

pytestmark = pytest.mark.django_db

TITLES = [
    "Was steht auf dieser Internet-Seite?",
    "So benutzen Sie diese Internet-Seite",
    "Wie barriere-frei ist diese Internet-Seite?",
    "Wo gibt es Leichte Sprache und Gebärden-Sprache?",
]


def test_the_section_has_the_four_explanations(client):
    index = EasyReadIndexPage.objects.get(url_path__endswith="/leichte-sprache/")
    assert index.url == "/de/leichte-sprache/"
    page = soup(client.get("/de/leichte-sprache/"))
    assert [a.get_text() for a in page.select(".easy-read-list a")] == TITLES
    for img in page.select(".easy-read-list img"):
        assert img["alt"]


def test_the_explanations_link_the_standard_pages(client):
    pages = {page.title: page for page in EasyReadPage.objects.live()}
    assert pages[TITLES[0]].related_page.url == "/de/"
    assert pages[TITLES[1]].related_page.url == "/de/"
    assert pages[TITLES[2]].related_page.url == "/de/barrierefreiheit/"


def test_the_section_is_german_only(client):
    assert not EasyReadPage.objects.exclude(locale__language_code="de").exists()
    assert not EasyReadIndexPage.objects.exclude(locale__language_code="de").exists()
    assert client.get("/en/leichte-sprache/").status_code == 404


def test_every_line_is_one_short_sentence():
    """Annex 2 part 2: one statement a line, short sentences."""
    for page in EasyReadPage.objects.all():
        for block in page.body:
            if block.block_type == "heading":
                continue
            text = block.value["lines"] if block.block_type == "lines_with_pictogram" else block.value
            for line in split_lines(text):
                assert len(line.split()) <= 12, line
                assert not re.search(r"[.!?] \S", line), line  # no second sentence on the line


@pytest.mark.parametrize("number", range(4))
def test_every_explanation_renders(client, number):
    page = EasyReadPage.objects.get(title=TITLES[number])
    html = soup(client.get(page.url))
    assert html.html["lang"] == "de"
    assert html.find("main").h1.get_text() == TITLES[number]
