"""schema.org Event and its series (JSON-LD)."""

from django.utils import timezone

from core.localization import language_of, page_url
from core.structured_data import organisation
from events.models import EventFormat

ATTENDANCE = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def _iso(moment, all_day=False):
    moment = timezone.localtime(moment)
    return moment.date().isoformat() if all_day else moment.isoformat()


def organizer(event, request, source=None):
    """Who organises it: the organiser named on the event; else the member
    office whose calendar it was imported from (`source`, its page in the
    event's language); else the network."""
    if event.organiser:
        return {"@type": "Organization", "name": event.organiser}
    if source is not None:
        return {
            "@type": "GovernmentOffice",
            "name": f"{source.office_name} – {source.city}",
            "url": page_url(source, request),
        }
    return organisation(request)


def event_data(event, request, series=None, nested=False, source=None):
    data = {
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "url": page_url(event, request),
        "startDate": _iso(event.start, event.all_day),
        "eventAttendanceMode": ATTENDANCE[event.event_format],
        "eventStatus": "https://schema.org/EventCancelled" if event.cancelled else "https://schema.org/EventScheduled",
        "inLanguage": language_of(event),
        "organizer": organizer(event, request, source),
    }
    if event.end:
        data["endDate"] = _iso(event.end, event.all_day)
    locations = []
    if event.has_venue:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name,
                "address": " ".join(event.venue_address.split()) or event.venue_name,
            }
        )
    if event.is_online:
        # The meeting link is never public: the page explains how to get it.
        locations.append({"@type": "VirtualLocation", "url": page_url(event, request)})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if event.fully_booked:
        data["offers"] = {
            "@type": "Offer",
            "availability": "https://schema.org/SoldOut",
            "price": 0,
            "priceCurrency": "EUR",
        }
    if series is not None and not nested:
        data["superEvent"] = {"@type": "EventSeries", "name": series.title, "url": page_url(series, request)}
    if not nested:
        data = {"@context": "https://schema.org", **data}
    return data


def series_data(series, modules, request):
    data = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "name": series.title,
        "description": series.intro,
        "url": page_url(series, request),
        "inLanguage": language_of(series),
        "organizer": organisation(request),
        "subEvent": [event_data(module, request, nested=True) for module in modules],
    }
    if modules:
        data["startDate"] = _iso(modules[0].start, modules[0].all_day)
        last = modules[-1]
        data["endDate"] = _iso(last.end or last.start, last.all_day)
    return data
