"""Pages in Leichte Sprache: German, marked as such, one sentence a line,
never translated, and a language switcher that leads to standard German and
English on the same topic."""

import json

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from easyread.blocks import LinesWithPictogramBlock
from easyread.models import EasyReadIndexPage, EasyReadPage
from home.models import StandardPage
from tests.conftest import soup
from tests.factories import EasyReadPageFactory, ImageFactory

pytestmark = pytest.mark.django_db

URL = "/de/leichte-sprache/leichter-text/"


def german(text):
    """A label of the site's interface as German readers see it."""
    with translation.override("de"):
        return translation.gettext(text)


def test_page_is_german_and_says_it_is_leichte_sprache(client, easy_page):
    page = soup(client.get(URL))
    assert page.html["lang"] == "de"
    label = page.find("main").find(class_="easy-read-label")
    assert label.get_text(strip=True) == german("Easy-to-read German")
    assert label.img["alt"] == "" and label.img["src"].endswith("img/leichte-sprache.svg")
    assert page.find("link", rel="stylesheet", href=lambda href: href.endswith("css/easyread.css"))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "WebPage" and data["inLanguage"] == "de"
    assert data["url"] == "http://testserver" + URL
    assert "Leichte" in data["audience"]["audienceType"] and "Leichter Sprache" in data["accessibilitySummary"]


def test_the_easy_read_stylesheet_is_only_on_easy_read_pages(client, easy_page):
    page = soup(client.get("/de/"))
    assert not page.find("link", href=lambda href: href and href.endswith("css/easyread.css"))


def test_each_sentence_is_a_line_of_its_own(client, easy_page):
    main = soup(client.get(URL)).find("main")
    assert main.h1.get_text() == "Leichter Text"
    assert [h2.get_text() for h2 in main.find_all("h2")] == ["Wer sind wir?"]
    lines = [p.get_text() for p in main.select(".easy-read-lines > p")]
    assert lines == ["Wir sind ein Netzwerk.", "Wir helfen Menschen.", "Das ist wichtig."]


def test_a_pictogram_stands_with_its_lines_and_its_alt_text(client, empty_section):
    EasyReadPageFactory(
        parent=empty_section,
        slug="mit-bild",
        body=[
            (
                "lines_with_pictogram",
                {"image": ImageFactory(), "alt_text": "Ein Brief.", "lines": "Schreiben Sie uns.\nWir antworten."},
            )
        ],
    )
    block = soup(client.get("/de/leichte-sprache/mit-bild/")).find(class_="easy-read-pictogram")
    assert block.img["alt"] == "Ein Brief."
    assert [p.get_text() for p in block.select(".easy-read-lines > p")] == ["Schreiben Sie uns.", "Wir antworten."]


def test_a_pictogram_needs_its_alt_text_and_a_line():
    block = LinesWithPictogramBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "lines": "Ein Satz."}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "Ein Bild.", "lines": " \n "}))


def test_a_page_pictogram_needs_its_alt_text(empty_section):
    page = EasyReadPageFactory.build(title="Ohne Text", slug="ohne-text", pictogram=ImageFactory(), pictogram_alt="")
    page.locale = empty_section.locale
    with pytest.raises(ValidationError) as refused:
        empty_section.add_child(instance=page)
    assert "pictogram_alt" in refused.value.message_dict


def says_german_only(text):
    """Whether `text` holds the editor's explanation, in the admin's language (German or English)."""
    for code in ("de", "en"):
        with translation.override(code):
            if str(EasyReadPage.never_translated_message) in text:
                return True
    return False


def test_easy_read_pages_are_refused_outside_the_german_tree(home_en):
    page = EasyReadPage(title="Easy read", slug="easy-read", body=[("lines", "A sentence.")], locale=home_en.locale)
    with pytest.raises(ValidationError) as refused:
        home_en.add_child(instance=page)
    assert says_german_only(" ".join(refused.value.messages))
    index = EasyReadIndexPage(title="Easy read", slug="easy-read-index", locale=home_en.locale)
    with pytest.raises(ValidationError):
        home_en.add_child(instance=index)


def test_editors_are_offered_the_section_below_the_german_home_page_only(home_de, home_en, section):
    assert EasyReadPage.can_create_at(section)
    assert not EasyReadIndexPage.can_create_at(home_de)  # there is one already
    section.delete()
    assert EasyReadIndexPage.can_create_at(home_de) and not EasyReadIndexPage.can_create_at(home_en)


def test_wagtail_localize_does_not_translate_them(easy_page, empty_section, english):
    """'Translate this page' (and a translated subtree) leaves no English copy."""
    from wagtail_localize.operations import translate_object

    with pytest.raises(ValidationError):
        empty_section.copy_for_translation(english)
    with pytest.raises(ValidationError):
        easy_page.copy_for_translation(english, copy_parents=True)
    translate_object(easy_page, [english])
    translate_object(empty_section, [english])
    assert not Page.objects.filter(translation_key=easy_page.translation_key, locale=english).exists()
    assert not Page.objects.filter(translation_key=empty_section.translation_key, locale=english).exists()


def test_translate_this_page_explains_instead_of_translating(admin_client, easy_page, home_de):
    response = admin_client.get(f"/admin/localize/submit/page/{easy_page.pk}/", follow=True)
    assert response.redirect_chain[0][0] == f"/admin/pages/{easy_page.pk}/edit/"
    assert says_german_only(" ".join(str(message) for message in response.context["messages"]))
    # Any other page still gets wagtail-localize's form.
    other = StandardPage.objects.get(locale__language_code="de", slug="ueber-das-netzwerk")
    assert admin_client.get(f"/admin/localize/submit/page/{other.pk}/").status_code == 200


def switcher(client, url):
    nav = soup(client.get(url)).find("nav", class_="language-switcher")
    return [(a.get_text(), a["href"], a["hreflang"], a.get("aria-current")) for a in nav.find_all("a")]


def test_switcher_without_a_related_page_offers_the_home_pages(client, easy_page):
    assert switcher(client, URL) == [
        (german("Easy-to-read German"), URL, "de", "page"),
        ("Deutsch", "http://testserver/de/", "de", None),
        ("English", "http://testserver/en/", "en", None),
    ]


def test_switcher_offers_the_standard_german_page_and_its_english_translation(client, easy_page):
    about = StandardPage.objects.get(locale__language_code="de", slug="ueber-das-netzwerk")
    easy_page.related_page = about
    easy_page.save_revision().publish()
    assert switcher(client, URL)[1:] == [
        ("Deutsch", "http://testserver/de/ueber-das-netzwerk/", "de", None),
        ("English", "http://testserver/en/about-the-network/", "en", None),
    ]


def test_switcher_falls_back_to_the_english_home_where_the_standard_page_is_not_translated(client, easy_page, home_de):
    from tests.factories import StandardPageFactory

    only_german = StandardPageFactory(parent=home_de, slug="nur-deutsch")
    easy_page.related_page = only_german
    easy_page.save_revision().publish()
    assert switcher(client, URL)[1:] == [
        ("Deutsch", "http://testserver/de/nur-deutsch/", "de", None),
        ("English", "http://testserver/en/", "en", None),
    ]


def test_hreflang_alternates_name_only_the_page_itself(client, easy_page):
    """The standard page is no translation: claiming it as an alternate would
    be untrue, and its own alternates would not name this page back."""
    easy_page.related_page = StandardPage.objects.get(locale__language_code="de", slug="ueber-das-netzwerk")
    easy_page.save_revision().publish()
    page = soup(client.get(URL))
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {"de": "http://testserver" + URL, "x-default": "http://testserver" + URL}


def test_the_section_lists_its_pages_in_order_with_feeds(client, empty_section):
    for title, slug in (("Erster Text", "erster"), ("Zweiter Text", "zweiter")):
        EasyReadPageFactory(parent=empty_section, title=title, slug=slug)
    EasyReadPageFactory(parent=empty_section, title="Entwurf", slug="entwurf", live=False)
    page = soup(client.get("/de/leichte-sprache/"))
    assert page.html["lang"] == "de"
    items = page.select(".easy-read-list a")
    assert [(a.get_text(), a["href"]) for a in items] == [
        ("Erster Text", "/de/leichte-sprache/erster/"),
        ("Zweiter Text", "/de/leichte-sprache/zweiter/"),
    ]
    assert [p.get_text() for p in page.select("main .easy-read-lines > p")] == empty_section.intro_lines
    feeds = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate", type=True)}
    assert feeds["application/rss+xml"] == "/de/leichte-sprache/feed/rss/"
    assert feeds["application/atom+xml"] == "/de/leichte-sprache/feed/atom/"


def test_the_section_costs_the_same_with_one_page_or_twenty(flat_queries, empty_section):
    from django.db import transaction

    from core.images import make_renditions

    def page_with_pictogram():
        image = ImageFactory()
        make_renditions(image)  # as the task worker does after the upload
        EasyReadPageFactory(parent=empty_section, pictogram=image, pictogram_alt="Ein Bild.")

    page_with_pictogram()

    def grow():
        with transaction.atomic():
            for _ in range(19):
                page_with_pictogram()

    response = flat_queries("/de/leichte-sprache/", grow)
    assert len(soup(response).select(".easy-read-list__item img")) == 20


def test_the_text_is_found_by_the_search_index(easy_page):
    results = get_search_backend().search("Netzwerk", EasyReadPage)
    assert easy_page.pk in [page.pk for page in results]


def test_editors_write_them_in_the_admin_with_the_rules_at_hand(admin_client, easy_page, empty_section):
    edit = admin_client.get(f"/admin/pages/{easy_page.pk}/edit/")
    assert edit.status_code == 200
    assert "Internet-Seite" in edit.content.decode()  # the rules, in the help text
    add = admin_client.get(f"/admin/pages/add/easyread/easyreadpage/{empty_section.pk}/")
    assert add.status_code == 200
