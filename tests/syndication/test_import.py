"""The import of member calendars (syndication/importer.py), against a real
HTTP server serving the feeds (conftest.calendar_server): pages made once
and kept in step, times right in Europe/Berlin, cancellations, the ways
calendars are written, and the ways servers and feeds go wrong."""

import datetime
import zoneinfo

from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Revision

import pytest
import time_machine

from events.models import EventFormat, EventIndexPage, EventPage
from members.models import MemberIndexPage, MemberPage
from syndication.importer import import_all, import_member
from syndication.models import CalendarImport, ImportedEvent
from tests.factories import MemberPageFactory, translate
from tests.syndication.conftest import BERLIN_VTIMEZONE, vcalendar, vevent

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NOW = datetime.datetime(2027, 1, 10, 12, 0, tzinfo=BERLIN)


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def wall_time(moment):
    """The local time in Germany a page shows, and that the value is aware."""
    assert timezone.is_aware(moment)
    return timezone.localtime(moment, BERLIN).replace(tzinfo=None)


def german(message):
    """A message of the importer as it is stored (in the German page's language)."""
    with translation.override("de"):
        return _(message)


@pytest.fixture
def clock():
    """The clock at Sunday 10 January 2027, noon in Berlin, and running."""
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture
def members_de(db, german):
    # The demo's offices name calendars the test server does not serve.
    MemberPage.objects.exclude(calendar_url="").update(calendar_url="")
    return MemberIndexPage.objects.get(locale=german)


@pytest.fixture
def city(members_de, calendar_server, clock):
    """A live German member page whose calendar the test server serves at
    /<slug>.ics: city("Teststadt", feed_bytes, publish=False, etag=…)."""

    def make(name="Teststadt", body=None, publish=True, **route):
        member = MemberPageFactory(parent=members_de, title=name, slug=name.lower(), city=name)
        member.calendar_url = calendar_server.serve(f"/{member.slug}.ics", body or vcalendar(), **route)
        member.calendar_publish_directly = publish
        member.save_revision().publish()
        return MemberPage.objects.get(pk=member.pk)

    return make


def events_of(member):
    """{(UID, RECURRENCE-ID): the German event page}, fresh from the database."""
    rows = ImportedEvent.objects.filter(member=member)
    return {(row.uid, row.recurrence_id): EventPage.objects.get(pk=row.page_id) for row in rows}


def page_of(member, uid, recurrence_id=""):
    return events_of(member)[(uid, recurrence_id)]


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


WORKSHOP = vevent(
    "workshop@teststadt.example",
    "Workshop Antidiskriminierung",
    "TZID=Europe/Berlin:20270315T100000",
    "TZID=Europe/Berlin:20270315T123000",
    location="Rathaus\\, Großer Saal\\nMarkt 1\\n12345 Teststadt",
    description="Ein Workshop für Mitarbeitende der Verwaltung.\\n\\nAnmeldung bis zum 1. März.",
    url="https://teststadt.example/termine/workshop",
)
LECTURE = vevent(
    "lecture@teststadt.example",
    "Vortrag zum AGG",
    "TZID=Europe/Berlin:20270402T183000",
    "TZID=Europe/Berlin:20270402T200000",
    location="Volkshochschule",
)


# The first import and the ones after it ------------------------------------------


def test_the_first_import_makes_a_live_german_event_page_per_event_at_its_berlin_time(city, german, calendar_server):
    member = city(body=vcalendar(BERLIN_VTIMEZONE, WORKSHOP, LECTURE))

    result = import_member(member)

    assert (result.added, result.updated, result.error) == (2, 0, "")
    workshop = page_of(member, "workshop@teststadt.example")
    assert workshop.live and workshop.locale == german
    assert isinstance(workshop.get_parent().specific, EventIndexPage)
    assert workshop.title == "Workshop Antidiskriminierung"
    assert wall_time(workshop.start) == datetime.datetime(2027, 3, 15, 10, 0)
    assert wall_time(workshop.end) == datetime.datetime(2027, 3, 15, 12, 30)
    assert not workshop.all_day and not workshop.cancelled
    assert (workshop.venue_name, workshop.venue_address) == ("Rathaus, Großer Saal", "Markt 1\n12345 Teststadt")
    assert workshop.lead == "Ein Workshop für Mitarbeitende der Verwaltung. Anmeldung bis zum 1. März."
    assert list(workshop.body) == []  # the lead says it all: not twice
    assert workshop.source_url == "https://teststadt.example/termine/workshop"
    assert workshop.host_member_id == workshop.source_member_id == member.pk
    assert workshop.slug == "workshop-antidiskriminierung-2027-03-15"
    lecture = page_of(member, "lecture@teststadt.example")
    assert wall_time(lecture.start) == datetime.datetime(2027, 4, 2, 18, 30)
    # No URL in the feed: the member page links back, or where its address
    # is none a URL field takes (the tests' http://testserver), the calendar's site.
    assert lecture.source_url == calendar_server.url("/")
    record = CalendarImport.objects.get(member=member)
    assert record.ok and not record.not_modified and record.error == ""
    assert (record.added, record.updated, record.cancelled, record.unpublished) == (2, 0, 0, 0)
    assert record.started_at <= record.finished_at == record.succeeded_at


def test_a_second_import_of_the_same_feed_changes_nothing(city):
    member = city(body=vcalendar(BERLIN_VTIMEZONE, WORKSHOP, LECTURE))
    import_member(member)
    before = {key: (page.pk, revisions(page)) for key, page in events_of(member).items()}

    result = import_member(member)

    assert (result.added, result.updated, result.cancelled) == (0, 0, 0)
    assert {key: (page.pk, revisions(page)) for key, page in events_of(member).items()} == before
    assert EventPage.objects.filter(source_member=member).count() == 2


def test_a_changed_title_and_time_update_the_live_page(city, calendar_server, client):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    workshop = page_of(member, "workshop@teststadt.example")
    calendar_server.serve(
        "/teststadt.ics",
        vcalendar(
            WORKSHOP.replace("SUMMARY:Workshop Antidiskriminierung", "SUMMARY:Workshop (verschoben)").replace(
                "20270315T1", "20270322T1"
            ),
            LECTURE,
        ),
    )

    result = import_member(member)

    assert (result.added, result.updated) == (0, 1)
    moved = EventPage.objects.get(pk=workshop.pk)
    assert moved.live and not moved.has_unpublished_changes
    assert moved.title == "Workshop (verschoben)"
    assert wall_time(moved.start) == datetime.datetime(2027, 3, 22, 10, 0)
    assert moved.slug == workshop.slug  # its address stays
    assert "Workshop (verschoben)" in client.get(moved.url).content.decode()


def test_an_unchanged_calendar_answered_304_by_etag_counts_as_unchanged(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP), etag='"v1"')
    import_member(member)

    result = import_member(member)

    assert result.not_modified and result.ok
    assert calendar_server.requests_to("/teststadt.ics")[-1]["If-None-Match"] == '"v1"'
    record = CalendarImport.objects.get(member=member)
    assert record.ok and record.not_modified
    assert (record.added, record.updated, record.cancelled, record.unpublished) == (0, 0, 0, 0)
    assert record.etag == '"v1"'


def test_an_unchanged_calendar_answered_304_by_last_modified_counts_as_unchanged(city, calendar_server):
    stamp = "Sat, 09 Jan 2027 08:00:00 GMT"
    member = city(body=vcalendar(WORKSHOP), last_modified=stamp)
    import_member(member)

    assert import_member(member).not_modified
    assert calendar_server.requests_to("/teststadt.ics")[-1]["If-Modified-Since"] == stamp


def test_a_new_calendar_address_is_fetched_whole(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP), etag='"v1"')
    import_member(member)
    member.calendar_url = calendar_server.serve("/neu.ics", vcalendar(WORKSHOP, LECTURE), etag='"v1"')
    member.save_revision().publish()

    result = import_member(MemberPage.objects.get(pk=member.pk))

    assert not result.not_modified and result.added == 1
    assert "If-None-Match" not in calendar_server.requests_to("/neu.ics")[0]


def test_the_calendar_is_read_whole_once_a_day_so_its_window_moves_on(city, calendar_server, clock, settings):
    """A weekly event's next occurrence enters the window while the server
    keeps answering 304: the first import of a day asks unconditionally."""
    settings.CALENDAR_IMPORT_MONTHS = 1
    weekly = vevent(
        "weekly@teststadt.example", "Sprechstunde", "TZID=Europe/Berlin:20270111T100000", rrule="FREQ=WEEKLY"
    )
    member = city(body=vcalendar(weekly), etag='"v1"')
    first = import_member(member).added
    assert import_member(member).not_modified

    clock.shift(datetime.timedelta(days=1))
    result = import_member(member)

    assert not result.not_modified
    assert "If-None-Match" not in calendar_server.requests_to("/teststadt.ics")[-1]
    assert first == 5 and result.added == 0  # 11 Jan to 8 Feb; 15 Feb comes in on the 15th
    clock.shift(datetime.timedelta(days=5))
    assert import_member(member).added == 1


# Cancellations ----------------------------------------------------------------


def test_a_cancelled_event_is_shown_as_cancelled_then_taken_offline_after_it_ended(city, calendar_server, clock):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    calendar_server.serve(
        "/teststadt.ics", vcalendar(WORKSHOP.replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT"), LECTURE)
    )

    result = import_member(member)

    assert (result.cancelled, result.updated) == (1, 0)
    workshop = page_of(member, "workshop@teststadt.example")
    assert workshop.cancelled and workshop.live

    clock.move_to(berlin(2027, 3, 15, 13, 0))  # after its end (12:30)
    result = import_member(member)

    assert result.unpublished == 1
    workshop = EventPage.objects.get(pk=workshop.pk)
    assert not workshop.live and workshop.cancelled  # kept, never deleted
    assert page_of(member, "lecture@teststadt.example").live


def test_an_event_gone_from_the_feed_is_cancelled_then_taken_offline_after_it_ended(city, calendar_server, clock):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    calendar_server.serve("/teststadt.ics", vcalendar(LECTURE))

    result = import_member(member)

    assert result.cancelled == 1
    workshop = page_of(member, "workshop@teststadt.example")
    assert workshop.cancelled and workshop.live
    row = ImportedEvent.objects.get(page=workshop)
    assert row.missing_since is not None
    # Still missing the next time: nothing more to do.
    again = import_member(member)
    assert (again.cancelled, again.updated, again.unpublished) == (0, 0, 0)

    clock.move_to(berlin(2027, 3, 16, 9, 0))
    assert import_member(member).unpublished == 1
    assert not EventPage.objects.get(pk=workshop.pk).live
    assert EventPage.objects.filter(pk=workshop.pk).exists()


def test_a_past_event_that_leaves_the_feed_is_left_as_it_was(city, calendar_server, clock):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    clock.move_to(berlin(2027, 3, 20, 9, 0))
    calendar_server.serve("/teststadt.ics", vcalendar(LECTURE))

    result = import_member(member)

    assert (result.cancelled, result.unpublished) == (0, 0)
    workshop = page_of(member, "workshop@teststadt.example")
    assert workshop.live and not workshop.cancelled


def test_an_event_back_in_the_feed_is_no_longer_cancelled(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    calendar_server.serve("/teststadt.ics", vcalendar(LECTURE))
    import_member(member)
    calendar_server.serve("/teststadt.ics", vcalendar(WORKSHOP, LECTURE))

    result = import_member(member)

    assert result.updated == 1
    workshop = page_of(member, "workshop@teststadt.example")
    assert workshop.live and not workshop.cancelled
    assert ImportedEvent.objects.get(page=workshop).missing_since is None


# Times as calendars write them --------------------------------------------------


def test_events_on_either_side_of_the_changes_to_and_from_summer_time_keep_their_local_time(city):
    member = city(
        body=vcalendar(
            BERLIN_VTIMEZONE,
            vevent("before-march", "Vor der Umstellung", "TZID=Europe/Berlin:20270327T100000"),
            vevent("after-march", "Nach der Umstellung", "TZID=Europe/Berlin:20270328T100000"),
            vevent("before-october", "Vor der Rückstellung", "TZID=Europe/Berlin:20271030T100000"),
            vevent("after-october", "Nach der Rückstellung", "TZID=Europe/Berlin:20271031T100000"),
        )
    )

    import_member(member)

    utc = datetime.UTC
    expected = {
        "before-march": (datetime.datetime(2027, 3, 27, 10, 0), datetime.datetime(2027, 3, 27, 9, 0, tzinfo=utc)),
        "after-march": (datetime.datetime(2027, 3, 28, 10, 0), datetime.datetime(2027, 3, 28, 8, 0, tzinfo=utc)),
        "before-october": (datetime.datetime(2027, 10, 30, 10, 0), datetime.datetime(2027, 10, 30, 8, 0, tzinfo=utc)),
        "after-october": (datetime.datetime(2027, 10, 31, 10, 0), datetime.datetime(2027, 10, 31, 9, 0, tzinfo=utc)),
    }
    for uid, (local, instant) in expected.items():
        page = page_of(member, uid)
        assert (wall_time(page.start), page.start) == (local, instant), uid
        assert page.end is None  # no DTEND: an open end


def test_a_weekly_series_is_imported_within_the_window_without_its_exception_and_with_its_extra_date(city, settings):
    settings.CALENDAR_IMPORT_MONTHS = 2
    series = vevent(
        "weekly@teststadt.example",
        "Offene Sprechstunde",
        "TZID=Europe/Berlin:20270104T100000",
        "TZID=Europe/Berlin:20270104T120000",
        rrule="FREQ=WEEKLY;BYDAY=MO",
        exdate="TZID=Europe/Berlin:20270125T100000",
        rdate="TZID=Europe/Berlin:20270128T150000",
    )
    member = city(body=vcalendar(BERLIN_VTIMEZONE, series))

    result = import_member(member)

    pages = events_of(member)
    starts = sorted(wall_time(page.start) for page in pages.values())
    assert starts == [
        datetime.datetime(2027, 1, 11, 10, 0),
        datetime.datetime(2027, 1, 18, 10, 0),
        datetime.datetime(2027, 1, 28, 15, 0),  # RDATE
        datetime.datetime(2027, 2, 1, 10, 0),
        datetime.datetime(2027, 2, 8, 10, 0),
        datetime.datetime(2027, 2, 15, 10, 0),
        datetime.datetime(2027, 2, 22, 10, 0),
        datetime.datetime(2027, 3, 1, 10, 0),
        datetime.datetime(2027, 3, 8, 10, 0),
    ]  # not 4 Jan (past), not 25 Jan (EXDATE), nothing after 10 March
    assert result.added == 9
    # Each occurrence is named by its original start in UTC.
    assert ("weekly@teststadt.example", "20270111T090000Z") in pages
    jan_18 = pages[("weekly@teststadt.example", "20270118T090000Z")]
    assert wall_time(jan_18.end) == datetime.datetime(2027, 1, 18, 12, 0)
    assert jan_18.slug == "offene-sprechstunde-2027-01-18"


def test_a_moved_occurrence_keeps_its_page(city, calendar_server, settings):
    settings.CALENDAR_IMPORT_MONTHS = 1
    series = vevent(
        "weekly@teststadt.example", "Sprechstunde", "TZID=Europe/Berlin:20270111T100000", rrule="FREQ=WEEKLY;COUNT=3"
    )
    member = city(body=vcalendar(series))
    import_member(member)
    page = page_of(member, "weekly@teststadt.example", "20270118T090000Z")
    moved = vevent(
        "weekly@teststadt.example",
        "Sprechstunde (verlegt)",
        "TZID=Europe/Berlin:20270119T140000",
        recurrence_id="TZID=Europe/Berlin:20270118T100000",
    )
    calendar_server.serve("/teststadt.ics", vcalendar(series, moved))

    result = import_member(member)

    assert (result.added, result.updated, result.cancelled) == (0, 1, 0)
    page = EventPage.objects.get(pk=page.pk)
    assert page.title == "Sprechstunde (verlegt)"
    assert wall_time(page.start) == datetime.datetime(2027, 1, 19, 14, 0)


def test_an_all_day_event_starts_at_midnight_and_ends_on_its_last_day(city):
    member = city(
        body=vcalendar(
            vevent("days", "Aktionstage", "VALUE=DATE:20270320", "VALUE=DATE:20270323"),
            vevent("day", "Aktionstag", "VALUE=DATE:20270401", "VALUE=DATE:20270402"),
        )
    )

    import_member(member)

    days = page_of(member, "days")
    assert days.all_day
    assert wall_time(days.start) == datetime.datetime(2027, 3, 20, 0, 0)
    assert wall_time(days.end) == datetime.datetime(2027, 3, 22, 0, 0)  # DTEND is the day after
    day = page_of(member, "day")
    assert day.all_day and wall_time(day.start) == wall_time(day.end) == datetime.datetime(2027, 4, 1, 0, 0)


def test_floating_times_are_times_in_germany(city):
    member = city(body=vcalendar(vevent("floating", "Stadtrundgang", "20270701T140000", "20270701T160000")))

    import_member(member)

    page = page_of(member, "floating")
    assert wall_time(page.start) == datetime.datetime(2027, 7, 1, 14, 0)
    assert page.start == datetime.datetime(2027, 7, 1, 12, 0, tzinfo=datetime.UTC)


def test_a_tzid_without_its_vtimezone_is_read_by_its_name_or_else_as_the_calendars_zone(city, calendar_server):
    member = city(
        body=vcalendar(
            vevent("known", "Bekannte Zone", "TZID=America/New_York:20270601T100000"),
            vevent("unknown", "Unbekannte Zone", "TZID=Stadtverwaltung Ortszeit:20270601T100000"),
        )
    )
    other = city(
        "Londonstadt",
        body=vcalendar(
            vevent("unknown", "Unbekannte Zone", "TZID=Stadtverwaltung Ortszeit:20270601T100000"),
            headers=["X-WR-TIMEZONE:Europe/London"],
        ),
    )

    import_all()

    assert wall_time(page_of(member, "known").start) == datetime.datetime(2027, 6, 1, 16, 0)
    assert wall_time(page_of(member, "unknown").start) == datetime.datetime(2027, 6, 1, 10, 0)
    assert wall_time(page_of(other, "unknown").start) == datetime.datetime(2027, 6, 1, 11, 0)  # 10:00 in London


def test_a_google_feed_in_utc_with_x_wr_timezone_repeats_at_the_same_local_time_across_the_change(city):
    """Google writes UTC times and the zone in X-WR-TIMEZONE: a weekly event
    at 10:00 stays at 10:00 after the change to summer time (28 March)."""
    series = vevent(
        "google-weekly@google.com", "Beratung", "20270315T090000Z", "20270315T100000Z", rrule="FREQ=WEEKLY;COUNT=3"
    )
    member = city(body=vcalendar(series, headers=["X-WR-CALNAME:Teststadt", "X-WR-TIMEZONE:Europe/Berlin"]))

    import_member(member)

    pages = events_of(member)
    assert sorted(wall_time(page.start) for page in pages.values()) == [
        datetime.datetime(2027, 3, 15, 10, 0),
        datetime.datetime(2027, 3, 22, 10, 0),
        datetime.datetime(2027, 3, 29, 10, 0),
    ]
    assert ("google-weekly@google.com", "20270329T080000Z") in pages


def test_a_calendar_served_with_another_content_type_is_imported(city):
    member = city(body=vcalendar(WORKSHOP), content_type="application/octet-stream")

    assert import_member(member).added == 1


# The page an editor would have written --------------------------------------------


def test_an_event_without_place_or_description_makes_a_valid_page(city):
    member = city(body=vcalendar(vevent("bare", "Termin", "TZID=Europe/Berlin:20270601T100000")))

    import_member(member)

    page = page_of(member, "bare")
    page.full_clean()  # as the admin's form would check it
    assert page.event_format == EventFormat.ONLINE and page.online_note
    assert page.lead and member.office_name in page.lead
    assert list(page.body) == []


def test_a_meeting_link_as_place_makes_an_online_event_without_the_link(city):
    member = city(
        body=vcalendar(
            vevent("online", "Webinar", "TZID=Europe/Berlin:20270601T100000", location="https://meet.example/geheim")
        )
    )

    import_member(member)

    page = page_of(member, "online")
    page.full_clean()
    assert page.event_format == EventFormat.ONLINE
    assert "geheim" not in page.online_note + page.venue_name + page.lead


def test_a_long_html_description_becomes_a_short_lead_and_the_full_text(city):
    words = " ".join(f"Wort{n}" for n in range(200))
    member = city(
        body=vcalendar(
            vevent(
                "google-html",
                "Fachtag",
                "TZID=Europe/Berlin:20270601T100000",
                location="Stadthalle",
                description=f"<b>Programm</b><br>{words}",
            )
        )
    )

    import_member(member)

    page = page_of(member, "google-html")
    assert len(page.lead) <= 302 and page.lead.endswith(" …")
    assert page.lead.startswith("Programm Wort0 Wort1")
    assert page.body[0].value.source.startswith("<p>Programm<br/>Wort0 Wort1")
    assert "<b>" not in page.body[0].value.source


def test_markup_in_the_title_and_description_is_shown_as_text(city, client):
    payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
    member = city(
        body=vcalendar(
            vevent(
                "xss",
                payload,
                "TZID=Europe/Berlin:20270601T100000",
                location=payload,
                description=payload,
            )
        )
    )

    import_member(member)

    page = page_of(member, "xss")
    assert page.title == payload
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html
    listing = client.get(page.get_parent().url).content.decode()
    assert "<script>alert" not in listing and "<img src=x" not in listing


# Moderation, detached pages, translations ------------------------------------------


def test_without_direct_publishing_new_events_wait_as_drafts(city, calendar_server, client):
    member = city(body=vcalendar(WORKSHOP), publish=False)

    import_member(member)

    page = page_of(member, "workshop@teststadt.example")
    assert not page.live and page.has_unpublished_changes and page.first_published_at is None
    assert client.get(page.url).status_code == 404
    # A change in the feed goes into a new draft, still waiting.
    calendar_server.serve("/teststadt.ics", vcalendar(WORKSHOP.replace("Workshop Antidiskriminierung", "Workshop neu")))
    count = revisions(page)
    assert import_member(member).updated == 1
    page = EventPage.objects.get(pk=page.pk)
    assert not page.live and revisions(page) == count + 1
    assert page.get_latest_revision_as_object().title == "Workshop neu"


def test_a_page_detached_from_its_source_is_left_alone(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    workshop = page_of(member, "workshop@teststadt.example")
    workshop.title = "Von der Redaktion bearbeitet"
    workshop.source_detached = True
    workshop.save_revision().publish()
    count = revisions(workshop)
    calendar_server.serve(
        "/teststadt.ics", vcalendar(WORKSHOP.replace("Workshop Antidiskriminierung", "Neu aus dem Feed"), LECTURE)
    )
    assert import_member(member).updated == 0
    calendar_server.serve("/teststadt.ics", vcalendar(LECTURE))
    assert import_member(member).cancelled == 0

    workshop = EventPage.objects.get(pk=workshop.pk)
    assert workshop.title == "Von der Redaktion bearbeitet" and not workshop.cancelled and workshop.live
    assert revisions(workshop) == count


def test_an_event_an_editor_deleted_is_not_imported_again(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    page_of(member, "workshop@teststadt.example").delete()
    result = import_member(member)
    assert (result.added, result.updated, result.cancelled) == (0, 0, 0)
    assert not EventPage.objects.filter(title="Workshop Antidiskriminierung").exists()
    assert ImportedEvent.objects.get(member=member, uid="workshop@teststadt.example").page is None


def test_an_english_translation_keeps_its_text_and_follows_the_dates_and_cancellation(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP))
    import_member(member)
    workshop = page_of(member, "workshop@teststadt.example")
    english = translate(workshop, title="Anti-discrimination workshop", slug="workshop", lead="A workshop for staff.")
    moved = WORKSHOP.replace("SUMMARY:Workshop Antidiskriminierung", "SUMMARY:Workshop (neuer Termin)")
    calendar_server.serve("/teststadt.ics", vcalendar(moved.replace("20270315T1", "20270322T1")))

    import_member(member)

    english = EventPage.objects.get(pk=english.pk)
    assert english.live and not english.has_unpublished_changes
    assert (english.title, english.lead) == ("Anti-discrimination workshop", "A workshop for staff.")
    assert wall_time(english.start) == datetime.datetime(2027, 3, 22, 10, 0)
    assert wall_time(english.end) == datetime.datetime(2027, 3, 22, 12, 30)

    calendar_server.serve("/teststadt.ics", vcalendar())
    import_member(member)
    english = EventPage.objects.get(pk=english.pk)
    assert english.cancelled and english.live and english.title == "Anti-discrimination workshop"


# Calendars and servers that go wrong -----------------------------------------------


def unused_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fifty_megabytes():
    yield b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    line = b"X-FILLER:" + b"x" * 1000 + b"\r\n"
    for _number in range(50_000):
        yield line


def ten_thousand_events():
    return vcalendar(
        *(
            vevent(f"event-{n}", f"Termin {n}", f"TZID=Europe/Berlin:2027{2 + n % 10:02d}{1 + n % 28:02d}T100000")
            for n in range(10_000)
        )
    )


BAD_FEEDS = {
    "unreachable": (None, {}, "The calendar's server could not be reached."),
    "not found": (b"", {"status": 404}, None),
    "html page": (
        b"<!DOCTYPE html><html><body>Anmeldung</body></html>",
        {"content_type": "text/html"},
        "The address does not return an iCal calendar but a web page.",
    ),
    "no calendar": (b"Hallo Welt", {"content_type": "text/plain"}, "The address does not return an iCal calendar."),
    "broken": (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270601T100000\r\n", {}, None),
    "too big": (fifty_megabytes, {}, None),
    "too many events": (ten_thousand_events(), {}, None),
    "no answer": (vcalendar(WORKSHOP), {"delay": 5}, "The calendar's server did not answer in time."),
}


@pytest.mark.parametrize(
    "kind",
    # Reading 10,000 events takes icalendar a few seconds.
    [pytest.param(kind, marks=[pytest.mark.slow] if kind == "too many events" else []) for kind in BAD_FEEDS],
)
def test_a_failing_calendar_is_recorded_and_the_other_cities_are_imported(kind, city, calendar_server, settings):
    settings.CALENDAR_IMPORT_TIMEOUT = 0.5
    body, route, message = BAD_FEEDS[kind]
    good = city("Gutstadt", body=vcalendar(LECTURE))
    bad = city("Fehlstadt", body=body or b"", **route)
    if kind == "unreachable":
        bad.calendar_url = f"http://127.0.0.1:{unused_port()}/kalender.ics"
        bad.save_revision().publish()
    with_events_before = EventPage.objects.count()

    results = import_all()

    bad_result = next(result for member, result in results.items() if member.pk == bad.pk)
    good_result = next(result for member, result in results.items() if member.pk == good.pk)
    assert good_result.ok and good_result.added == 1
    assert not bad_result.ok
    record = CalendarImport.objects.get(member=bad)
    assert not record.ok and record.error == bad_result.error and record.succeeded_at is None
    assert record.finished_at >= record.started_at
    if message:
        assert record.error == german(message)
    assert len(record.error) < 400
    assert not ImportedEvent.objects.filter(member=bad).exists()
    assert EventPage.objects.count() == with_events_before + 1


def test_a_failure_keeps_what_the_last_import_made(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP, LECTURE), etag='"v1"')
    import_member(member)
    calendar_server.serve("/teststadt.ics", b"<html>Wartungsarbeiten</html>", content_type="text/html")

    result = import_member(member)

    assert not result.ok
    assert all(page.live and not page.cancelled for page in events_of(member).values())
    record = CalendarImport.objects.get(member=member)
    assert record.etag == '"v1"'  # of the last calendar read
    assert record.succeeded_at is not None and not record.ok


def test_a_database_error_in_one_city_is_rolled_back_and_recorded(city, monkeypatch):
    good = city("Gutstadt", body=vcalendar(LECTURE))
    bad = city("Fehlstadt", body=vcalendar(WORKSHOP, LECTURE.replace("lecture@", "other-lecture@")))
    original = ImportedEvent.objects.create

    def fail_on_the_second(**fields):
        if fields["member"].pk == bad.pk and ImportedEvent.objects.filter(member=bad).exists():
            raise RuntimeError("database gone")
        return original(**fields)

    monkeypatch.setattr(ImportedEvent.objects, "create", fail_on_the_second)

    results = import_all()

    assert {member.pk: result.ok for member, result in results.items()} == {good.pk: True, bad.pk: False}
    assert not EventPage.objects.filter(source_member=bad).exists()  # the first page rolled back too
    assert "database gone" in CalendarImport.objects.get(member=bad).error


def test_a_private_entry_is_not_imported(city):
    member = city(body=vcalendar(WORKSHOP, LECTURE.replace("END:VEVENT", "CLASS:PRIVATE\r\nEND:VEVENT")))

    import_member(member)

    assert list(events_of(member)) == [("workshop@teststadt.example", "")]


# What is imported when -------------------------------------------------------------


def test_only_live_german_member_pages_with_a_calendar_are_imported(city, members_de):
    importing = city(body=vcalendar(WORKSHOP))
    draft = city("Entwurfstadt", body=vcalendar(LECTURE))
    draft.unpublish()
    english = translate(importing, title="Teststadt (en)", slug="teststadt-en", city="Teststadt (en)")
    assert english.calendar_url == importing.calendar_url

    results = import_all()

    assert [member.pk for member in results] == [importing.pk]


def test_a_member_whose_calendar_address_was_removed_keeps_its_events(city):
    member = city(body=vcalendar(WORKSHOP))
    import_member(member)
    member.calendar_url = ""
    member.save_revision().publish()

    assert import_all() == {}
    assert page_of(member, "workshop@teststadt.example").live


def test_a_city_is_due_hourly_and_after_a_failure_five_minutes_later(city, calendar_server, clock):
    ok = city("Gutstadt", body=vcalendar(LECTURE))
    failing = city("Fehlstadt", body=b"", status=500)
    assert set(import_all(due_only=True)) == {ok, failing}
    assert import_all(due_only=True) == {}

    clock.shift(datetime.timedelta(minutes=6))
    assert set(import_all(due_only=True)) == {failing}

    clock.shift(datetime.timedelta(minutes=55))
    assert set(import_all(due_only=True)) == {ok, failing}


def test_the_command_imports_one_city_and_reports_each(city, capsys):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    city("Fehlstadt", body=b"", status=500)

    call_command("import_calendars", "--member", member.slug)
    out = capsys.readouterr().out
    assert out == "Teststadt: 2 added, 0 updated, 0 cancelled, 0 unpublished\n"

    call_command("import_calendars", "--due")  # Teststadt is not due yet
    out = capsys.readouterr().out
    assert out.startswith("Fehlstadt: failed: ") and "Teststadt" not in out

    call_command("import_calendars", "--member", str(member.pk))
    assert capsys.readouterr().out == "Teststadt: 0 added, 0 updated, 0 cancelled, 0 unpublished\n"


def test_the_command_refuses_an_unknown_member(members_de):
    with pytest.raises(CommandError):
        call_command("import_calendars", "--member", "keine-solche-stadt")


def test_the_scheduler_imports_the_calendars_that_are_due(city, signal_handlers_kept):
    member = city(body=vcalendar(WORKSHOP))

    call_command("run_scheduler", once=True)

    assert CalendarImport.objects.get(member=member).added == 1


def test_a_broken_line_leaves_out_only_its_event(city, calendar_server):
    member = city(body=vcalendar(WORKSHOP, LECTURE))
    import_member(member)
    broken = WORKSHOP.replace("DTSTART;TZID=Europe/Berlin:20270315T100000", "DTSTART;TZID=Europe/Berlin:2027XX15T1000")
    lecture = LECTURE.replace("Vortrag", "Neuer Vortrag").replace("END:VEVENT", "this line means nothing\r\nEND:VEVENT")
    calendar_server.serve("/teststadt.ics", vcalendar(broken, lecture))

    result = import_member(member)

    assert result.ok and (result.updated, result.cancelled) == (1, 0)
    assert page_of(member, "lecture@teststadt.example").title == "Neuer Vortrag zum AGG"
    workshop = page_of(member, "workshop@teststadt.example")
    assert workshop.live and not workshop.cancelled
