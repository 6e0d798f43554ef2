"""The event index's precomputed schedule: every live event below it, in
date order, with what the filters ask (format, series, host city) and its
VEVENT for the subscribable calendar already written.

Built when an event below the index is published, changed, unpublished,
moved or deleted (core.precomputed). The calendar of any filter is then
joined from the pieces of the events that have not ended, at the moment
of the request; the page lives until the next of them ends.
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
    vevent: bytes


def upcoming(schedule, now, filters):
    """The scheduled events not ended at `now` that match the validated filters, by start."""
    series = filters.get("series")
    city = filters.get("city")
    return [
        item
        for item in schedule
        if item.ends >= now
        and ("format" not in filters or item.event_format == filters["format"])
        and (series is None or item.parent_path == series.path)
        and (city is None or item.host_key == str(city.translation_key))
    ]


def build(index):
    from core.localization import page_url, real_pages
    from events.calendar import to_vevent
    from events.models import EventPage

    # Events are below the index: their URLs follow from its own.
    index_url = page_url(index, None)
    events = real_pages(EventPage.objects.descendant_of(index)).select_related("locale", "host_member")
    schedule = []
    for event in events.order_by("start", "pk"):
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
                vevent=to_vevent(event, None, index_url + event.url_path[len(index.url_path) :]).to_ical(),
            )
        )
    return tuple(schedule)
