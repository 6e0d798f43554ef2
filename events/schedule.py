"""The event index's precomputed schedule: every live event below it, in
date order, with what the filters ask (format, series, host city); and
apart from it each event's VEVENT for the subscribable calendar, already
written.

Built when an event below the index is published, changed, unpublished,
moved or deleted (core.caching.precomputed). The listings of upcoming and past
events and the calendar of any filter are then taken from it at the moment
of the request (an event is past once it has ended); the page lives until
the next of them ends.
"""

from dataclasses import dataclass
from datetime import timedelta

# An event without an end counts as running for this long after its start
# (EventQuerySet.upcoming).
OPEN_END = timedelta(hours=12)


@dataclass(frozen=True)
class Scheduled:
    pk: int
    start: float  # timestamps
    ends: float  # when it no longer counts as upcoming
    event_format: str
    parent_path: str  # the series or the index
    host_key: str | None  # translation key of the host member page
    timed: bool  # refers to the Europe/Berlin VTIMEZONE


def matching(schedule, filters):
    """The scheduled events that match the validated filters, by start."""
    if not filters:
        return list(schedule)
    series = filters.get("series")
    city = filters.get("city")
    return [
        item
        for item in schedule
        if ("format" not in filters or item.event_format == filters["format"])
        and (series is None or item.parent_path == series.path)
        and (city is None or item.host_key == str(city.translation_key))
    ]


def live_events(index):
    from core.localization import real_pages
    from events.models import EventPage

    return real_pages(EventPage.objects.descendant_of(index)).order_by("start", "pk")


def build(index, events=None):
    schedule = []
    events = live_events(index) if events is None else events
    for event in events.select_related("host_member"):
        ends = event.end if event.end else event.start + OPEN_END
        schedule.append(
            Scheduled(
                pk=event.pk,
                start=event.start.timestamp(),
                ends=ends.timestamp(),
                event_format=event.event_format,
                parent_path=event.path[: -event.steplen],
                host_key=str(event.host_member.translation_key) if event.host_member_id else None,
                timed=not event.all_day,
            )
        )
    return tuple(schedule)


def update(index, schedule, page_ids):
    """The schedule with the events among `page_ids` read again."""
    fresh = build(index, live_events(index).filter(pk__in=page_ids))
    kept = [item for item in schedule if item.pk not in page_ids]
    return tuple(sorted(kept + list(fresh), key=lambda item: (item.start, item.pk)))


def build_calendar(index, events=None):
    """{event pk: its VEVENT}, for the subscribable calendar (kept apart from
    the schedule, which every listing reads: these are most of its bytes)."""
    from core.localization import page_url
    from events.calendar import to_vevent

    # Events are below the index: their URLs follow from its own.
    index_url = page_url(index, None)
    return {
        event.pk: to_vevent(event, None, index_url + event.url_path[len(index.url_path) :]).to_ical()
        for event in (live_events(index) if events is None else events).select_related("locale", "host_member")
    }


def update_calendar(index, calendar, page_ids):
    """The calendar with the events among `page_ids` written again."""
    kept = {pk: vevent for pk, vevent in calendar.items() if pk not in page_ids}
    return kept | build_calendar(index, live_events(index).filter(pk__in=page_ids))
