"""Events: upcoming/past at a frozen now, series and their numbered modules, filters, dates in both
languages, iCal download and calendar feed, RSS, JSON-LD, and where else events are listed.

Each test builds the events it looks at (tests/events/conftest.py, tests/factories.py); those that
count or order what a listing, feed or calendar shows start from an emptied event index."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone, translation

import feedparser
import icalendar
import pytest
import time_machine
from bs4 import BeautifulSoup

from events.dates import event_when
from events.models import EventIndexPage, EventPage, EventPagePartner, EventPageTopic
from tests.conftest import soup
from tests.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    MemberPageFactory,
    PartnerPageFactory,
    StandardPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
ONLINE_NOTE = "Der Zugangslink wird nach der Anmeldung per E-Mail verschickt."


def titles(response):
    return [h.get_text(strip=True) for h in soup(response).select("main .event-card .card__title")]


def berlin(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def online_event(parent, **fields):
    return EventPageFactory(parent=parent, event_format="online", venue_name="", online_note=ONLINE_NOTE, **fields)


def hybrid_event(parent, **fields):
    return EventPageFactory(parent=parent, event_format="hybrid", online_note=ONLINE_NOTE, **fields)


def json_ld(response):
    return json.loads(soup(response).find("script", type="application/ld+json").string)


def vevents(response):
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_upcoming_and_past_split_at_a_frozen_now(client, empty_index_de):
    now = berlin(2030, 6, 1, 12)
    index = empty_index_de
    # Built out of date order: the listings sort them.
    for title, start, end in [
        ("Übermorgen", now + timedelta(days=2), now + timedelta(days=2, hours=2)),
        ("Gerade vorbei", now - timedelta(hours=3), now - timedelta(minutes=1)),
        ("Läuft gerade", now - timedelta(hours=1), now + timedelta(hours=1)),
        ("Letzte Woche", now - timedelta(days=7), now - timedelta(days=7) + timedelta(hours=2)),
        ("Morgen", now + timedelta(days=1), now + timedelta(days=1, hours=2)),
        # Without an end an event counts as running for twelve hours after its start.
        ("Offen seit elf Stunden", now - timedelta(hours=11), None),
        ("Offen seit 13 Stunden", now - timedelta(hours=13), None),
    ]:
        EventPageFactory(parent=index, title=title, start=start, end=end)
    with time_machine.travel(now, tick=False):
        upcoming = client.get("/de/veranstaltungen/")
        past = client.get("/de/veranstaltungen/past/")
    assert titles(upcoming) == ["Offen seit elf Stunden", "Läuft gerade", "Morgen", "Übermorgen"]
    assert soup(upcoming).select_one(".result-count").get_text(strip=True) == "4 Veranstaltungen"
    assert titles(past) == ["Gerade vorbei", "Offen seit 13 Stunden", "Letzte Woche"]
    assert [e.title for e in EventPage.objects.child_of(index).live().past(now)] == titles(past)
    assert [e.title for e in EventPage.objects.child_of(index).live().upcoming(now)] == titles(upcoming)


def test_a_series_page_numbers_its_modules_by_date(client, index_de):
    series = EventSeriesPageFactory(parent=index_de, title="Reihe Beschwerdemanagement", slug="reihe-beschwerde")
    # Built out of date order: the numbers follow the dates.
    hybrid_event(series, title="Abschluss", start=berlin(2030, 9, 10))
    EventPageFactory(parent=series, title="Auftakt", start=berlin(2030, 7, 1))
    second = online_event(series, title="Online-Modul", start=berlin(2030, 8, 1))
    page_soup = soup(client.get(series.url))
    items = page_soup.select(".module-list li")
    assert [li.select_one(".card__meta").get_text(" ", strip=True) for li in items] == [
        "Modul 1 von 3 · In Präsenz",
        "Modul 2 von 3 · Online",
        "Modul 3 von 3 · Hybrid",
    ]
    assert [li.select_one(".card__title").get_text(strip=True) for li in items] == [
        "Auftakt",
        "Online-Modul",
        "Abschluss",
    ]
    kicker = soup(client.get(second.url)).select_one(".article__kicker")
    assert kicker.get_text(" ", strip=True) == "Reihe Beschwerdemanagement · Modul 2 von 3"
    assert kicker.find("a")["href"] == series.url


@pytest.mark.parametrize(
    ("query", "tag", "title"),
    [
        ("format=online", "Online", "Sprechstunde"),
        ("format=hybrid", "Hybrid", "Fachtag"),
        ("format=in_person", "In Präsenz", "Regionaltreffen"),
    ],
)
def test_format_filter(client, empty_index_de, query, tag, title):
    online_event(empty_index_de, title="Sprechstunde", start=berlin(2030, 2, 1))
    hybrid_event(empty_index_de, title="Fachtag", start=berlin(2030, 3, 1))
    EventPageFactory(parent=empty_index_de, title="Regionaltreffen", start=berlin(2030, 4, 1))
    with time_machine.travel(berlin(2030, 1, 1)):
        response = client.get(f"/de/veranstaltungen/?{query}")
    assert titles(response) == [title]
    assert [card.select_one(".tag").get_text() for card in soup(response).select(".event-card")] == [tag]


def test_series_and_city_filters(client, empty_index_de, members_de):
    index = empty_index_de
    city = MemberPageFactory(parent=members_de, title="Musterstadt", slug="musterstadt")
    series = EventSeriesPageFactory(parent=index, title="Qualifizierungsreihe 2030", slug="qualifizierungsreihe-2030")
    translate(series, "en", title="Training series 2030", slug="training-series-2030")
    second = online_event(series, title="Zweites Modul", start=berlin(2030, 3, 1))
    first = EventPageFactory(parent=series, title="Auftakt in Musterstadt", start=berlin(2030, 2, 1), host_member=city)
    translate(first, "en", title="Kickoff in Musterstadt", slug="kickoff-in-musterstadt")
    translate(second, "en", title="Second module", slug="second-module")
    EventPageFactory(parent=index, title="Netzwerktreffen in Musterstadt", start=berlin(2030, 4, 1), host_member=city)
    EventPageFactory(parent=index, title="Fachtag anderswo", start=berlin(2030, 5, 1))
    with time_machine.travel(berlin(2030, 1, 1)):
        series_listing = client.get("/en/events/?series=training-series-2030")
        city_listing = client.get("/de/veranstaltungen/?city=musterstadt")
    assert titles(series_listing) == ["Kickoff in Musterstadt", "Second module"]
    assert titles(city_listing) == ["Auftakt in Musterstadt", "Netzwerktreffen in Musterstadt"]
    # The filter form offers the series and the host city the events name, the chosen one selected.
    options = {o["value"]: o.has_attr("selected") for o in soup(city_listing).select("#filter-city option")}
    assert options == {"": False, "musterstadt": True}
    assert [o["value"] for o in soup(city_listing).select("#filter-series option")] == ["", "qualifizierungsreihe-2030"]


@pytest.mark.parametrize(
    "query", ["format=party", "series=nope", "city=atlantis", "format=%3Cscript%3E", "page=abc&format=online"]
)
def test_bad_filter_values_never_500(client, query):
    response = client.get(f"/de/veranstaltungen/?{query}")
    assert response.status_code in (200, 404)
    assert "<script>" not in response.content.decode()


def test_dates_in_both_languages_with_time_zone():
    start = datetime(2024, 11, 21, 10, 0, tzinfo=BERLIN)
    end = datetime(2024, 11, 21, 13, 0, tzinfo=BERLIN)
    with translation.override("de"):
        assert event_when(start, end) == "21. November 2024, 10:00–13:00 Uhr (MEZ)"
    with translation.override("en"):
        assert event_when(start, end) == "21 November 2024, 10:00–13:00 (CET)"
    summer = datetime(2025, 5, 22, 10, 0, tzinfo=BERLIN)
    with translation.override("de"):
        assert event_when(summer, summer + timedelta(hours=3)) == "22. Mai 2025, 10:00–13:00 Uhr (MESZ)"
        assert event_when(summer, None) == "22. Mai 2025, ab 10:00 Uhr (MESZ)"
        assert event_when(summer, summer + timedelta(days=1), all_day=True) == "22. Mai 2025 bis 23. Mai 2025"


def test_dates_across_the_daylight_saving_change():
    start = datetime(2027, 3, 27, 10, 0, tzinfo=BERLIN)
    end = datetime(2027, 3, 28, 16, 0, tzinfo=BERLIN)
    with translation.override("en"):
        assert event_when(start, end) == "27 March 2027, 10:00 (CET) to 28 March 2027, 16:00 (CEST)"
    elapsed = end.astimezone(ZoneInfo("UTC")) - start.astimezone(ZoneInfo("UTC"))
    assert elapsed == timedelta(hours=29)  # the night is an hour shorter


@pytest.fixture
def kickoff_en(index_de):
    """An English event (a translation of a German one) over two days, in person."""
    kickoff = EventPageFactory(
        parent=index_de,
        title="Auftakt in Musterstadt: Beschwerdemanagement",
        slug="auftakt-in-musterstadt",
        start=berlin(2030, 11, 6, 10),
        end=berlin(2030, 11, 7, 15),
        lead="Zwei Tage zum Auftakt der Reihe.",
        venue_name="Rathaus Musterstadt",
        venue_address="Marktplatz 1\n12345 Musterstadt",
    )
    return translate(
        kickoff,
        "en",
        title="Kickoff in Musterstadt: complaint management",
        slug="kickoff-in-musterstadt",
        lead="Two days to open the series.",
        venue_name="Musterstadt Town Hall",
    )


def test_ics_download_parses_back_field_by_field(client, kickoff_en):
    assert kickoff_en.url == "/en/events/kickoff-in-musterstadt/"
    response = client.get(kickoff_en.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kickoff-in-musterstadt.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == kickoff_en.uid
    assert str(event["SUMMARY"]) == "Kickoff in Musterstadt: complaint management"
    assert event["DTSTART"].dt == berlin(2030, 11, 6, 10)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTEND"].dt == berlin(2030, 11, 7, 15)
    assert str(event["LOCATION"]) == "Musterstadt Town Hall, Marktplatz 1 12345 Musterstadt"
    assert str(event["URL"]) == "http://testserver/en/events/kickoff-in-musterstadt/"
    assert "DTSTAMP" in event
    assert (
        str(event["DESCRIPTION"])
        == "Two days to open the series.\n\nhttp://testserver/en/events/kickoff-in-musterstadt/"
    )


@pytest.mark.parametrize("document", ["download", "calendar"])
def test_the_ics_time_zone_states_the_rule_and_holds_beyond_2038(client, index_de, document):
    """Calendar apps expect the daylight-saving rule (RRULE), not a list of dates that ends."""
    upcoming = EventPageFactory(parent=index_de, title="Fachtag", start=timezone.now() + timedelta(days=30))
    upcoming_en = translate(upcoming, "en", title="Conference", slug="conference")
    response = client.get(upcoming_en.url + "ical/" if document == "download" else "/en/events/calendar/")
    assert response.status_code == 200
    assert "Conference" in [str(e["SUMMARY"]) for e in vevents(response)]
    assert b"RDATE" not in response.content
    [zone] = icalendar.Calendar.from_ical(response.content).walk("VTIMEZONE")
    rules = {part.name: part["RRULE"] for part in zone.subcomponents}
    assert rules["DAYLIGHT"] == {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]}
    assert rules["STANDARD"] == {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}
    berlin_zone = zone.to_tz()
    assert berlin_zone.utcoffset(datetime(2045, 7, 1, 12)) == timedelta(hours=2)
    assert berlin_zone.utcoffset(datetime(2045, 12, 1, 12)) == timedelta(hours=1)


def test_ics_times_across_the_daylight_saving_change(client, index_de):
    # The clocks go forward in the night to Sunday, 28 March 2027.
    event = EventPageFactory(
        parent=index_de, title="Klausurtagung", start=berlin(2027, 3, 27, 10), end=berlin(2027, 3, 28, 16)
    )
    [vevent] = vevents(client.get(event.url + "ical/"))
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert (start.hour, end.hour) == (10, 16)
    assert start.utcoffset() == timedelta(hours=1) and end.utcoffset() == timedelta(hours=2)
    utc = ZoneInfo("UTC")
    assert end.astimezone(utc) - start.astimezone(utc) == timedelta(hours=29)


def test_uid_is_stable_across_edits(client, kickoff_en):
    [before] = vevents(client.get(kickoff_en.url + "ical/"))
    kickoff_en.title = "Renamed kickoff"
    kickoff_en.save_revision().publish()
    [after] = vevents(client.get(kickoff_en.url + "ical/"))
    assert after["UID"] == before["UID"] and str(after["SUMMARY"]) == "Renamed kickoff"


def test_calendar_feed_lists_upcoming_live_events_of_one_language(client, empty_index_de):
    index = empty_index_de
    now = timezone.now()
    conference = EventPageFactory(
        parent=index, title="Fachtag", start=now + timedelta(days=10), lead="Deutscher Vorspann."
    )
    translate(conference, "en", title="Conference", slug="conference", lead="English lead.")
    EventPageFactory(parent=index, title="Werkstatt", start=now + timedelta(days=20), lead="Deutscher Vorspann.")
    EventPageFactory(parent=index, title="Rückblick", start=now - timedelta(days=20))
    EventPageFactory(parent=index, title="Entwurf", start=now + timedelta(days=3), live=False)
    series = EventSeriesPageFactory(parent=index, title="Reihe", slug="reihe")
    EventPageFactory(parent=series, title="Erstes Modul", start=now - timedelta(days=30))
    EventPageFactory(parent=series, title="Zweites Modul", start=now + timedelta(days=30))
    response = client.get("/de/veranstaltungen/calendar/")
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert sorted(str(e["SUMMARY"]) for e in vevents(response)) == ["Fachtag", "Werkstatt", "Zweites Modul"]
    english = vevents(client.get("/en/events/calendar/"))
    assert [str(e["SUMMARY"]) for e in english] == ["Conference"]
    assert str(english[0]["DESCRIPTION"]).startswith("English lead.")
    series_calendar = vevents(client.get("/de/veranstaltungen/calendar/?series=reihe"))
    assert [str(e["SUMMARY"]) for e in series_calendar] == ["Zweites Modul"]


def test_event_index_links_webcal_subscription(client):
    links = soup(client.get("/en/events/")).select(".feed-links a")
    assert links[0]["href"] == "webcal://testserver/en/events/calendar/"
    assert links[1]["href"] == "/en/events/calendar/"


def test_rss_of_upcoming_events_validates_and_is_announced(client, empty_index_de, home_en, english):
    index = empty_index_de
    # Built out of date order: the feed lists the next event first.
    later = online_event(index, title="Sprechstunde", start=berlin(2030, 7, 1, 14), end=berlin(2030, 7, 1, 15))
    sooner = EventPageFactory(parent=index, title="Fachtag", start=berlin(2030, 6, 10), end=berlin(2030, 6, 10, 12))
    past = EventPageFactory(parent=index, title="Rückblick", start=berlin(2030, 5, 1), end=berlin(2030, 5, 1, 12))
    translate(later, "en", title="Consultation hour", slug="consultation-hour")
    translate(sooner, "en", title="Conference", slug="conference")
    translate(past, "en", title="Looking back", slug="looking-back")
    EventPageFactory(parent=index, title="Nur auf Deutsch", start=berlin(2030, 6, 5))
    with time_machine.travel(berlin(2030, 6, 1), tick=False):
        response = client.get("/en/events/feed/rss/")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert [entry.title for entry in feed.entries] == [
        "Conference (10 June 2030, 10:00–12:00 (CEST))",
        "Consultation hour (1 July 2030, 14:00–15:00 (CEST))",
    ]
    # Every page announces it, e.g. a plain English page.
    page = StandardPageFactory(parent=home_en, locale=english, title="Contact", slug="contact-test")
    announced = soup(client.get(page.url)).find_all("link", rel="alternate", type="application/rss+xml")
    assert "/en/events/feed/rss/" in [link["href"] for link in announced]


def test_structured_data_event_and_series(client, index_de):
    series = EventSeriesPageFactory(parent=index_de, title="Reihe 2030", slug="reihe-2030")
    translate(series, "en", title="Training series 2030", slug="training-series-2030")
    kickoff = EventPageFactory(
        parent=series, title="Auftakt", start=berlin(2030, 11, 6), venue_name="Rathaus", venue_address="Markt 1"
    )
    online = online_event(series, title="Online-Modul", start=berlin(2030, 11, 21))
    closing = hybrid_event(series, title="Abschluss", start=berlin(2030, 12, 3), venue_name="Bürgersaal")
    kickoff_en = translate(kickoff, "en", title="Kickoff", slug="kickoff")
    translate(online, "en", title="Online module", slug="online-module")
    closing_en = translate(closing, "en", title="Closing", slug="closing")

    data = json_ld(client.get(kickoff_en.url))
    assert data["@type"] == "Event" and data["name"] == "Kickoff"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["startDate"] == "2030-11-06T10:00:00+01:00"
    assert data["location"] == {"@type": "Place", "name": "Rathaus", "address": "Markt 1"}
    assert data["inLanguage"] == "en"
    assert data["superEvent"]["name"] == "Training series 2030"
    online_data = json_ld(client.get(online.url))
    assert online_data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online_data["location"]["@type"] == "VirtualLocation"
    assert online_data["inLanguage"] == "de" and online_data["superEvent"]["name"] == "Reihe 2030"
    hybrid = json_ld(client.get(closing_en.url))
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in hybrid["location"]] == ["Place", "VirtualLocation"]
    series_data = json_ld(client.get("/en/events/training-series-2030/"))
    assert series_data["@type"] == "EventSeries" and series_data["name"] == "Training series 2030"
    assert [event["name"] for event in series_data["subEvent"]] == ["Kickoff", "Online module", "Closing"]


def test_online_events_never_show_a_meeting_link(client, index_de):
    event = online_event(index_de, title="Sprechstunde", start=timezone.now() + timedelta(days=10))
    response = client.get(event.url)
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in soup(response).select(".event-facts dt")}
    assert facts["Online-Zugang"] == ONLINE_NOTE
    # Search engines are pointed at the event's own page, not at a meeting.
    data = json_ld(response)
    assert data["location"] == {"@type": "VirtualLocation", "url": data["url"]}
    assert data["url"].endswith(event.url)


def test_home_pages_show_the_next_three_events(client, empty_index_de):
    index = empty_index_de
    now = timezone.now()
    # Built out of date order: the home pages show the soonest.
    for days, german, english in [
        (4, "Viertes", "Fourth"),
        (2, "Zweites", "Second"),
        (-1, "Vorbei", "Past"),
        (3, "Drittes", "Third"),
        (1, "Erstes", "First"),
    ]:
        event = EventPageFactory(parent=index, title=german, start=now + timedelta(days=days, hours=1))
        translate(event, "en", title=english, slug=english.lower())
    EventPageFactory(parent=index, title="Nur auf Deutsch", start=now + timedelta(hours=12))

    def cards(url):
        return [
            h.get_text(strip=True) for h in soup(client.get(url)).select("#upcoming-events-heading ~ .card-grid h3")
        ]

    assert cards("/en/") == ["First", "Second", "Third"]
    assert cards("/de/") == ["Nur auf Deutsch", "Erstes", "Zweites"]


def test_partner_and_member_pages_list_their_events(client, index_de, partners_de, members_de):
    partner = PartnerPageFactory(parent=partners_de, title="Städtekoalition", slug="staedtekoalition")
    partner_en = translate(partner, "en", title="Coalition of cities", slug="coalition-of-cities")
    city = MemberPageFactory(parent=members_de, title="Musterstadt", slug="musterstadt")
    elsewhere = MemberPageFactory(parent=members_de, title="Beispielstadt", slug="beispielstadt")
    # The editor named the German partner page: the English event is listed on the English one all the same.
    kickoff = EventPageFactory(
        parent=index_de,
        title="Auftakt mit der Koalition",
        start=berlin(2030, 3, 1),
        host_member=city,
        partner_links=[EventPagePartner(partner=partner)],
    )
    translate(kickoff, "en", title="Kickoff with the coalition", slug="kickoff-with-the-coalition")
    EventPageFactory(
        parent=index_de, title="Netzwerktreffen in Musterstadt", start=berlin(2030, 9, 1), host_member=city
    )
    EventPageFactory(parent=index_de, title="Treffen in Beispielstadt", start=berlin(2030, 5, 1), host_member=elsewhere)

    def related_events(url, heading):
        return [a.get_text() for a in soup(client.get(url)).select(f"#{heading} ~ ul a")]

    assert related_events(partner_en.url, "partner-events-heading") == ["Kickoff with the coalition"]
    assert related_events(city.url, "member-events-heading") == [
        "Netzwerktreffen in Musterstadt",  # the latest first
        "Auftakt mit der Koalition",
    ]


@pytest.mark.parametrize("url", ["/de/veranstaltungen/", "/de/veranstaltungen/past/", "/de/veranstaltungen/calendar/"])
def test_event_listings_keep_a_flat_query_count(empty_index_de, url, flat_queries):
    index = empty_index_de
    soon = timezone.now() + timedelta(days=1)
    EventPageFactory(parent=index, title="Eins", start=soon if "past" not in url else soon - timedelta(days=30))

    @transaction.atomic  # as one import would: one purge at the end
    def grow():
        for n in range(99):
            offset = timedelta(days=n + 2) if "past" not in url else -timedelta(days=n + 31)
            EventPageFactory(parent=index, title=f"Termin {n}", start=soon + offset)

    response = flat_queries(url, grow)
    if "calendar" in url:
        assert len(vevents(response)) == 100
    else:
        assert "100 Veranstaltungen" in soup(response).select_one(".result-count").get_text()


def test_event_topics_follow_the_language(client, index_de, german, english):
    from wagtail_localize.models import TranslationSource

    from news.models import Topic

    training = Topic.objects.get(locale=german, slug="qualifizierung")
    event = EventPageFactory(
        parent=index_de,
        title="Auftakt",
        start=berlin(2030, 11, 6),
        topic_links=[EventPageTopic(topic=training)],
    )
    # Translated as an editor does in the admin (wagtail-localize), which
    # links the translation to the topic's translation.
    source, _ = TranslationSource.get_or_create_from_instance(event)
    source.create_or_update_translation(english, publish=True, fallback=True)
    event_en = event.get_translation(english)

    def topics(page):
        return [t.get_text() for t in soup(client.get(page.url)).select(".article__topics .tag")]

    assert topics(event) == ["Qualifizierung"]
    assert topics(event_en) == ["Training"]


def test_event_validation_catches_editor_mistakes(index_de):
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = EventPage(title="Falsch", start=start, end=start - timedelta(hours=1), lead="x", event_format="hybrid")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert {"end", "venue_name"} <= set(error.value.message_dict)


def test_a_registration_deadline_after_the_start_is_refused(index_de):
    from django.core.exceptions import ValidationError

    start = timezone.now() + timedelta(days=10)
    event = EventPage(
        title="Spät", start=start, lead="x", venue_name="Saal", registration_deadline=start + timedelta(hours=1)
    )
    with pytest.raises(ValidationError) as refused:
        index_de.add_child(instance=event)
    assert "registration_deadline" in refused.value.message_dict


def test_an_online_event_says_how_to_get_in(index_de):
    from django.core.exceptions import ValidationError

    event = EventPage(title="Online", start=timezone.now() + timedelta(days=10), lead="x", event_format="online")
    with pytest.raises(ValidationError) as refused:
        index_de.add_child(instance=event)
    assert "online_note" in refused.value.message_dict


@pytest.mark.parametrize(
    "language, line",
    [
        ("de", "Anmeldung bis 20. März 2030 18:00: https://example.org/anmeldung"),
        ("en", "Registration until 20 March 2030, 18:00: https://example.org/anmeldung"),
    ],
)
def test_the_ics_carries_the_registration_deadline_in_the_events_language(client, index_de, language, line):
    event = EventPageFactory(
        parent=index_de,
        title="Mit Anmeldung",
        start=berlin(2030, 3, 25),
        registration_url="https://example.org/anmeldung",
        registration_deadline=berlin(2030, 3, 20, 18),
    )
    if language == "en":
        event = translate(event, "en", title="With registration", slug="with-registration")
    [vevent] = vevents(client.get(event.url + "ical/"))
    assert line in str(vevent["DESCRIPTION"])
    # The subscribable calendar, written by the worker, says the same.
    index = EventIndexPage.objects.get(locale=event.locale)
    [listed] = [e for e in vevents(client.get(index.url + "calendar/")) if str(e["SUMMARY"]) == event.title]
    assert line in str(listed["DESCRIPTION"])


def test_a_calendar_is_named_after_its_city_and_series(client, index_de, members_de):
    city = MemberPageFactory(parent=members_de, title="Musterstadt", slug="musterstadt")
    series = EventSeriesPageFactory(parent=index_de, title="Reihe 2030", slug="reihe-2030")
    EventPageFactory(parent=series, title="Auftakt", start=timezone.now() + timedelta(days=5), host_member=city)

    def name(query=""):
        calendar = icalendar.Calendar.from_ical(client.get(f"/de/veranstaltungen/calendar/{query}").content)
        return str(calendar["X-WR-CALNAME"])

    assert name("?city=musterstadt").startswith("Veranstaltungen: Musterstadt – ")
    assert name("?series=reihe-2030").startswith("Reihe 2030 – ")
    assert name("?series=reihe-2030&city=musterstadt").startswith("Reihe 2030: Musterstadt – ")
    whole = name()
    assert whole.startswith("Veranstaltungen – ") and "Musterstadt" not in whole


@pytest.mark.parametrize(
    ("path", "other"),
    [("/de/veranstaltungen/past/", "/en/events/past/"), ("/en/events/past/", "/de/veranstaltungen/past/")],
)
def test_the_past_events_archive_is_its_own_canonical_page_in_both_languages(client, path, other):
    """Search engines keep the archive: it names itself, not the upcoming events, as canonical."""
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == f"http://testserver{path}"
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
    assert alternates[path[1:3]] == f"http://testserver{path}"
    assert alternates[other[1:3]] == f"http://testserver{other}"
    assert alternates["x-default"] == "http://testserver/de/veranstaltungen/past/"
    # The language switcher leads to the archive in the other language.
    assert soup.find("a", href=re.compile(re.escape(other) + "$")) is not None
    # The upcoming events keep theirs.
    index = BeautifulSoup(client.get(path.replace("past/", "")).content, "html.parser")
    assert index.find("link", rel="canonical")["href"] == f"http://testserver{path.replace('past/', '')}"
