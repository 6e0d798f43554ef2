"""The read API (syndication/api.py): the JSON of each endpoint in both
languages and with each filter, only what a visitor may see, dates in German
time, images with credit, absolute URLs on the Site's root URL, a flat query
count, CORS, the page cache and its purges, and 4xx (never 5xx) for junk.

The sections are emptied first (without_the_demo_pages) and each test builds
the few pages it reads."""

from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.db import transaction
from django.urls import reverse

from wagtail.models import PageViewRestriction, Site

import pytest
import time_machine

from core.caching.purge import api_paths
from events.models import EventIndexPage, EventPageTopic
from members.models import MemberIndexPage
from news.models import NewsIndexPage, NewsPageMember, Topic
from tests.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    ImageFactory,
    MemberPageFactory,
    NewsPageFactory,
    translate,
    without_the_demo_pages,
)

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2030, 6, 1, 12, 0, tzinfo=BERLIN)


def berlin(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def sections(db, german, english):
    """The news, event and member sections of both languages without the
    demo's pages, for each test to fill."""
    indexes = [
        model.objects.get(locale=locale)
        for model in (NewsIndexPage, EventIndexPage, MemberIndexPage)
        for locale in (german, english)
    ]
    news_de, news_en, events_de, events_en, members_de, members_en = without_the_demo_pages(*indexes)
    return SimpleNamespace(
        news_de=news_de,
        news_en=news_en,
        events_de=events_de,
        events_en=events_en,
        members_de=members_de,
        members_en=members_en,
    )


@pytest.fixture
def topic(db, german, english):
    """ "Testthema" (?topic=testthema), in English "Test topic" (?topic=test-topic)."""
    topic = Topic.objects.create(locale=german, name="Testthema", slug="testthema")
    translation = topic.copy_for_translation(english)
    translation.name, translation.slug = "Test topic", "test-topic"
    translation.save()
    return topic


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def translated(page, **fields):
    """The live English translation of a page, filed under the English
    versions of its topics and naming the English pages of its member
    cities, as wagtail-localize's synchronisation leaves it."""
    translation = translate(page, "en", **fields)
    links = []
    for relation, field in (("topic_links", "topic"), ("member_links", "member")):
        for link in getattr(translation, relation).all() if hasattr(translation, relation) else []:
            setattr(link, field, getattr(link, field).get_translation(translation.locale))
            link.save()
            links.append(link)
    if links:
        translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def add_topic(event, topic):
    EventPageTopic.objects.create(page=event, topic=topic, locale=event.locale)
    event.save_revision().publish()


def name_city(release, member):
    NewsPageMember.objects.create(page=release, member=member, locale=release.locale)
    release.save_revision().publish()


# News ------------------------------------------------------------------------------


def test_news_in_each_language_with_topics_image_and_translations(client, sections, topic, frozen):
    image = ImageFactory(file__width=1600, file__height=900, credit="Stadt Teststadt/Erika Muster")
    release = NewsPageFactory(
        parent=sections.news_de,
        title="Neue Beratungsstelle",
        slug="neue-beratungsstelle",
        lead="Die Stadt eröffnet eine Beratungsstelle.",
        date=berlin(2030, 3, 15),
        lead_image=image,
        lead_image_alt="Das Team vor dem Rathaus",
        topics=[topic],
    )
    english = translated(
        release, title="New counselling office", slug="new-counselling-office", lead_image_alt="The team"
    )

    german_item = get_json(client, "/api/v2/news/")["items"][0]
    assert german_item["title"] == "Neue Beratungsstelle"
    assert german_item["date"] == "2030-03-15T10:00:00+01:00"
    assert german_item["topics"] == [{"name": "Testthema", "slug": "testthema"}]
    assert german_item["meta"]["locale"] == "de"
    assert german_item["meta"]["html_url"] == "http://testserver/de/aktuelles/neue-beratungsstelle/"
    assert german_item["meta"]["detail_url"] == f"http://testserver/api/v2/news/{release.pk}/"
    assert german_item["meta"]["translation_key"] == str(release.translation_key)
    assert german_item["meta"]["translations"] == [
        {"locale": "en", "id": english.pk, "html_url": "http://testserver/en/news/new-counselling-office/"}
    ]
    image_data = german_item["lead_image"]
    assert image_data["url"].startswith("http://testserver/media/images/")
    assert (image_data["width"], image_data["height"]) == (800, 450)
    assert image_data["thumbnail"]["url"].startswith("http://testserver/media/images/")
    assert (image_data["thumbnail"]["width"], image_data["thumbnail"]["height"]) == (480, 270)
    assert image_data["alt"] == "Das Team vor dem Rathaus"
    assert image_data["credit"] == "Stadt Teststadt/Erika Muster"

    english_data = get_json(client, "/api/v2/news/?locale=en")
    assert titles(english_data) == ["New counselling office"]
    english_item = english_data["items"][0]
    assert english_item["topics"] == [{"name": "Test topic", "slug": "test-topic"}]
    assert english_item["lead_image"]["alt"] == "The team"
    assert english_item["lead_image"]["credit"] == "Stadt Teststadt/Erika Muster"
    assert english_item["meta"]["translations"][0]["locale"] == "de"
    # Wagtail's own listing (fields) and detail views.
    assert get_json(client, "/api/v2/news/?fields=_,id,title,date")["items"][0] == {
        "id": release.pk,
        "title": "Neue Beratungsstelle",
        "date": "2030-03-15T10:00:00+01:00",
    }
    detail = get_json(client, f"/api/v2/news/{english.pk}/")
    assert detail["title"] == "New counselling office"
    assert detail["meta"]["locale"] == "en"


def test_news_filters_by_topic_city_and_year_as_the_listing(client, sections, topic, frozen):
    member = MemberPageFactory(parent=sections.members_de, title="Wuppertal", slug="wuppertal")
    translated(member, title="Wuppertal", slug="wuppertal-en")
    filed = NewsPageFactory(parent=sections.news_de, title="Mit Thema", date=berlin(2029, 5, 1), topics=[topic])
    naming = NewsPageFactory(parent=sections.news_de, title="Nennt Wuppertal", date=berlin(2030, 2, 1))
    name_city(naming, member)
    NewsPageFactory(parent=sections.news_de, title="Ohne alles", date=berlin(2030, 1, 1))
    NewsPageFactory(parent=sections.news_de, title="Vordatiert", date=berlin(2030, 7, 1))
    translated(filed, title="With topic")
    translated(naming, title="Naming Wuppertal")

    # Newest first, a release dated ahead not yet.
    assert titles(get_json(client, "/api/v2/news/")) == ["Nennt Wuppertal", "Ohne alles", "Mit Thema"]
    assert titles(get_json(client, "/api/v2/news/?topic=testthema")) == ["Mit Thema"]
    assert titles(get_json(client, "/api/v2/news/?city=wuppertal")) == ["Nennt Wuppertal"]
    assert titles(get_json(client, "/api/v2/news/?year=2029")) == ["Mit Thema"]
    assert titles(get_json(client, "/api/v2/news/?year=2030&city=wuppertal")) == ["Nennt Wuppertal"]
    cities = get_json(client, "/api/v2/news/?city=wuppertal")["items"][0]["cities"]
    assert [(city["city"], city["slug"]) for city in cities] == [("Wuppertal", "wuppertal")]
    # The English listing takes the English slugs.
    assert titles(get_json(client, "/api/v2/news/?locale=en&topic=test-topic")) == ["With topic"]
    assert titles(get_json(client, "/api/v2/news/?locale=en&city=wuppertal-en")) == ["Naming Wuppertal"]
    assert get_json(client, "/api/v2/news/?locale=en&city=wuppertal-en")["items"][0]["cities"][0]["slug"] == (
        "wuppertal-en"
    )
    for query in ("topic=test-topic", "city=wuppertal-en", "year=abc", "year=%D9%A2%D9%A0%D9%A2%D9%A4", "topic="):
        data = get_json(client, f"/api/v2/news/?{query}", status=400 if query != "topic=" else 200)
        if query != "topic=":
            assert query.split("=")[0] in data["message"]


# Events ----------------------------------------------------------------------------


@pytest.fixture
def schedule(sections, topic):
    """A host city, a series and events around NOW (2030-06-01 12:00)."""
    member = MemberPageFactory(parent=sections.members_de, title="Köln", city="Köln", slug="koeln")
    member_en = translated(member, title="Cologne", city="Cologne", slug="cologne")
    series = EventSeriesPageFactory(parent=sections.events_de, title="Qualifizierungsreihe", slug="reihe")
    events = SimpleNamespace(
        member=member,
        member_en=member_en,
        series=series,
        later=EventPageFactory(
            parent=sections.events_de, title="Später", start=NOW + timedelta(days=30), host_member=member
        ),
        soon=EventPageFactory(
            parent=sections.events_de,
            title="Bald",
            start=NOW + timedelta(days=2),
            end=NOW + timedelta(days=2, hours=2),
            event_format="online",
            venue_name="",
            online_note="Link nach Anmeldung.",
            cancelled=True,
        ),
        module=EventPageFactory(
            parent=series, title="Modul", start=NOW + timedelta(days=10), registration_url="https://anmelden.example"
        ),
        past=EventPageFactory(parent=sections.events_de, title="Vorbei", start=NOW - timedelta(days=20)),
        long_ago=EventPageFactory(
            parent=sections.events_de, title="Lange her", start=berlin(2029, 12, 1), all_day=True
        ),
    )
    add_topic(events.later, topic)
    return events


def test_events_upcoming_by_start_past_latest_first(client, schedule, frozen):
    assert titles(get_json(client, "/api/v2/events/")) == ["Bald", "Modul", "Später"]
    assert titles(get_json(client, "/api/v2/events/?when=upcoming")) == ["Bald", "Modul", "Später"]
    assert titles(get_json(client, "/api/v2/events/?when=past")) == ["Vorbei", "Lange her"]
    items = {item["title"]: item for item in get_json(client, "/api/v2/events/?when=past")["items"]}
    # German time with its offset: winter +01:00, summer +02:00.
    assert items["Lange her"]["start"] == "2029-12-01T10:00:00+01:00"
    assert items["Lange her"]["all_day"] is True
    assert items["Vorbei"]["start"] == "2030-05-12T12:00:00+02:00"
    assert items["Vorbei"]["end"] is None


def test_events_fields(client, schedule, frozen):
    items = {item["title"]: item for item in get_json(client, "/api/v2/events/")["items"]}
    soon, module, later = items["Bald"], items["Modul"], items["Später"]
    assert soon["cancelled"] is True
    assert soon["event_format"] == {"value": "online", "label": "Online"}
    assert soon["end"] == "2030-06-03T14:00:00+02:00"
    assert module["series"]["title"] == "Qualifizierungsreihe"
    assert module["series"]["html_url"] == "http://testserver/de/veranstaltungen/reihe/"
    assert module["registration_url"] == "https://anmelden.example"
    assert later["series"] is None
    assert later["host_member"]["city"] == "Köln"
    assert later["host_member"]["id"] == schedule.member.pk
    assert later["host_member"]["html_url"] == "http://testserver/de/mitglieder/koeln/"
    assert later["topics"] == [{"name": "Testthema", "slug": "testthema"}]
    assert later["venue_name"] == "Saal"
    assert later["meta"]["html_url"].startswith("http://testserver/de/veranstaltungen/")
    assert not {"owner", "locked_by", "latest_revision", "live", "has_unpublished_changes"} & set(later)
    assert not {"owner", "locked_by", "latest_revision", "live", "has_unpublished_changes"} & set(later["meta"])


def test_events_filters_in_both_languages(client, schedule, frozen):
    later_en = translated(schedule.later, title="Later")
    translated(schedule.soon, title="Soon")
    assert titles(get_json(client, "/api/v2/events/?city=koeln")) == ["Später"]
    assert titles(get_json(client, "/api/v2/events/?format=online")) == ["Bald"]
    assert titles(get_json(client, "/api/v2/events/?series=reihe")) == ["Modul"]
    assert titles(get_json(client, "/api/v2/events/?topic=testthema")) == ["Später"]
    assert titles(get_json(client, "/api/v2/events/?format=in_person&when=upcoming")) == ["Modul", "Später"]
    assert titles(get_json(client, "/api/v2/events/?format=in_person&when=past")) == ["Vorbei", "Lange her"]
    # English: only the translated events, the host city in English.
    english = get_json(client, "/api/v2/events/?locale=en")
    assert titles(english) == ["Soon", "Later"]
    assert english["items"][1]["host_member"]["city"] == "Cologne"
    assert english["items"][1]["meta"]["locale"] == "en"
    assert english["items"][1]["event_format"]["label"] == "In person"
    assert titles(get_json(client, "/api/v2/events/?locale=en&city=cologne")) == ["Later"]
    assert titles(get_json(client, "/api/v2/events/?locale=en&topic=test-topic")) == ["Later"]
    assert get_json(client, f"/api/v2/events/{later_en.pk}/")["host_member"]["city"] == "Cologne"
    for query in ("city=cologne", "series=unknown", "format=offline", "when=soon", "topic=test-topic", "locale=fr"):
        assert query.split("=")[0] in get_json(client, f"/api/v2/events/?{query}", status=400)["message"]


def test_an_event_list_lives_until_its_first_event_ends(client, sections):
    now = datetime.now(tz=BERLIN)
    EventPageFactory(parent=sections.events_de, start=now - timedelta(hours=1), end=now + timedelta(minutes=2))
    response = client.get("/api/v2/events/")
    assert response["X-Cache"] == "MISS"
    max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < max_age <= 120


# Members ---------------------------------------------------------------------------


def test_members_by_city_with_state_filter(client, sections):
    bonn = MemberPageFactory(
        parent=sections.members_de,
        title="Bonn",
        city="Bonn",
        federal_state="NW",
        latitude="50.73438",
        longitude="7.09549",
        phone="+49 228 0",
        calendar_url="https://bonn.example/kalender.ics",
    )
    MemberPageFactory(parent=sections.members_de, title="Augsburg", city="Augsburg", federal_state="BY")
    translated(bonn, title="Bonn", slug="bonn-en")

    assert [item["city"] for item in get_json(client, "/api/v2/members/")["items"]] == ["Augsburg", "Bonn"]
    for query, cities in (("limit=1", ["Augsburg"]), ("limit=1&offset=1", ["Bonn"]), ("offset=2", [])):
        data = get_json(client, f"/api/v2/members/?{query}")
        assert (data["meta"]["total_count"], [item["city"] for item in data["items"]]) == (2, cities)
    item = get_json(client, "/api/v2/members/?state=NW")["items"][0]
    assert item["federal_state"] == {"value": "NW", "label": "Nordrhein-Westfalen"}
    assert (item["latitude"], item["longitude"]) == (50.73438, 7.09549)
    assert (item["street"], item["postcode"], item["phone"], item["email"]) == (
        "Teststraße 1",
        "12345",
        "+49 228 0",
        "test@example.org",
    )
    assert item["office_name"] == "Antidiskriminierungsstelle (Test)"
    assert item["calendar_url"] == "https://bonn.example/kalender.ics"
    assert "calendar_publish_directly" not in item
    english = get_json(client, "/api/v2/members/?locale=en&state=NW")["items"]
    assert [(i["city"], i["federal_state"]["label"]) for i in english] == [("Bonn", "North Rhine-Westphalia")]
    assert get_json(client, "/api/v2/members/?locale=en&state=BY")["items"] == []
    assert (
        get_json(client, f"/api/v2/members/{bonn.pk}/")["meta"]["html_url"] == "http://testserver/de/mitglieder/bonn/"
    )
    assert "state" in get_json(client, "/api/v2/members/?state=XX", status=400)["message"]


# What a visitor may not see --------------------------------------------------------


def test_drafts_private_pages_aliases_and_other_languages_are_absent(client, sections, english, frozen):
    shown = NewsPageFactory(parent=sections.news_de, title="Öffentlich", date=berlin(2030, 5, 1))
    draft = NewsPageFactory(parent=sections.news_de, title="Entwurf", live=False, date=berlin(2030, 5, 2))
    private = NewsPageFactory(parent=sections.news_de, title="Privat", date=berlin(2030, 5, 3))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    ahead = NewsPageFactory(parent=sections.news_de, title="Vordatiert", date=berlin(2030, 8, 1))
    alias = shown.create_alias(parent=sections.news_en, update_locale=english)
    only_english = NewsPageFactory(parent=sections.news_en, title="Only English", date=berlin(2030, 5, 4))

    assert titles(get_json(client, "/api/v2/news/")) == ["Öffentlich"]
    assert titles(get_json(client, "/api/v2/news/?locale=en")) == ["Only English"]
    for page in (draft, private, ahead, alias):
        get_json(client, f"/api/v2/news/{page.pk}/", status=404)
    # An id of another type is not found at this endpoint.
    get_json(client, f"/api/v2/events/{shown.pk}/", status=404)
    assert get_json(client, f"/api/v2/news/{only_english.pk}/")["meta"]["translations"] == []


# URLs -------------------------------------------------------------------------------


def test_urls_are_on_the_sites_root_url_whatever_the_host(client, sections):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "netzwerk.example", 443
    site.save()
    member = MemberPageFactory(parent=sections.members_de, title="Jena", slug="jena")
    item = get_json(client, "/api/v2/members/", HTTP_HOST="elsewhere.example")["items"][0]
    assert item["meta"]["html_url"] == "https://netzwerk.example/de/mitglieder/jena/"
    assert item["meta"]["detail_url"] == f"https://netzwerk.example/api/v2/members/{member.pk}/"


def test_the_purged_api_paths_are_the_endpoints_urls(sections):
    release = NewsPageFactory(parent=sections.news_de)
    event = EventPageFactory(parent=sections.events_de, start=NOW)
    member = MemberPageFactory(parent=sections.members_de)
    for page, name in ((release, "news"), (event, "events"), (member, "members")):
        assert api_paths(page) == [reverse(f"api:{name}:listing"), reverse(f"api:{name}:detail", args=[page.pk])]
    assert api_paths(sections.news_de) == []


# Queries ---------------------------------------------------------------------------


@pytest.fixture
def uncached(settings):
    """Every request renders (the query count of the view itself)."""
    settings.PAGE_CACHE_ENABLED = False


def with_image(**fields):
    image = ImageFactory()
    # As the task worker makes them (core.images): never while a reader waits.
    image.get_renditions("format-jpeg|width-800", "format-jpeg|fill-480x270")
    return {"lead_image": image, "lead_image_alt": "Beschreibung", **fields}


def test_news_list_costs_the_same_queries_at_1_and_31_releases(
    client, flat_queries, uncached, sections, topic, frozen, django_assert_max_num_queries
):
    member = MemberPageFactory(parent=sections.members_de, slug="hagen")

    def release(number):
        page = NewsPageFactory(
            parent=sections.news_de, date=berlin(2030, 1, 1) + timedelta(hours=number), topics=[topic], **with_image()
        )
        name_city(page, member)

    release(0)

    def grow():
        with transaction.atomic():
            for number in range(1, 31):
                release(number)

    response = flat_queries(
        "/api/v2/news/?limit=50&topic=testthema&city=hagen&year=2030", grow, limit=10, cold_limit=100
    )
    assert len(response.json()["items"]) == 31
    assert all(item["lead_image"] and item["topics"] and item["cities"] for item in response.json()["items"])
    client.get("/api/v2/news/?limit=50")
    with django_assert_max_num_queries(10):
        assert len(client.get("/api/v2/news/?limit=50").json()["items"]) == 31


def test_event_list_costs_the_same_queries_at_1_and_31_events(
    client, flat_queries, uncached, sections, topic, frozen, django_assert_max_num_queries
):
    member = MemberPageFactory(parent=sections.members_de, slug="hagen")
    series = EventSeriesPageFactory(parent=sections.events_de, slug="reihe")

    def event(number):
        page = EventPageFactory(
            parent=series, start=NOW + timedelta(days=number + 1), host_member=member, **with_image()
        )
        add_topic(page, topic)

    event(0)

    def grow():
        with transaction.atomic():
            for number in range(1, 31):
                event(number)

    url = "/api/v2/events/?limit=50&city=hagen&series=reihe&topic=testthema&format=in_person&when=upcoming"
    response = flat_queries(url, grow, limit=10, cold_limit=100)
    assert len(response.json()["items"]) == 31
    assert all(item["host_member"] and item["series"] and item["lead_image"] for item in response.json()["items"])
    client.get("/api/v2/events/?limit=50")
    with django_assert_max_num_queries(10):
        assert len(client.get("/api/v2/events/?limit=50").json()["items"]) == 31


def test_member_list_costs_the_same_queries_at_1_and_31_members(flat_queries, uncached, sections):
    MemberPageFactory(parent=sections.members_de)

    def grow():
        with transaction.atomic():
            for _number in range(30):
                MemberPageFactory(parent=sections.members_de)

    response = flat_queries("/api/v2/members/?limit=50&state=NW", grow, limit=10, cold_limit=100)
    assert len(response.json()["items"]) == 31


# CORS, methods ---------------------------------------------------------------------


def test_any_site_may_read_the_api_also_from_the_cache(client, sections):
    MemberPageFactory(parent=sections.members_de)
    first = client.get("/api/v2/members/", HTTP_ORIGIN="https://stadt.example")
    second = client.get("/api/v2/members/", HTTP_ORIGIN="https://stadt.example")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for response in (first, second):
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v2/members/", HTTP_ORIGIN="https://stadt.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    # The site's pages are not opened to other origins.
    assert "Access-Control-Allow-Origin" not in client.get("/de/", HTTP_ORIGIN="https://stadt.example")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_only_reads(client, sections, method):
    member = MemberPageFactory(parent=sections.members_de)
    for url in ("/api/v2/members/", f"/api/v2/members/{member.pk}/"):
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405
        assert "message" in response.json()
        assert response["Allow"] == "GET, HEAD, OPTIONS"


# The page cache ----------------------------------------------------------------------


def test_publishing_a_change_shows_at_the_next_request(client, sections, frozen):
    release = NewsPageFactory(parent=sections.news_de, title="Vorher", date=berlin(2030, 5, 1))
    detail = f"/api/v2/news/{release.pk}/"
    for url in ("/api/v2/news/", detail):
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"
    release.title = "Nachher"
    release.save_revision().publish()
    assert titles(get_json(client, "/api/v2/news/")) == ["Nachher"]
    assert get_json(client, detail)["title"] == "Nachher"
    release.unpublish()
    assert titles(get_json(client, "/api/v2/news/")) == []
    get_json(client, detail, status=404)


def test_a_renamed_host_topic_or_new_credit_shows_at_the_next_request(client, sections, topic, frozen):
    member = MemberPageFactory(parent=sections.members_de, city="Altstadt")
    event = EventPageFactory(
        parent=sections.events_de, start=NOW + timedelta(days=1), host_member=member, **with_image()
    )
    add_topic(event, topic)
    item = get_json(client, "/api/v2/events/")["items"][0]
    assert (item["host_member"]["city"], item["topics"][0]["name"]) == ("Altstadt", "Testthema")
    assert client.get("/api/v2/events/")["X-Cache"] == "HIT"

    member.city = "Neustadt"
    member.save_revision().publish()
    assert get_json(client, "/api/v2/events/")["items"][0]["host_member"]["city"] == "Neustadt"
    topic.name = "Umbenannt"
    topic.save()
    assert get_json(client, "/api/v2/events/")["items"][0]["topics"][0]["name"] == "Umbenannt"
    event.lead_image.credit = "Neue Agentur"
    event.lead_image.save()
    assert get_json(client, "/api/v2/events/")["items"][0]["lead_image"]["credit"] == "Neue Agentur"


def test_junk_and_odd_spellings_are_answered_but_not_kept(client, sections):
    MemberPageFactory(parent=sections.members_de)
    kept = ["/api/v2/members/?locale=en", "/api/v2/members/?limit=5&offset=0", "/api/v2/members/?fields=_,city,title"]
    not_kept = [
        "/api/v2/members/?_=1700000000",  # a cache-buster
        "/api/v2/members/?limit=05",
        "/api/v2/members/?offset=1000",  # past the end
        "/api/v2/members/?fields=title,_",
        "/api/v2/members/?fields=_,title,city",  # another order
        "/api/v2/members/?locale=de&locale=en",
    ]
    for url in kept:
        assert client.get(url)["X-Cache"] == "MISS", url
        assert client.get(url)["X-Cache"] == "HIT", url
    for url in not_kept:
        response = client.get(url)
        assert response.status_code in (200, 400), url
        assert "X-Cache" not in response, url
        assert "X-Cache" not in client.get(url), url


# Bad input -------------------------------------------------------------------------

PARAMETERS = (
    "locale",
    "limit",
    "offset",
    "fields",
    "when",
    "topic",
    "city",
    "year",
    "series",
    "format",
    "state",
    "id",
    "type",
    "search",
    "order",
    "child_of",
)
VALUES = ("%C2%B2", "%D9%A1%D9%A2", "%EF%BC%91", "9" * 40, "-1", "1e3", "", "%00", "*", "_,-", "a(b")


def test_junk_in_any_parameter_is_a_json_4xx_never_a_server_error(client, sections):
    member = MemberPageFactory(parent=sections.members_de)
    routes = ["/api/v2/news/", "/api/v2/events/", "/api/v2/members/", f"/api/v2/members/{member.pk}/"]
    failures = []
    for route in routes:
        for name in PARAMETERS:
            for value in (*VALUES, f"1&{name}=2"):
                response = client.get(f"{route}?{name}={value}")
                if response.status_code >= 500 or response["Content-Type"] != "application/json":
                    failures.append((route, name, value, response.status_code))
    for url in ("/api/v2/members/99999999999999999999/", "/api/v2/members/0/", f"/api/v2/news/{member.pk}/"):
        if client.get(url).status_code != 404:
            failures.append((url, "not 404"))
    assert failures == []


@pytest.mark.parametrize(
    "query",
    ["limit=51", "limit=abc", "limit=%D9%A1", "offset=-1", "offset=" + "9" * 40, "fields=nope", "fields=title(x)"],
)
def test_bad_pagination_and_fields_are_400_with_a_message(client, sections, query):
    assert get_json(client, f"/api/v2/members/?{query}", status=400)["message"]
