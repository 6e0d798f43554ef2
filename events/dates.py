"""Event dates in the visitor's language, with the time zone stated.

"21. November 2024, 10:00–13:00 Uhr (MEZ)" / "21 November 2024, 10:00–13:00 (CET)".
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _zone(moment):
    # Translated: MEZ/MESZ in German, CET/CEST in English.
    name = moment.tzname()
    return {"CET": pgettext("time zone", "CET"), "CEST": pgettext("time zone", "CEST")}.get(name, name)


def _time(moment):
    # English "10:00", German "10:00 Uhr".
    return pgettext("clock time", "%(time)s") % {"time": formats.time_format(moment, "H:i")}


def event_when(start, end=None, all_day=False):
    """A human-readable, localised description of when an event takes place."""
    start = timezone.localtime(start)
    end = timezone.localtime(end) if end else None
    start_date = formats.date_format(start, "DATE_FORMAT")
    if all_day:
        if end is None or end.date() == start.date():
            return start_date
        return _("%(start)s to %(end)s") % {"start": start_date, "end": formats.date_format(end, "DATE_FORMAT")}
    if end is None:
        text = _("%(date)s, from %(time)s") % {"date": start_date, "time": _time(start)}
        return f"{text} ({_zone(start)})"
    if end.date() == start.date():
        times = pgettext("clock time range", "%(start)s–%(end)s") % {
            "start": formats.time_format(start, "H:i"),
            "end": formats.time_format(end, "H:i"),
        }
        zone = _zone(start)
        return f"{start_date}, {times} ({zone})"
    start_zone, end_zone = _zone(start), _zone(end)
    first = f"{start_date}, {_time(start)}" + (f" ({start_zone})" if start_zone != end_zone else "")
    last = f"{formats.date_format(end, 'DATE_FORMAT')}, {_time(end)} ({end_zone})"
    return _("%(start)s to %(end)s") % {"start": first, "end": last}
