"""Reading a member's iCal calendar into the events of the next months.

What calendar programs write varies: Google's feeds state the zone once
(X-WR-TIMEZONE) and give times in UTC, Outlook names zones its own way,
small tools leave out VTIMEZONE or write floating times; descriptions come
as text or as HTML. Here it all becomes one `FeedEvent` per event or
occurrence, with aware datetimes that keep the local wall time of the
calendar (an event at 10:00 stays at 10:00 across a change to summer
time), plain text, and the identity the feed gives it (UID and
RECURRENCE-ID), so that a re-import finds the page it made before.
"""

import datetime
import hashlib
import html
import json
import re
import zoneinfo
from dataclasses import asdict, dataclass

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

import icalendar
import recurring_ical_events
import x_wr_timezone

from syndication.fetch import ImportFailed

# Raised on a change of what an import makes of the same feed: every event
# is then written again once.
FINGERPRINT_VERSION = 1
# An HTML description (Google Calendar writes them) and not text with a "<" in it.
HTML_TAG = re.compile(r"<\s*/?\s*(p|br|a|b|i|u|em|strong|ul|ol|li|div|span|h[1-6])\b[^>]*>", re.IGNORECASE)
BLOCK_END = re.compile(r"<\s*(br\s*/?|/p|/div|/li|/h[1-6])\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class FeedEvent:
    """One event, or one occurrence of a recurring event, as the feed
    describes it; `recurrence_id` is empty for a single event."""

    uid: str
    recurrence_id: str
    title: str
    description: str
    location: str
    url: str
    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool
    cancelled: bool

    @property
    def key(self):
        return (self.uid, self.recurrence_id)

    @property
    def fingerprint(self):
        """A digest of everything the import takes from the feed: the same
        digest as last time means the page needs no new revision."""
        values = {
            name: value.isoformat() if hasattr(value, "isoformat") else value for name, value in asdict(self).items()
        }
        values["version"] = FINGERPRINT_VERSION
        return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def read_calendar(body):
    """The VCALENDAR in `body` (bytes). An HTML page (a login or error page
    answered with 200), anything else that is no calendar, or a calendar
    icalendar cannot read at all raises ImportFailed; single broken lines
    are left out as icalendar does."""
    text = decode(body).lstrip("\ufeff \t\r\n")
    if not text[:15].upper().startswith("BEGIN:VCALENDAR"):
        start = text[:500].lower()
        if "<html" in start or "<!doctype" in start:
            raise ImportFailed(_("The address does not return an iCal calendar but a web page."))
        raise ImportFailed(_("The address does not return an iCal calendar."))
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as error:  # icalendar raises ValueError, and worse on worse input
        raise ImportFailed(_("The calendar could not be read: %(error)s") % {"error": str(error)[:200]}) from None
    if calendar.name != "VCALENDAR":
        raise ImportFailed(_("The address does not return an iCal calendar."))
    return calendar


def decode(body):
    """Calendars are UTF-8 (RFC 5545); older Windows tools write cp1252."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def calendar_zone(calendar):
    """The zone the calendar says it is in (X-WR-TIMEZONE), if it names a
    real one: for floating times and TZIDs no one knows."""
    name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def events_between(calendar, start, stop, limit):
    """The FeedEvents that take place between `start` and `stop` (aware
    datetimes), recurring events expanded; more than `limit` raises
    ImportFailed before all are made (a rule repeating every minute).
    Private entries (CLASS:PRIVATE or CONFIDENTIAL) are left out. Returns
    (events, the UIDs of events too broken to read: their pages are kept)."""
    zone = calendar_zone(calendar)
    if zone is not None:
        # Google: UTC times meant in this zone (a weekly event stays at 10:00
        # local time after the change to summer time), floating times too.
        calendar = x_wr_timezone.to_standard(calendar, timezone=zone)
    local = zone or timezone.get_default_timezone()
    unreadable = drop_unreadable(calendar)
    recurring = {
        str(event.get("UID", ""))
        for event in calendar.walk("VEVENT")
        if any(name in event for name in ("RRULE", "RDATE", "RECURRENCE-ID"))
    }
    # Thousands of single events in the window are refused before the
    # (slower) expansion of the whole calendar starts.
    singles = sum(
        1
        for event in calendar.walk("VEVENT")
        if str(event.get("UID", "")) not in recurring and start <= aware_start(event, local) <= stop
    )
    if singles > limit:
        raise too_many(limit)
    try:
        query = recurring_ical_events.of(calendar)
        found = {}
        for series in query.series:
            for occurrence in series.between(start, stop):
                component = occurrence.as_component(False)
                if str(component.get("CLASS", "PUBLIC")).upper() in {"PRIVATE", "CONFIDENTIAL"}:
                    continue
                event = to_feed_event(component, recurring, local)
                found[event.key] = event  # a UID given twice: the last one
                if len(found) > limit:
                    raise too_many(limit)
    except ImportFailed:
        raise
    except Exception as error:  # recurring_ical_events: InvalidCalendar, bad rules, mixed date types
        raise ImportFailed(
            _("The calendar's events could not be read: %(error)s") % {"error": str(error)[:200]}
        ) from None
    return sorted(found.values(), key=lambda event: (event.start, event.uid)), unreadable


def too_many(limit):
    return ImportFailed(
        _("The calendar has more than %(limit)s events in the next months: it was not imported.") % {"limit": limit}
    )


def drop_unreadable(calendar):
    """Take out events without a readable start (icalendar keeps a broken
    line as vBroken, which raises when read); return their UIDs."""
    unreadable, kept = set(), []
    for component in calendar.subcomponents:
        if component.name == "VEVENT" and not readable_start(component):
            unreadable.add(str(component.get("UID", "")))
        else:
            kept.append(component)
    calendar.subcomponents = kept
    return unreadable


def readable_start(component):
    try:
        return isinstance(component["DTSTART"].dt, datetime.date)
    except Exception:  # missing, or icalendar's BrokenCalendarProperty
        return False


def aware_start(component, local):
    """DTSTART as an aware datetime (a date at midnight), for comparisons."""
    value = component["DTSTART"].dt
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    return aware(value, local)


def to_feed_event(component, recurring, local):
    start_value = component["DTSTART"].dt
    end_value = component["DTEND"].dt if "DTEND" in component else None
    all_day = not isinstance(start_value, datetime.datetime)
    if all_day:
        # The days in the network's time zone, from local midnight; DTEND is
        # the day after the last (RFC 5545), the page names the last day.
        berlin = timezone.get_default_timezone()
        if isinstance(end_value, datetime.datetime):
            end_value = end_value.date()
        last_day = end_value - datetime.timedelta(days=1) if end_value and end_value > start_value else start_value
        start = datetime.datetime.combine(start_value, datetime.time(), berlin)
        end = datetime.datetime.combine(last_day, datetime.time(), berlin)
    else:
        start = aware(start_value, local)
        end = aware(end_value, local) if isinstance(end_value, datetime.datetime) else None
        if end is not None and end <= start:
            end = None  # no DTEND (the library sets it to the start): an open end
    uid = str(component.get("UID", "")).strip()
    if not uid:  # RFC 5545 requires one; without, the start and title stand in
        uid = "no-uid-" + hashlib.sha256(f"{start.isoformat()}|{component.get('SUMMARY', '')}".encode()).hexdigest()
    elif len(uid) > 500:
        uid = "long-uid-" + hashlib.sha256(uid.encode()).hexdigest()
    recurrence_id = ""
    if uid in recurring and "RECURRENCE-ID" in component:
        recurrence_id = utc_stamp(component["RECURRENCE-ID"].dt, local)
    url = str(component.get("URL", "")).strip()
    return FeedEvent(
        uid=uid,
        recurrence_id=recurrence_id,
        title=" ".join(text(component.get("SUMMARY")).split()),
        description=text(component.get("DESCRIPTION")).strip(),
        location=text(component.get("LOCATION")).strip(),
        url=url if url.startswith(("https://", "http://")) and len(url) <= 1000 else "",
        start=start,
        end=end,
        all_day=all_day,
        cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
    )


def aware(moment, local):
    """A datetime with its zone; a floating time, or one whose TZID nobody
    knows (icalendar leaves it naive), is in the calendar's own zone."""
    if timezone.is_naive(moment):
        return moment.replace(tzinfo=local)
    return moment


def utc_stamp(moment, local):
    """RECURRENCE-ID as a stable string: the original start in UTC
    (20270315T090000Z), or the date of an all-day occurrence."""
    if not isinstance(moment, datetime.datetime):
        return moment.strftime("%Y%m%d")
    return aware(moment, local).astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def text(value):
    """Plain text of a TEXT property; an HTML description becomes its text
    (line breaks kept), entities decoded. Never markup: templates escape it."""
    if value is None:
        return ""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if HTML_TAG.search(value):
        value = BLOCK_END.sub("\n", value)
        value = html.unescape(strip_tags(value))
    return value.replace("\xa0", " ")
