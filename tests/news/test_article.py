"""A press release page: dateline, lead, photo with credit line, quotes, topics, member cities named, related
releases, press box (contact, PDF, press kit photos), corrections, structured data, the English translation with
language switch and breadcrumbs, video consent, publication date.

Each test builds the release it shows (and the topics, press contact, cities and releases it links to), so what
the assertions expect is what the test built.
"""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from news.models import NewsCorrection, NewsPageMember, NewsPressPhoto, NewsRelatedLink, PressContact, Topic
from tests.conftest import soup
from tests.factories import ImageFactory, MemberPageFactory, NewsPageFactory, translate
from tests.news.conftest import translate_release

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
RELEASE_DATE = datetime(2024, 11, 7, 11, 0, tzinfo=BERLIN)


def text(element):
    """An element's text as a reader sees it: whitespace of the template collapsed."""
    return " ".join(element.get_text().split())


def bilingual(german_item, english, **english_fields):
    """The English version of a snippet (a topic, a press contact), as a translator saves it."""
    translation = german_item.copy_for_translation(english)
    for name, value in english_fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def add_links(release, *links):
    """Links (cities, related releases, photos, corrections …) added to a release, published as the admin saves them."""
    for link in links:
        link.page, link.locale = release, release.locale
        link.save()
    release.save_revision().publish()


@pytest.fixture
def press_contact(german, english):
    """A press contact with a German and an English role; name, e-mail and phone are the same in both."""
    contact = PressContact.objects.create(
        locale=german, name="Erika Muster", role="Pressesprecherin", email="presse@example.org", phone="+49 30 123 456"
    )
    bilingual(contact, english, role="Press officer")
    return contact


@pytest.fixture
def release_pdf():
    """A PDF of a release, its file removed after the test."""
    document = get_document_model().objects.create(
        title="Pressemitteilung Auftakt (PDF)", file=ContentFile(b"%PDF-1.4\n% test\n" * 64, name="auftakt.pdf")
    )
    yield document
    document.file.storage.delete(document.file.name)


def test_release_shows_dateline_date_lead_and_photo_with_credit(client, index_de):
    photo = ImageFactory(credit="Stadt Musterstadt/Erika Muster")
    NewsPageFactory(
        parent=index_de,
        slug="auftakt",
        title="Qualifizierungsreihe startet in Musterstadt",
        dateline="Musterstadt",
        date=RELEASE_DATE,
        lead="Mit einem zweitägigen Auftakt hat die Reihe begonnen.",
        lead_image=photo,
        lead_image_alt="Gruppenbild der Teilnehmenden",
        lead_image_caption="Die Teilnehmenden des Auftakts.",
        body=[
            (
                "quote",
                {
                    "quote": "Das gehört in die Mitte der Verwaltung.",
                    "speaker": "Max Beispiel",
                    "role": "Oberbürgermeister",
                },
            )
        ],
    )
    page_soup = soup(client.get("/de/aktuelles/auftakt/"))
    assert page_soup.h1.get_text() == "Qualifizierungsreihe startet in Musterstadt"
    assert text(page_soup.select_one(".article__meta")) == "Musterstadt, 7. November 2024"
    assert page_soup.select_one(".article__dateline").get_text() == "Musterstadt"
    assert page_soup.select_one(".article__meta time")["datetime"] == "2024-11-07T11:00:00+01:00"
    assert (
        page_soup.select_one(".article__header .lead").get_text()
        == "Mit einem zweitägigen Auftakt hat die Reihe begonnen."
    )
    figure = page_soup.select_one("main figure.figure")
    assert figure.find(class_="figure__caption").get_text() == "Die Teilnehmenden des Auftakts."
    assert figure.find(class_="figure__credit").get_text() == "Foto: Stadt Musterstadt/Erika Muster"
    img = figure.find("img")
    assert img["alt"] == "Gruppenbild der Teilnehmenden"
    # The photo is the largest thing above the fold: fetched first, not lazily, with its size against layout shift.
    assert img.get("loading") is None and img["fetchpriority"] == "high"
    assert img["width"] and img["height"]
    quotes = [q.get_text(" ", strip=True) for q in page_soup.select("figure.quote figcaption")]
    assert quotes == ["Max Beispiel, Oberbürgermeister"]
    crumbs = page_soup.select("nav.breadcrumbs a")
    assert [a.get_text() for a in crumbs] == [
        "Startseite",
        index_de.title,
        "Qualifizierungsreihe startet in Musterstadt",
    ]
    assert [a["href"] for a in crumbs] == ["/de/", "/de/aktuelles/", "/de/aktuelles/auftakt/"]
    assert crumbs[-1]["aria-current"] == "page"


def test_english_translation_is_in_english_and_switches_back_to_german(client, index_de, index_en, press_contact):
    release = NewsPageFactory(
        parent=index_de, slug="auftakt", title="Qualifizierungsreihe startet", date=RELEASE_DATE, dateline="Köln"
    )
    release.press_contact = press_contact
    release.save_revision().publish()
    translate_release(
        release,
        title="Training series starts",
        slug="kickoff",
        dateline="Cologne",
        lead="The series has begun.",
        press_contact=press_contact.get_translation(index_en.locale),
    )

    page_soup = soup(client.get("/en/news/kickoff/"))
    assert page_soup.html["lang"] == "en"
    assert page_soup.h1.get_text() == "Training series starts"
    assert text(page_soup.select_one(".article__meta")) == "Cologne, 7 November 2024"
    assert page_soup.select_one(".article__header .lead").get_text() == "The series has begun."
    assert text(page_soup.select_one(".press-box p")) == (
        "Erika Muster, Press officer E-mail: presse@example.org Phone: +49 30 123 456"
    )
    switcher = {a["hreflang"]: a for a in page_soup.select("nav.language-switcher a")}
    assert switcher["de"]["href"] == "http://testserver/de/aktuelles/auftakt/"
    assert switcher["en"]["href"] == "http://testserver/en/news/kickoff/" and switcher["en"]["aria-current"] == "true"
    crumbs = [(a.get_text(), a["href"]) for a in page_soup.select("nav.breadcrumbs a")]
    assert crumbs == [("Home", "/en/"), (index_en.title, "/en/news/"), ("Training series starts", "/en/news/kickoff/")]

    german = soup(client.get("/de/aktuelles/auftakt/"))
    assert text(german.select_one(".press-box p")) == (
        "Erika Muster, Pressesprecherin E-Mail: presse@example.org Telefon: +49 30 123 456"
    )
    assert {a["hreflang"]: a["href"] for a in german.select("nav.language-switcher a")} == {
        "de": "http://testserver/de/aktuelles/auftakt/",
        "en": "http://testserver/en/news/kickoff/",
    }


def test_topics_are_listed_in_the_editors_order_in_the_page_language(client, index_de, german, english):
    # Given in an order that is not alphabetical in either language: the page keeps the editor's order.
    topics = []
    for german_name, german_slug, english_name, english_slug in [
        ("Fortbildung", "fortbildung", "Further education", "further-education"),
        ("Kommunen", "kommunen", "Municipalities", "municipalities"),
        ("Austausch", "austausch", "Exchange", "exchange"),
    ]:
        topic = Topic.objects.create(locale=german, name=german_name, slug=german_slug)
        bilingual(topic, english, name=english_name, slug=english_slug)
        topics.append(topic)
    release = NewsPageFactory(parent=index_de, slug="mit-themen", topics=topics)
    translate_release(release, title="With topics", slug="with-topics")

    german_links = soup(client.get("/de/aktuelles/mit-themen/")).select(".article__topics a")
    assert [(a.get_text(), a["href"]) for a in german_links] == [
        ("Fortbildung", "/de/aktuelles/?topic=fortbildung"),
        ("Kommunen", "/de/aktuelles/?topic=kommunen"),
        ("Austausch", "/de/aktuelles/?topic=austausch"),
    ]
    english_links = soup(client.get("/en/news/with-topics/")).select(".article__topics a")
    assert [(a.get_text(), a["href"]) for a in english_links] == [
        ("Further education", "/en/news/?topic=further-education"),
        ("Municipalities", "/en/news/?topic=municipalities"),
        ("Exchange", "/en/news/?topic=exchange"),
    ]


def test_press_box_gives_contact_pdf_and_full_resolution_photos_with_credit_and_licence(
    client, index_de, press_contact, release_pdf
):
    photo = ImageFactory(
        title="Gruppenbild Auftakt",
        credit="Stadt Musterstadt/Erika Muster",
        licence="CC BY 4.0",
        file__width=1200,
        file__height=800,
    )
    release = NewsPageFactory(parent=index_de, slug="mit-pressemappe", release_pdf=release_pdf)
    release.press_contact = press_contact
    add_links(release, NewsPressPhoto(image=photo))

    box = soup(client.get("/de/aktuelles/mit-pressemappe/")).select_one("section.press-box")
    assert [h.get_text() for h in box.find_all("h3")] == [
        "Pressekontakt",
        "Pressemitteilung als PDF",
        "Fotos in voller Auflösung",
    ]
    assert text(box.find("p")).startswith("Erika Muster, Pressesprecherin E-Mail:")
    assert box.find("a", href="mailto:presse@example.org").get_text() == "presse@example.org"
    # Dialled without the spaces the number is written with.
    assert box.find("a", href="tel:+4930123456").get_text() == "+49 30 123 456"
    pdf = box.find("a", href=release_pdf.url)
    assert pdf.get_text() == "Pressemitteilung Auftakt (PDF)" and pdf.has_attr("download")
    assert "(PDF, 1,0\xa0KB)" in pdf.parent.get_text()
    kit = box.select(".press-kit li")
    assert len(kit) == 1
    download = kit[0].find("a", download=True)
    assert download["href"] == photo.file.url and download["href"].startswith("/media/original_images/")
    assert download.get_text() == "Gruppenbild Auftakt"
    assert "1200 × 800 px" in kit[0].get_text()
    assert kit[0].find("small").get_text() == "Foto: Stadt Musterstadt/Erika Muster · Lizenz: CC BY 4.0"


def test_named_cities_and_related_releases_link_to_their_pages_in_the_readers_language(client, index_de, members_de):
    city = MemberPageFactory(parent=members_de, title="Musterstadt", city="Musterstadt", slug="musterstadt")
    translate(city, "en", title="Sample City", city="Sample City", slug="sample-city")
    related = NewsPageFactory(parent=index_de, slug="zweites-modul", title="Zweites Modul online")
    translate(related, "en", title="Second module online", slug="second-module")
    draft = NewsPageFactory(parent=index_de, slug="noch-entwurf", title="Noch ein Entwurf", live=False)
    release = NewsPageFactory(parent=index_de, slug="auftakt", title="Auftakt")
    # The draft is linked too: readers are not sent to a page they cannot open.
    add_links(
        release,
        NewsPageMember(member=city),
        NewsRelatedLink(related=related, sort_order=0),
        NewsRelatedLink(related=draft, sort_order=1),
    )
    translate_release(release, title="Kickoff", slug="kickoff")

    german = soup(client.get("/de/aktuelles/auftakt/"))
    assert [(a.get_text(), a["href"]) for a in german.select(".article__named a")] == [
        ("Musterstadt", "/de/mitglieder/musterstadt/")
    ]
    related_de = german.select("#related-heading + ul a")
    assert [(a.get_text(), a["href"]) for a in related_de] == [("Zweites Modul online", "/de/aktuelles/zweites-modul/")]

    english = soup(client.get("/en/news/kickoff/"))
    assert [(a.get_text(), a["href"]) for a in english.select(".article__named a")] == [
        ("Sample City", "/en/members/sample-city/")
    ]
    related_en = english.select("#related-heading + ul a")
    assert [(a.get_text(), a["href"]) for a in related_en] == [("Second module online", "/en/news/second-module/")]


def test_structured_data_is_a_news_article(client, index_de, german, english):
    topic = Topic.objects.create(locale=german, name="Fortbildung", slug="fortbildung")
    bilingual(topic, english, name="Further education", slug="further-education")
    release = NewsPageFactory(
        parent=index_de,
        slug="auftakt",
        date=RELEASE_DATE,
        dateline="Köln",
        lead_image=ImageFactory(credit="Stadt Musterstadt/Erika Muster"),
        lead_image_alt="Gruppenbild",
        topics=[topic],
    )
    translate_release(
        release,
        title="Nationwide training series starts in Cologne",
        slug="kickoff",
        dateline="Cologne",
        lead="The series has begun.",
        lead_image_alt="Group picture",
    )

    page_soup = soup(client.get("/en/news/kickoff/"))
    data = json.loads(page_soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == "en"
    assert data["headline"] == "Nationwide training series starts in Cologne"
    assert data["description"] == "The series has begun."
    assert data["url"] == "http://testserver/en/news/kickoff/"
    assert data["datePublished"] == "2024-11-07T11:00:00+01:00"
    assert data["dateline"] == "Cologne"
    assert data["keywords"] == ["Further education"]
    assert data["image"]["creditText"] == "Stadt Musterstadt/Erika Muster"
    assert data["image"]["caption"] == "Group picture"
    assert data["publisher"]["@type"] == "Organization"
    assert page_soup.find("meta", property="og:type")["content"] == "article"
    assert page_soup.find("meta", property="article:published_time")["content"] == "2024-11-07T11:00:00+01:00"
    assert [m["content"] for m in page_soup.find_all("meta", property="article:tag")] == ["Further education"]


def test_structured_data_cannot_break_out_of_its_script(client, index_de):
    NewsPageFactory(parent=index_de, slug="boese", title="</script><script>alert(1)</script>")
    body = client.get("/de/aktuelles/boese/").content.decode()
    assert "</script><script>alert(1)" not in body


def test_corrections_are_listed_with_their_dates_in_the_editors_order(client, index_de):
    release = NewsPageFactory(parent=index_de, slug="mit-korrekturen")
    add_links(
        release,
        NewsCorrection(date=date(2025, 3, 5), note="Die Zahl der Städte von elf auf zwölf korrigiert.", sort_order=0),
        NewsCorrection(date=date(2025, 3, 6), note="Den Namen der Referentin richtig geschrieben.", sort_order=1),
    )
    corrections = soup(client.get("/de/aktuelles/mit-korrekturen/")).select_one("section.corrections")
    assert corrections.h2.get_text() == "Korrekturen"
    assert [li.get_text(" ", strip=True) for li in corrections.select("li")] == [
        "Aktualisiert am 5. März 2025: Die Zahl der Städte von elf auf zwölf korrigiert.",
        "Aktualisiert am 6. März 2025: Den Namen der Referentin richtig geschrieben.",
    ]


def test_a_release_without_corrections_has_no_corrections_section(client, index_de):
    NewsPageFactory(parent=index_de, slug="ohne-korrekturen")
    assert soup(client.get("/de/aktuelles/ohne-korrekturen/")).select_one("section.corrections") is None


def test_video_loads_nothing_from_the_provider_before_consent(client, index_de):
    NewsPageFactory(
        parent=index_de,
        slug="mit-video",
        body=[
            ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Rückblick", "transcript": ""})
        ],
    )
    page_soup = soup(client.get("/de/aktuelles/mit-video/"))
    assert page_soup.find("iframe") is None
    figure = page_soup.select_one("[data-video-consent]")
    assert figure["data-embed-url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert figure.find("button") is not None


def test_lead_image_needs_alt_text(index_de):
    from django.core.exceptions import ValidationError

    release = NewsPageFactory.build(lead_image=ImageFactory(), lead_image_alt="")
    with pytest.raises(ValidationError) as error:
        release.clean()
    assert "lead_image_alt" in error.value.message_dict


def test_publication_date_defaults_to_first_publication(index_de):
    release = NewsPageFactory(parent=index_de, date=None, slug="ohne-datum")
    release.save_revision().publish()
    release.refresh_from_db()
    assert release.date is not None
    assert abs((release.date - release.first_published_at).total_seconds()) < 5


def test_a_draft_without_date_shows_its_dateline_without_a_dangling_comma(admin_client, index_de):
    draft = NewsPageFactory(
        parent=index_de, slug="entwurf-ohne-datum", title="Entwurf", dateline="Wuppertal", date=None, live=False
    )
    draft.save_revision()
    page_soup = soup(admin_client.get(f"/admin/pages/{draft.pk}/view_draft/"))
    meta = page_soup.select_one(".article__meta")
    assert meta.get_text(" ", strip=True) == "Wuppertal"
    assert meta.find("time") is None
