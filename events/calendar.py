"""iCalendar (RFC 5545) export: one event to download, or a subscribable feed.

Times are written with TZID=Europe/Berlin and the matching VTIMEZONE, so
calendar apps keep the local time right across daylight-saving changes. The
VTIMEZONE states the rule (RRULE: the last Sunday of March and of October),
as calendar apps expect, rather than a list of transition dates that ends
in some year.
"""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from icalendar import Calendar, Event, Timezone, vText

from core.caching.fragments import site_settings
from core.localization import language_of, page_url


def event_location(event):
    if event.has_venue:
        parts = [event.venue_name, " ".join(event.venue_address.split())]
        location = ", ".join(part for part in parts if part)
        if event.is_online:
            location += " / Online"
        return location
    return "Online"


def event_description(event, request, url=None):
    lines = [event.lead]
    if event.is_online and event.online_note:
        lines.append(event.online_note)
    registration = event.registration_url or event.registration_email
    if registration:
        # In the event's language, also when the worker writes the calendar.
        with translation.override(language_of(event)):
            if event.registration_deadline:
                deadline = date_format(timezone.localtime(event.registration_deadline), "DATETIME_FORMAT")
                line = _("Registration until %(deadline)s: %(where)s") % {"deadline": deadline, "where": registration}
            else:
                line = _("Registration: %(where)s") % {"where": registration}
        lines.append(line)
    lines.append(url or page_url(event, request))
    return "\n\n".join(line for line in lines if line)


def to_vevent(event, request, url=None):
    """An event's VEVENT; `url` is its absolute URL if known already."""
    url = url or page_url(event, request)
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", event.last_published_at or timezone.now())
    vevent.add("summary", event.title)
    # A cancelled event stays in the calendar, marked: calendar apps strike it through or drop it.
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    start = timezone.localtime(event.start)
    if event.all_day:
        vevent.add("dtstart", start.date())
        last_day = timezone.localtime(event.end).date() if event.end else start.date()
        vevent.add("dtend", last_day + timedelta(days=1))  # DTEND of a date is exclusive
    else:
        vevent.add("dtstart", start)
        if event.end:
            vevent.add("dtend", timezone.localtime(event.end))
    vevent.add("description", event_description(event, request, url))
    vevent.add("location", vText(event_location(event)))
    vevent.add("url", url)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    if event.fully_booked:
        vevent.add("comment", "fully booked")
    return vevent


def _calendar(request, page, filters=None):
    """A VCALENDAR with the site's properties and no events yet, named after
    what it holds: a city's or a series' calendar says so in its name."""
    calendar = Calendar()
    calendar.add("prodid", "-//Netzwerk kommunaler Antidiskriminierungsstellen//Website//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = page.title
    filters = filters or {}
    if "series" in filters:
        title = filters["series"].title
    if "city" in filters:
        title = f"{title}: {filters['city'].city or filters['city'].title}"
    name = f"{title} – {site_settings(request).name}"
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    return calendar


def calendar_response(request, page, events, filename=None):
    calendar = _calendar(request, page)
    events = list(events)
    if any(not event.all_day for event in events):
        calendar.add_component(Timezone.from_ical(BERLIN_VTIMEZONE))
    for event in events:
        calendar.add_component(to_vevent(event, request))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{slugify(filename)[:80] or "event"}.ics"'
    return response


# Central European Time since 1996 (EU Directive 2000/84/EC): summer time
# from the last Sunday of March, 02:00, to the last Sunday of October, 03:00.
BERLIN_VTIMEZONE = (
    b"BEGIN:VTIMEZONE\r\n"
    b"TZID:Europe/Berlin\r\n"
    b"X-LIC-LOCATION:Europe/Berlin\r\n"
    b"BEGIN:DAYLIGHT\r\n"
    b"TZNAME:CEST\r\n"
    b"TZOFFSETFROM:+0100\r\n"
    b"TZOFFSETTO:+0200\r\n"
    b"DTSTART:19700329T020000\r\n"
    b"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    b"END:DAYLIGHT\r\n"
    b"BEGIN:STANDARD\r\n"
    b"TZNAME:CET\r\n"
    b"TZOFFSETFROM:+0200\r\n"
    b"TZOFFSETTO:+0100\r\n"
    b"DTSTART:19701025T030000\r\n"
    b"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    b"END:STANDARD\r\n"
    b"END:VTIMEZONE\r\n"
)


def vtimezone():
    """The VTIMEZONE of Europe/Berlin that timed events refer to."""
    return BERLIN_VTIMEZONE


def joined_calendar_response(request, page, vevents, timed, filters=None):
    """A subscribable calendar of VEVENTs written in advance (events/schedule.py):
    the same document calendar_response() writes, without writing each event."""
    head = _calendar(request, page, filters).to_ical()
    end = b"END:VCALENDAR\r\n"
    body = head[: -len(end)] + (vtimezone() if timed else b"") + b"".join(vevents) + end
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
