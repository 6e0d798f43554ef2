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


def build(index):
    schedule = []
    for event in live_events(index).select_related("host_member"):
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


def build_calendar(index):
    """{event pk: its VEVENT}, for the subscribable calendar (kept apart from
    the schedule, which every listing reads: these are most of its bytes)."""
    from core.localization import page_url
    from events.calendar import to_vevent

    # Events are below the index: their URLs follow from its own.
    index_url = page_url(index, None)
    return {
        event.pk: to_vevent(event, None, index_url + event.url_path[len(index.url_path) :]).to_ical()
        for event in live_events(index).select_related("locale", "host_member")
    }
