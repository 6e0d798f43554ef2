"""The member directory: A–Z, filters, map, vCard, help-seeking page guarantees."""

import json

from django.db import transaction

from wagtail.models import Page

import pytest
import vobject

from members.models import MemberIndexPage, MemberPage
from tests.conftest import soup
from tests.factories import MemberPageFactory

pytestmark = pytest.mark.django_db

CITIES_DE = [
    "Aachen", "Bonn", "Duisburg", "Düsseldorf", "Frankfurt am Main", "Göttingen", "Hannover", "Heidelberg",
    "Jena", "Mülheim an der Ruhr", "München", "Nürnberg", "Remscheid", "Tübingen", "Wuppertal",
]  # fmt: skip


@pytest.fixture
def directory_de(german):
    return MemberIndexPage.objects.get(locale=german)


def listed(response):
    return [a.get_text(strip=True) for a in soup(response).select(".member-list a")]


def test_directory_lists_every_member_a_to_z_with_count(client):
    response = client.get("/de/mitglieder/")
    assert listed(response) == CITIES_DE
    assert soup(response).select_one(".result-count").get_text(strip=True) == "15 Mitgliedsstellen"
    english = listed(client.get("/en/members/"))
    assert "Munich" in english and "Nuremberg" in english and "München" not in english


def test_filter_by_federal_state(client):
    assert listed(client.get("/de/mitglieder/?state=BY")) == ["München", "Nürnberg"]
    assert listed(client.get("/de/mitglieder/?state=HB")) == []


def test_search_by_city_name(client):
    assert listed(client.get("/de/mitglieder/?q=wupper")) == ["Wuppertal"]
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


def test_map_has_one_linked_marker_per_live_member(client, directory_de):
    hidden = MemberPageFactory(parent=directory_de, title="Geheimstadt", live=False)
    markers = soup(client.get("/de/mitglieder/")).select(".member-map a")
    assert len(markers) == 15
    assert all(marker["href"].startswith("/de/mitglieder/") for marker in markers)
    assert all(marker["aria-label"] for marker in markers)
    assert hidden.city not in " ".join(marker["aria-label"] for marker in markers)
    circle = soup(client.get("/de/mitglieder/")).select_one(".member-map circle")
    float(circle["cx"]), float(circle["cy"])  # numbers, never a German decimal comma


def test_member_page_shows_contact_counselling_and_related_news(client):
    page_soup = soup(client.get("/de/mitglieder/wuppertal/"))
    assert page_soup.h1.get_text() == "Wuppertal: Stabsstelle Gleichstellung und Antidiskriminierung"
    assert "direkt beim Oberbürgermeister angesiedelt" in page_soup.select_one(".lead").get_text()
    news = [a.get_text() for a in page_soup.select("#member-news-heading ~ ul a")]
    assert news == ["Bundesweite Qualifizierungsreihe gegen Diskriminierung startet in Wuppertal"]
    english = soup(client.get("/en/members/wuppertal/"))
    assert [a.get_text() for a in english.select("#member-news-heading ~ ul a")] == [
        "Nationwide training series against discrimination starts in Wuppertal"
    ]


def test_vcard_parses_with_the_offices_fields(client):
    response = client.get("/en/members/wuppertal/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    card = vobject.readOne(response.content.decode())
    assert card.version.value == "4.0"
    assert card.fn.value == "Staff Unit for Equality and Anti-Discrimination (Wuppertal)"
    assert card.email.value == "antidiskriminierung-wuppertal@example.org"
    assert card.adr.value.city == "Wuppertal" and card.adr.value.code == "00000"
    assert card.tel.value == "+49 30 0000000"
    assert card.url.value == "http://testserver/en/members/wuppertal/"


def test_structured_data_is_a_government_office(client):
    page_soup = soup(client.get("/de/mitglieder/munchen/"))
    data = json.loads(page_soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "GovernmentOffice"
    assert data["address"]["addressLocality"] == "München"
    assert data["areaServed"]["name"] == "München"
    assert data["email"].endswith("@example.org")


@pytest.mark.parametrize("url", ["/de/mitglieder/", "/en/members/munich/", "/de/mitglieder/?state=BY"])
def test_help_pages_offer_quick_exit_and_set_no_cookies(client, url):
    response = client.get(url)
    assert response.cookies == {} and "Set-Cookie" not in response
    exit_link = soup(response).select_one("[data-quick-exit]")
    assert exit_link["href"].startswith("https://")
    assert exit_link["rel"] == ["noreferrer"]


def test_every_home_page_leads_to_the_directory(client):
    for url, target in [("/de/", "/de/mitglieder/"), ("/en/", "/en/members/")]:
        entry = soup(client.get(url)).select_one(".help-entry a")
        assert entry["href"] == target


def test_directory_query_count_is_the_same_with_1_and_100_members(directory_de, flat_queries):
    for child in directory_de.get_children():
        child.delete()
    MemberPageFactory(parent=MemberIndexPage.objects.get(pk=directory_de.pk))

    @transaction.atomic  # as one import would: one purge at the end
    def grow():
        directory = MemberIndexPage.objects.get(pk=directory_de.pk)
        for n in range(99):
            MemberPageFactory(parent=directory, title=f"Ort {n}")

    response = flat_queries("/de/mitglieder/", grow)
    assert len(listed(response)) == 100
    assert Page.objects.type(MemberPage).live().count() >= 100


def test_every_demo_member_renders_in_both_languages(client, english):
    members = MemberPage.objects.live().filter(locale__language_code="de")
    assert members.count() == 15
    for member in members:
        translation = member.get_translation(english)
        for page in (member, translation):
            response = client.get(page.url)
            assert response.status_code == 200
            assert soup(response).h1.get_text().startswith(page.city)


def test_an_office_renamed_moved_or_unpublished_shows_so_in_list_and_map_at_the_next_request(client, directory_de):
    """The directory is precomputed when an office is published; the page cache is on."""
    client.get("/de/mitglieder/")
    assert client.get("/de/mitglieder/")["X-Cache"] == "HIT"
    wuppertal = MemberPage.objects.get(locale=directory_de.locale, city="Wuppertal")
    wuppertal.city = "Wuppertal-Elberfeld"
    wuppertal.federal_state = "BY"
    wuppertal.save_revision().publish()
    response = client.get("/de/mitglieder/")
    assert "Wuppertal-Elberfeld" in listed(response)
    assert any("Wuppertal-Elberfeld" in a["aria-label"] for a in soup(response).select(".member-map a"))
    assert listed(client.get("/de/mitglieder/?state=BY")) == ["München", "Nürnberg", "Wuppertal-Elberfeld"]
    wuppertal.unpublish()
    response = client.get("/de/mitglieder/")
    assert "Wuppertal-Elberfeld" not in response.content.decode()
    assert len(soup(response).select(".member-map a")) == 14
    # Publishing a release that names no office leaves the directory cached.
    from news.models import NewsPage

    release = NewsPage.objects.filter(locale=directory_de.locale, member_links=None).live().first()
    release.lead = "Ergänzt."
    release.save_revision().publish()
    assert client.get("/de/mitglieder/")["X-Cache"] == "HIT"
