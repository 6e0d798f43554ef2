"""Events: upcoming/past at a frozen now, filters, dates in both languages, iCal, feeds, JSON-LD."""

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
from events.models import EventIndexPage, EventPage
from tests.conftest import soup
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
MODULE_2_DE = "/de/veranstaltungen/qualifizierungsreihe-2024/wirkungsvolles-strategisches-wirken-in-der-verwaltung/"
KICKOFF_EN = "/en/events/training-series-2024/kickoff-in-wuppertal-complaint-management/"


@pytest.fixture
def index_de(german):
    return EventIndexPage.objects.get(locale=german)


def titles(response):
    return [h.get_text(strip=True) for h in soup(response).select("main .event-card .card__title")]


def make_event(parent, title, start, end=None, **fields):
    event = EventPage(title=title, start=start, end=end, lead="Testvorspann.", venue_name="Saal", **fields)
    parent.add_child(instance=event)
    event.save_revision().publish()
    return event


def test_upcoming_and_past_split_at_a_frozen_now(client, index_de):
    now = datetime(2030, 6, 1, 12, 0, tzinfo=BERLIN)
    make_event(index_de, "Läuft gerade", now - timedelta(hours=1), now + timedelta(hours=1))
    make_event(index_de, "Gerade vorbei", now - timedelta(hours=3), now - timedelta(minutes=1))
    make_event(index_de, "Morgen", now + timedelta(days=1), now + timedelta(days=1, hours=2))
    make_event(index_de, "Übermorgen", now + timedelta(days=2), now + timedelta(days=2, hours=2))
    with time_machine.travel(now, tick=False):
        upcoming = titles(client.get("/de/veranstaltungen/"))
        past = titles(client.get("/de/veranstaltungen/past/"))
    assert upcoming == ["Läuft gerade", "Morgen", "Übermorgen"]
    assert past[0] == "Gerade vorbei"
    starts = [e.start for e in EventPage.objects.filter(locale__language_code="de").past(now)]
    assert starts == sorted(starts, reverse=True)


def test_demo_series_modules_are_numbered_in_order(client):
    page_soup = soup(client.get("/de/veranstaltungen/qualifizierungsreihe-2024/"))
    items = [li.select_one(".card__meta").get_text(" ", strip=True) for li in page_soup.select(".module-list li")]
    assert [item.split(" · ")[0] for item in items] == [f"Modul {n} von 4" for n in range(1, 5)]
    assert "Online" in items[1] and "In Präsenz" in items[0]
    kicker = soup(client.get(MODULE_2_DE)).select_one(".article__kicker").get_text(" ", strip=True)
    assert "Modul 2 von 4" in kicker


@pytest.mark.parametrize(
    ("query", "expected"),
    [("format=online", {"Online"}), ("format=hybrid", {"Hybrid"}), ("format=in_person", {"In Präsenz"})],
)
def test_format_filter(client, query, expected):
    with time_machine.travel(datetime(2024, 1, 1, tzinfo=BERLIN)):
        response = client.get(f"/de/veranstaltungen/?{query}")
    formats = {card.select_one(".tag").get_text() for card in soup(response).select(".event-card")}
    assert formats == expected


def test_series_and_city_filters(client):
    with time_machine.travel(datetime(2024, 1, 1, tzinfo=BERLIN)):
        series = titles(client.get("/en/events/?series=training-series-2024"))
        city = titles(client.get("/de/veranstaltungen/?city=frankfurt-am-main"))
    assert len(series) == 4
    assert city == ["Präsenzrunde in Frankfurt am Main"]


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


def test_ics_download_parses_back_field_by_field(client):
    response = client.get(KICKOFF_EN + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].endswith('.ics"')
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    event = calendar.walk("VEVENT")[0]
    page = EventPage.objects.get(url_path__endswith="/kickoff-in-wuppertal-complaint-management/")
    assert str(event["UID"]) == page.uid
    assert str(event["SUMMARY"]) == "Kickoff in Wuppertal: complaint management"
    assert event["DTSTART"].dt == datetime(2024, 11, 6, 10, 0, tzinfo=BERLIN)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTEND"].dt == datetime(2024, 11, 7, 15, 0, tzinfo=BERLIN)
    assert "Barmen Town Hall" in str(event["LOCATION"]) and "Wuppertal" in str(event["LOCATION"])
    assert str(event["URL"]) == f"http://testserver{KICKOFF_EN}"
    assert "DTSTAMP" in event and str(event["DESCRIPTION"]).startswith("Two days to open the series")


@pytest.mark.parametrize("path", [KICKOFF_EN + "ical/", "/en/events/calendar/"])
def test_the_ics_time_zone_states_the_rule_and_holds_beyond_2038(client, path):
    """Calendar apps expect the daylight-saving rule (RRULE), not a list of dates that ends."""
    response = client.get(path)
    assert response.status_code == 200
    assert b"RDATE" not in response.content
    [zone] = icalendar.Calendar.from_ical(response.content).walk("VTIMEZONE")
    rules = {part.name: part["RRULE"] for part in zone.subcomponents}
    assert rules["DAYLIGHT"] == {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]}
    assert rules["STANDARD"] == {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}
    berlin = zone.to_tz()
    assert berlin.utcoffset(datetime(2045, 7, 1, 12)) == timedelta(hours=2)
    assert berlin.utcoffset(datetime(2045, 12, 1, 12)) == timedelta(hours=1)


def test_ics_times_across_the_daylight_saving_change(client):
    event = EventPage.objects.filter(
        locale__language_code="de", slug="klausurtagung-der-sprecherinnen-und-sprecher"
    ).get()
    vevent = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content).walk("VEVENT")[0]
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert (start.hour, end.hour) == (10, 16)
    assert start.utcoffset() == timedelta(hours=1) and end.utcoffset() == timedelta(hours=2)
    utc = ZoneInfo("UTC")
    assert end.astimezone(utc) - start.astimezone(utc) == event.end - event.start


def test_uid_is_stable_across_edits(client):
    event = EventPage.objects.get(url_path__endswith="/kickoff-in-wuppertal-complaint-management/")
    before = icalendar.Calendar.from_ical(client.get(KICKOFF_EN + "ical/").content).walk("VEVENT")[0]["UID"]
    event.title = "Renamed kickoff"
    event.save_revision().publish()
    after = icalendar.Calendar.from_ical(client.get(KICKOFF_EN + "ical/").content).walk("VEVENT")[0]
    assert after["UID"] == before and str(after["SUMMARY"]) == "Renamed kickoff"


def test_calendar_feed_lists_upcoming_live_events_of_one_language(client, index_de):
    draft = EventPage(
        title="Entwurf", start=timezone.now() + timedelta(days=3), lead="x", venue_name="Saal", live=False
    )
    index_de.add_child(instance=draft)
    response = client.get("/de/veranstaltungen/calendar/")
    assert response.status_code == 200 and "Content-Disposition" not in response
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    upcoming = EventPage.objects.live().filter(locale__language_code="de").upcoming()
    assert sorted(summaries) == sorted(e.title for e in upcoming)
    assert "Entwurf" not in summaries
    english = icalendar.Calendar.from_ical(client.get("/en/events/calendar/").content)
    assert all("Demo-Veranstaltung" not in str(e["DESCRIPTION"]) for e in english.walk("VEVENT"))
    series = icalendar.Calendar.from_ical(
        client.get("/de/veranstaltungen/calendar/?series=qualifizierungsreihe-2024").content
    )
    assert series.walk("VEVENT") == []  # the 2024 modules are past


def test_event_index_links_webcal_subscription(client):
    links = soup(client.get("/en/events/")).select(".feed-links a")
    assert links[0]["href"] == "webcal://testserver/en/events/calendar/"
    assert links[1]["href"] == "/en/events/calendar/"


def test_rss_of_upcoming_events_validates_and_is_announced(client):
    response = client.get("/en/events/feed/rss/")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0 and len(feed.entries) == 6
    announced = soup(client.get("/en/contact/")).find_all("link", rel="alternate", type="application/rss+xml")
    assert "/en/events/feed/rss/" in [link["href"] for link in announced]


def test_structured_data_event_and_series(client):
    data = json.loads(soup(client.get(KICKOFF_EN)).find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["startDate"] == "2024-11-06T10:00:00+01:00"
    assert data["location"]["@type"] == "Place"
    assert data["superEvent"]["name"] == "Training series 2024"
    online = json.loads(soup(client.get(MODULE_2_DE)).find("script", type="application/ld+json").string)
    assert online["location"]["@type"] == "VirtualLocation"
    assert online["inLanguage"] == "de"
    series = json.loads(
        soup(client.get("/en/events/training-series-2024/")).find("script", type="application/ld+json").string
    )
    assert series["@type"] == "EventSeries" and len(series["subEvent"]) == 4


def test_online_events_never_show_a_meeting_link(client):
    page_soup = soup(client.get(MODULE_2_DE))
    assert "Der Zugangslink wird nach der Anmeldung per E-Mail verschickt." in page_soup.get_text()


def test_home_pages_show_the_next_three_events(client):
    cards = soup(client.get("/en/")).select("#upcoming-events-heading ~ .card-grid h3")
    upcoming = EventPage.objects.live().filter(locale__language_code="en").upcoming()[:3]
    assert [c.get_text(strip=True) for c in cards] == [e.title for e in upcoming]


def test_partner_and_member_pages_list_their_events(client):
    partner = [a.get_text() for a in soup(client.get("/en/partners/eccar/")).select("#partner-events-heading ~ ul a")]
    assert "Kickoff in Wuppertal: complaint management" in partner
    member = [
        a.get_text() for a in soup(client.get("/de/mitglieder/hannover/")).select("#member-events-heading ~ ul a")
    ]
    assert member == ["Netzwerktreffen 2025 in Hannover"]


@pytest.mark.parametrize("url", ["/de/veranstaltungen/", "/de/veranstaltungen/past/", "/de/veranstaltungen/calendar/"])
def test_event_listings_keep_a_flat_query_count(index_de, url, flat_queries):
    for child in index_de.get_children():
        child.delete()
    index = EventIndexPage.objects.get(pk=index_de.pk)
    soon = timezone.now() + timedelta(days=1)
    make_event(index, "Eins", soon) if "past" not in url else make_event(index, "Eins", soon - timedelta(days=30))

    @transaction.atomic  # as one import would: one purge at the end
    def grow():
        for n in range(99):
            offset = timedelta(days=n + 2) if "past" not in url else -timedelta(days=n + 31)
            EventPageFactory(parent=index, title=f"Termin {n}", start=soon + offset)

    flat_queries(url, grow)


def test_event_topics_follow_the_language(client):
    topics = [t.get_text() for t in soup(client.get(KICKOFF_EN)).select(".article__topics .tag")]
    assert topics == ["Training"]


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
    [("de", "Anmeldung bis 20. März 2030 18:00: https://example.org/anmeldung"), ("en", "Registration until")],
)
def test_the_ics_carries_the_registration_deadline_in_the_events_language(client, language, line):
    index = EventIndexPage.objects.get(locale__language_code=language)
    event = make_event(
        index,
        "Mit Anmeldung",
        datetime(2030, 3, 25, 10, 0, tzinfo=BERLIN),
        registration_url="https://example.org/anmeldung",
        registration_deadline=datetime(2030, 3, 20, 18, 0, tzinfo=BERLIN),
    )
    vevent = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content).walk("VEVENT")[0]
    assert line in str(vevent["DESCRIPTION"])
    # The subscribable calendar, written by the worker, says the same.
    calendar = icalendar.Calendar.from_ical(client.get(index.url + "calendar/").content)
    [listed] = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Mit Anmeldung"]
    assert line in str(listed["DESCRIPTION"])


def test_a_citys_calendar_is_named_after_the_city(client):
    from members.models import MemberPage

    wuppertal = MemberPage.objects.get(locale__language_code="de", city="Wuppertal")
    calendar = icalendar.Calendar.from_ical(client.get(f"/de/veranstaltungen/calendar/?city={wuppertal.slug}").content)
    assert str(calendar["X-WR-CALNAME"]).startswith("Veranstaltungen: Wuppertal – ")
    whole = icalendar.Calendar.from_ical(client.get("/de/veranstaltungen/calendar/").content)
    assert "Wuppertal" not in str(whole["X-WR-CALNAME"])


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
