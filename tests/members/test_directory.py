"""The member directory: A–Z, filters, map, vCard, help-seeking page guarantees.

Each test builds the few member offices it looks at on an emptied directory
(tests/members/conftest.py), in German and, where the English directory is
looked at, with their English translations.
"""

import json

from django.db import transaction

import pytest
import vobject

from members.models import MemberIndexPage, MemberPage
from news.models import NewsPageMember
from tests.conftest import soup
from tests.factories import MemberPageFactory, NewsPageFactory, translate

pytestmark = pytest.mark.django_db


def member(directory, city, state="NW", **fields):
    """A live office of `city`; its page title and slug follow the city's name."""
    return MemberPageFactory(parent=directory, title=city, city=city, federal_state=state, **fields)


def in_english(page, city, **fields):
    """The office's live English translation, under the city's English name."""
    return translate(page, "en", title=city, city=city, slug=city.casefold().replace(" ", "-"), **fields)


def listed(response):
    return [a.get_text(strip=True) for a in soup(response).select(".member-list a")]


def count(response):
    return soup(response).select_one(".result-count").get_text(strip=True)


def marker_labels(response, selector=".member-map a"):
    return [a["aria-label"].split(":")[0] for a in soup(response).select(selector)]


def test_directory_lists_every_member_a_to_z_with_count(client, empty_directory_de):
    # Built out of order: the directory sorts them.
    for city, english, state in [
        ("Wuppertal", "Wuppertal", "NW"),
        ("München", "Munich", "BY"),
        ("Aachen", "Aachen", "NW"),
        ("Nürnberg", "Nuremberg", "BY"),
    ]:
        in_english(member(empty_directory_de, city, state), english)
    response = client.get("/de/mitglieder/")
    assert listed(response) == ["Aachen", "München", "Nürnberg", "Wuppertal"]
    assert count(response) == "4 Mitgliedsstellen"
    response = client.get("/en/members/")
    assert listed(response) == ["Aachen", "Munich", "Nuremberg", "Wuppertal"]
    assert count(response) == "4 member offices"


def test_filter_by_federal_state(client, empty_directory_de):
    member(empty_directory_de, "Wuppertal", "NW")
    member(empty_directory_de, "Nürnberg", "BY")
    member(empty_directory_de, "München", "BY")
    response = client.get("/de/mitglieder/?state=BY")
    assert listed(response) == ["München", "Nürnberg"]
    assert count(response) == "2 Mitgliedsstellen"
    # The map keeps every office and dims those the filter leaves out.
    assert marker_labels(response) == ["München", "Nürnberg", "Wuppertal"]
    assert marker_labels(response, ".member-map a.is-dimmed") == ["Wuppertal"]
    assert listed(client.get("/de/mitglieder/?state=NW")) == ["Wuppertal"]
    assert listed(client.get("/de/mitglieder/?state=HB")) == []


def test_search_by_city_name(client, empty_directory_de):
    member(empty_directory_de, "Wuppertal")
    in_english(member(empty_directory_de, "München", "BY"), "Munich")
    member(empty_directory_de, "Nürnberg", "BY")
    assert listed(client.get("/de/mitglieder/?q=wupper")) == ["Wuppertal"]
    assert listed(client.get("/de/mitglieder/?q=M%C3%9CN")) == ["München"]  # "MÜN": any case, umlauts kept
    assert listed(client.get("/en/members/?q=munich")) == ["Munich"]
    assert listed(client.get("/de/mitglieder/?q=nirgendwo")) == []


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("state=XX", 400),
        ("state=%3Cscript%3E", 400),
        ("q=%3Cscript%3Ealert(1)%3C/script%3E", 200),
        ("q=" + "a" * 5000, 200),
        ("q=%00%01", 200),
    ],
)
def test_bad_directory_input_is_handled(client, query, status):
    response = client.get(f"/de/mitglieder/?{query}")
    assert response.status_code == status
    assert "<script>alert(1)" not in response.content.decode()


def test_map_has_one_linked_marker_per_live_member(client, empty_directory_de):
    member(empty_directory_de, "Wuppertal", latitude="51.25627", longitude="7.15076")
    member(empty_directory_de, "München", "BY", latitude="48.13743", longitude="11.57549")
    member(empty_directory_de, "Nürnberg", "BY", latitude="49.45203", longitude="11.07675")
    member(empty_directory_de, "Geheimstadt", live=False)
    response = client.get("/de/mitglieder/")
    markers = soup(response).select(".member-map a")
    assert [marker["href"] for marker in markers] == [
        "/de/mitglieder/munchen/",
        "/de/mitglieder/nurnberg/",
        "/de/mitglieder/wuppertal/",
    ]
    assert marker_labels(response) == ["München", "Nürnberg", "Wuppertal"]
    assert "Geheimstadt" not in response.content.decode()
    for circle in soup(response).select(".member-map circle"):
        float(circle["cx"]), float(circle["cy"])  # numbers, never a German decimal comma


def test_member_page_shows_contact_counselling_and_related_news(client, empty_directory_de, news_index_de, german):
    wuppertal = member(
        empty_directory_de,
        "Wuppertal",
        office_name="Stabsstelle Gleichstellung und Antidiskriminierung",
        position_in_administration="direkt beim Oberbürgermeister angesiedelt",
        email="antidiskriminierung@wuppertal.example.org",
        counselling_languages="Deutsch, Türkisch",
    )
    in_english(wuppertal, "Wuppertal", office_name="Staff Unit for Equality and Anti-Discrimination")
    naming = NewsPageFactory(parent=news_index_de, title="Qualifizierungsreihe startet in Wuppertal")
    NewsPageMember.objects.create(page=naming, member=wuppertal, locale=german)
    naming.save_revision().publish()
    translate(naming, "en", title="Training series starts in Wuppertal", slug="training-series-wuppertal")
    NewsPageFactory(parent=news_index_de, title="Meldung ohne Stadt")

    page_soup = soup(client.get("/de/mitglieder/wuppertal/"))
    assert page_soup.h1.get_text() == "Wuppertal: Stabsstelle Gleichstellung und Antidiskriminierung"
    assert "direkt beim Oberbürgermeister angesiedelt" in page_soup.select_one(".lead").get_text()
    email = page_soup.select_one('.contact-card a[href^="mailto:"]')
    assert email.get_text() == "antidiskriminierung@wuppertal.example.org"
    assert "Deutsch, Türkisch" in page_soup.select_one("#counselling-heading ~ .facts").get_text()
    news = [a.get_text() for a in page_soup.select("#member-news-heading ~ ul a")]
    assert news == ["Qualifizierungsreihe startet in Wuppertal"]
    english = soup(client.get("/en/members/wuppertal/"))
    assert english.h1.get_text() == "Wuppertal: Staff Unit for Equality and Anti-Discrimination"
    assert [a.get_text() for a in english.select("#member-news-heading ~ ul a")] == [
        "Training series starts in Wuppertal"
    ]


def test_vcard_parses_with_the_offices_fields(client, empty_directory_de):
    wuppertal = member(
        empty_directory_de,
        "Wuppertal",
        office_name="Stabsstelle Gleichstellung und Antidiskriminierung",
        street="Johannes-Rau-Platz 1",
        postcode="42275",
        phone="+49 202 5630000",
        email="antidiskriminierung@wuppertal.example.org",
    )
    in_english(wuppertal, "Wuppertal", office_name="Staff Unit for Equality and Anti-Discrimination")
    response = client.get("/en/members/wuppertal/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    card = vobject.readOne(response.content.decode())
    assert card.version.value == "4.0"
    assert card.fn.value == "Staff Unit for Equality and Anti-Discrimination (Wuppertal)"
    assert card.email.value == "antidiskriminierung@wuppertal.example.org"
    assert card.adr.value.street == "Johannes-Rau-Platz 1"
    assert card.adr.value.city == "Wuppertal" and card.adr.value.code == "42275"
    assert card.adr.value.country == "Germany"
    assert card.tel.value == "+49 202 5630000"
    assert card.url.value == "http://testserver/en/members/wuppertal/"


def test_structured_data_is_a_government_office(client, empty_directory_de):
    member(
        empty_directory_de,
        "München",
        "BY",
        office_name="Stelle für Antidiskriminierung",
        email="asd@muenchen.example.org",
    )
    page_soup = soup(client.get("/de/mitglieder/munchen/"))
    data = json.loads(page_soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "GovernmentOffice"
    assert data["name"] == "Stelle für Antidiskriminierung – München"
    assert data["address"]["addressLocality"] == "München"
    assert data["areaServed"]["name"] == "München"
    assert data["email"] == "asd@muenchen.example.org"


@pytest.mark.parametrize("url", ["/de/mitglieder/", "/en/members/munich/", "/de/mitglieder/?state=BY"])
def test_help_pages_offer_quick_exit_and_set_no_cookies(client, empty_directory_de, url):
    in_english(member(empty_directory_de, "München", "BY"), "Munich")
    response = client.get(url)
    assert response.status_code == 200
    assert response.cookies == {} and "Set-Cookie" not in response
    exit_link = soup(response).select_one("[data-quick-exit]")
    assert exit_link["href"].startswith("https://")
    assert exit_link["rel"] == ["noreferrer"]


def test_every_home_page_leads_to_the_directory(client):
    for url, target in [("/de/", "/de/mitglieder/"), ("/en/", "/en/members/")]:
        entry = soup(client.get(url)).select_one(".help-entry a")
        assert entry["href"] == target


def test_directory_query_count_is_the_same_with_1_and_100_members(empty_directory_de, flat_queries):
    MemberPageFactory(parent=empty_directory_de)

    @transaction.atomic  # as one import would: one purge at the end
    def grow():
        directory = MemberIndexPage.objects.get(pk=empty_directory_de.pk)
        for n in range(99):
            MemberPageFactory(parent=directory, title=f"Ort {n}")

    response = flat_queries("/de/mitglieder/", grow)
    assert len(listed(response)) == 100
    assert count(response) == "100 Mitgliedsstellen"


def test_member_pages_render_in_both_languages_headed_by_their_city(client, empty_directory_de):
    for city, english in [("München", "Munich"), ("Köln", "Cologne")]:
        german_page = member(empty_directory_de, city, office_name="Antidiskriminierungsstelle")
        english_page = in_english(german_page, english, office_name="Anti-Discrimination Office")
        for page, heading in [
            (german_page, f"{city}: Antidiskriminierungsstelle"),
            (english_page, f"{english}: Anti-Discrimination Office"),
        ]:
            response = client.get(page.url)
            assert response.status_code == 200
            assert soup(response).h1.get_text() == heading


def test_an_office_renamed_moved_or_unpublished_shows_so_in_list_and_map_at_the_next_request(
    client, empty_directory_de, news_index_de
):
    """The directory is precomputed when an office is published; the page cache is on."""
    wuppertal = member(empty_directory_de, "Wuppertal", "NW")
    member(empty_directory_de, "München", "BY")
    member(empty_directory_de, "Nürnberg", "BY")
    release = NewsPageFactory(parent=news_index_de, title="Meldung ohne Stadt")  # names no office
    assert listed(client.get("/de/mitglieder/")) == ["München", "Nürnberg", "Wuppertal"]
    assert client.get("/de/mitglieder/")["X-Cache"] == "HIT"
    wuppertal = MemberPage.objects.get(pk=wuppertal.pk)
    wuppertal.city = "Wuppertal-Elberfeld"
    wuppertal.federal_state = "BY"
    wuppertal.save_revision().publish()
    response = client.get("/de/mitglieder/")
    assert listed(response) == ["München", "Nürnberg", "Wuppertal-Elberfeld"]
    assert marker_labels(response) == ["München", "Nürnberg", "Wuppertal-Elberfeld"]
    assert listed(client.get("/de/mitglieder/?state=BY")) == ["München", "Nürnberg", "Wuppertal-Elberfeld"]
    wuppertal.unpublish()
    response = client.get("/de/mitglieder/")
    assert "Wuppertal-Elberfeld" not in response.content.decode()
    assert marker_labels(response) == ["München", "Nürnberg"]
    # Publishing a release that names no office leaves the directory cached.
    assert client.get("/de/mitglieder/")["X-Cache"] == "HIT"
    release.lead = "Ergänzt."
    release.save_revision().publish()
    assert client.get("/de/mitglieder/")["X-Cache"] == "HIT"
