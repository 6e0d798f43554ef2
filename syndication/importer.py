"""The import of the member cities' calendars into the network's events.

Each member office may name its own iCal calendar (MemberPage.calendar_url);
`manage.py import_calendars` (the scheduler runs it with --due every minute)
makes one German event page of each event of the next twelve months,
hosted by and linked back to the office, and keeps it in step with the
feed: changed events are updated (published at once if the page is live:
a new time or a cancellation must reach readers), events that disappear
from the feed before they take place are shown as cancelled and taken
offline once they are over; nothing is ever deleted.

The German page is the import's; its translations are the translators':
only the dates, the cancellation and the source address are copied onto
them. An editor who ticks "detached from its source" takes a page (and its
translations) out of the import for good.

Each city's import runs on its own, in its own transaction: a calendar
that is down, too big, broken or refused by the database is recorded on
that city's CalendarImport with a message for its editors, and the other
cities are imported as usual.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from dateutil.relativedelta import relativedelta

from core.caching import purge
from core.page_forms import ascii_slug
from events.models import EventFormat, EventIndexPage, EventPage
from members.models import MemberPage
from syndication.fetch import ImportFailed, fetch
from syndication.ical import events_between, read_calendar
from syndication.models import CalendarImport, ImportedEvent

logger = logging.getLogger(__name__)

LEAD_LENGTH = 300
# The facts a translation shares with its German page; its texts are the translator's.
SYNCHRONISED = ("start", "end", "all_day", "cancelled", "source_url")
# A failed import is tried again after this long (an unreachable server
# may be back; the demo's feeds are served by the site that starts with them).
RETRY_AFTER = datetime.timedelta(minutes=5)


@dataclass
class Result:
    """What one city's import did (also kept on its CalendarImport)."""

    added: int = 0
    updated: int = 0
    cancelled: int = 0
    unpublished: int = 0
    not_modified: bool = False
    error: str = ""

    @property
    def ok(self):
        return not self.error


def members_to_import():
    """The live German member pages that name a calendar (translations
    share the German page's calendar and events)."""
    return (
        MemberPage.objects.live()
        .filter(locale=Locale.get_default(), alias_of__isnull=True)
        .exclude(calendar_url="")
        .order_by("city", "pk")
    )


def import_all(due_only=False, budget=None):
    """Import every member's calendar (only those due, with `due_only`),
    each on its own; {member: Result}. With `budget` (seconds), no further
    city is started once it is spent: the scheduler's other jobs wait for
    this one, and the rest are due the next minute, longest waiting first."""
    started = now = timezone.now()
    members = list(members_to_import())
    records = {record.member_id: record for record in CalendarImport.objects.filter(member__in=members)}
    if due_only:
        members = [member for member in members if is_due(records.get(member.pk), member, now)]
        members.sort(key=lambda member: last_try(records.get(member.pk)))
    results = {}
    for member in members:
        if budget is not None and (timezone.now() - started).total_seconds() > budget:
            break
        results[member] = import_member(member)
    return results


def last_try(record):
    if record is None or record.started_at is None:
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return record.started_at


def is_due(record, member, now):
    """Never imported, its address changed, the last import older than
    CALENDAR_IMPORT_INTERVAL_MINUTES, or failed (or broke off) more than
    five minutes ago."""
    if record is None or record.started_at is None or record.url != member.calendar_url:
        return True
    succeeded = record.ok and record.finished_at is not None and record.finished_at >= record.started_at
    wait = datetime.timedelta(minutes=settings.CALENDAR_IMPORT_INTERVAL_MINUTES) if succeeded else RETRY_AFTER
    return now - record.started_at >= wait


def import_member(member):
    """Import one member's calendar now; the Result is also recorded on its
    CalendarImport. Never raises for a failure of the import itself."""
    member = german_page(member)
    record, _created = CalendarImport.objects.get_or_create(member=member, defaults={"url": member.calendar_url})
    if record.url != member.calendar_url:
        # Another calendar: what the old one's server said about its version means nothing.
        record.url, record.etag, record.last_modified = member.calendar_url, "", ""
    record.started_at = timezone.now()
    record.save(update_fields=["url", "etag", "last_modified", "started_at"])
    with translation.override(settings.LANGUAGE_CODE):  # the message is for the German page's editors
        try:
            if not member.calendar_url:
                raise ImportFailed(_("The member page names no calendar address."))
            result = run_import(member, record)
        except ImportFailed as error:
            result = Result(error=str(error))
        except Exception as error:
            logger.exception("Importing the calendar of %s (%s) failed", member, member.calendar_url)
            result = Result(
                error=_("The import failed: %(error)s") % {"error": f"{type(error).__name__}: {error}"[:300]}
            )
    record.finished_at = timezone.now()
    record.ok, record.not_modified, record.error = result.ok, result.not_modified, result.error
    record.added, record.updated = result.added, result.updated
    record.cancelled, record.unpublished = result.cancelled, result.unpublished
    if result.ok:
        record.succeeded_at = record.finished_at
    record.save()
    return result


def german_page(member):
    if member.locale_id == Locale.get_default().pk:
        return member
    return MemberPage.objects.get(translation_key=member.translation_key, locale=Locale.get_default())


def run_import(member, record):
    """Fetch, read and apply one calendar; raises ImportFailed."""
    now = timezone.now()
    # Conditional requests (ETag, Last-Modified) only after a complete read
    # the same day: once a day the calendar is read whole, so that its
    # window moves on (a weekly event's next occurrence comes into it)
    # and events that have ended are taken care of, changed feed or not.
    conditional = record.succeeded_at is not None and local_date(record.succeeded_at) == local_date(now)
    fetched = fetch(record.url, *((record.etag, record.last_modified) if conditional else ("", "")))
    if fetched.not_modified:
        return Result(not_modified=True)
    calendar = read_calendar(fetched.body)
    window_end = now + relativedelta(months=settings.CALENDAR_IMPORT_MONTHS)
    events, unreadable = events_between(calendar, now, window_end, settings.CALENDAR_IMPORT_MAX_EVENTS)
    importer = Importer(member, now, window_end)
    if importer.plan(events, unreadable):
        # One purge for the whole import (after it is committed), not one per page.
        with purge.bulk(), transaction.atomic():
            # A second import of the same city at the same time waits here,
            # then plans against what the first one wrote.
            CalendarImport.objects.select_for_update().filter(pk=record.pk).first()
            importer.plan(events, unreadable)
            importer.apply()
    record.etag, record.last_modified = fetched.etag, fetched.last_modified
    return importer.result


def local_date(moment):
    return timezone.localtime(moment).date()


class Importer:
    """The changes one feed makes to one member's events: planned by
    comparing the feed with the ImportedEvents (reading only), then applied."""

    def __init__(self, member, now, window_end):
        self.member = member
        self.now = now
        self.window_end = window_end
        self.result = Result()
        self.actions = []

    def plan(self, events, unreadable=()):
        """The actions (name, FeedEvent or None, ImportedEvent or None) the
        feed calls for; returns whether there are any."""
        rows = {
            (row.uid, row.recurrence_id): row
            for row in ImportedEvent.objects.filter(member=self.member).select_related("page")
        }
        actions = []
        for event in events:
            row = rows.pop(event.key, None)
            if row is None:
                if not event.cancelled:  # a cancellation of an event never shown: nothing to say
                    actions.append(("add", event, None))
            elif row.page is None or row.page.source_detached:  # deleted or detached by an editor
                continue
            elif row.fingerprint != event.fingerprint or row.missing_since is not None:
                actions.append(("update", event, row))
        for row in rows.values():  # imported before, not in the feed's window now
            page = row.page
            if page is None or page.source_detached or row.uid in unreadable:
                continue
            if self.has_ended(page):
                if page.cancelled and page.live:
                    actions.append(("unpublish", None, row))
            elif row.missing_since is None and page.start <= self.window_end:
                actions.append(("cancel", None, row))
        self.actions = actions
        return bool(actions)

    def has_ended(self, page):
        end = page.end or page.start
        if page.all_day:
            end = timezone.localtime(end).replace(hour=0, minute=0, second=0, microsecond=0)
            end += datetime.timedelta(days=1)  # the end of the last day
        return end < self.now

    def apply(self):
        self.result = Result()
        for action, event, row in self.actions:
            try:
                getattr(self, action)(event, row)
            except ValidationError as error:  # what the feed says makes no valid page
                what = event.title if event else row.page.title
                raise ImportFailed(
                    _("The event “%(title)s” could not be saved: %(error)s")
                    % {"title": what[:80], "error": "; ".join(error.messages)[:300]}
                ) from None

    # The actions --------------------------------------------------------------

    def add(self, event, _row):
        index = self.event_index()
        page = EventPage(live=False, locale_id=index.locale_id, organiser=self.organiser())
        self.fill(page, event, index)
        page.slug = self.free_slug(index, page)
        index.add_child(instance=page)
        revision = page.save_revision(log_action=True)
        if self.member.calendar_publish_directly:
            revision.publish()
        ImportedEvent.objects.create(
            member=self.member,
            uid=event.uid,
            recurrence_id=event.recurrence_id,
            page=page,
            fingerprint=event.fingerprint,
        )
        self.result.added += 1

    def update(self, event, row):
        page = row.page.get_latest_revision_as_object()
        was_cancelled = page.cancelled
        self.fill(page, event, self.event_index())
        self.save(page, row.page.live)
        row.fingerprint, row.missing_since = event.fingerprint, None
        row.save(update_fields=["fingerprint", "missing_since"])
        if event.cancelled and not was_cancelled:
            self.result.cancelled += 1
        else:
            self.result.updated += 1

    def cancel(self, _event, row):
        """An upcoming event gone from the feed: cancelled, not removed, so
        that those who planned to come learn of it."""
        row.missing_since = self.now
        row.save(update_fields=["missing_since"])
        page = row.page.get_latest_revision_as_object()
        if page.cancelled:
            return  # the feed had cancelled it already
        page.cancelled = True
        self.save(page, row.page.live)
        self.result.cancelled += 1

    def unpublish(self, _event, row):
        """A cancelled event that is over: offline, kept for the record."""
        for page in Page.objects.filter(translation_key=row.page.translation_key, alias_of__isnull=True).live():
            page.specific.unpublish(log_action=True)
        self.result.unpublished += 1

    # Helpers --------------------------------------------------------------

    def save(self, page, live):
        """A new revision of an imported page, published if the page is live
        (a draft waiting for review stays a draft); its translations get the
        new dates, cancellation and source address."""
        revision = page.save_revision(log_action=True)
        if live:
            revision.publish()
        for translation_page in Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True
        ).exclude(pk=page.pk):
            translated = translation_page.specific.get_latest_revision_as_object()
            if all(getattr(translated, name) == getattr(page, name) for name in SYNCHRONISED):
                continue
            for name in SYNCHRONISED:
                setattr(translated, name, getattr(page, name))
            # Not validated again: only facts the German page has just passed
            # with are changed, and a translator's unfinished text must not
            # stop the German import.
            revision = translated.save_revision(log_action=True, clean=False)
            if translation_page.live:
                revision.publish()

    def fill(self, page, event, index):
        """Set what the feed says on a German event page (what an editor
        would type into the form)."""
        with translation.override(index.locale.language_code):
            page.title = event.title[:255] or _("Event of %(city)s") % {"city": self.member.city}
            page.start, page.end, page.all_day = event.start, event.end, event.all_day
            page.cancelled = event.cancelled
            page.lead = lead(event.description) or (
                _("An event of the %(office)s, %(city)s.")
                % {"office": self.member.office_name, "city": self.member.city}
            )
            # The whole description below the lead, unless the lead is all of it.
            whole = event.description and lead(event.description) != " ".join(event.description.split())
            page.body = [("paragraph", RichText(paragraphs_html(event.description)))] if whole else []
            self.fill_place(page, event.location)
            page.host_member = page.source_member = self.member
            page.source_url = self.source_url(event)

    def fill_place(self, page, location):
        lines = [" ".join(line.split()) for line in location.splitlines() if line.strip()]
        if lines and not is_online(lines[0]):
            page.event_format = EventFormat.IN_PERSON
            page.venue_name = lines[0][:200]
            page.venue_address = "\n".join(lines[1:])
            page.online_note = ""
            return
        # Online (a meeting link is never copied: it is for those registered),
        # or no place given: the organiser's announcement says how to take part.
        page.event_format = EventFormat.ONLINE
        page.venue_name = page.venue_address = ""
        page.online_note = (
            _("Online: how to take part is described in the organiser's announcement (see source).")
            if lines
            else _("Place and access: see the organiser's announcement (source).")
        )

    def organiser(self):
        return f"{self.member.office_name}, {self.member.city}"[:200]

    def source_url(self, event):
        """The event's own address in the feed; without one (or one a URL
        field refuses), the site of the calendar: the office's own website.
        (The event page links the member page on this site anyway.)"""
        scheme, _sep, rest = self.member.calendar_url.partition("://")
        candidates = [event.url, f"{scheme}://{rest.split('/', 1)[0]}/"]
        for url in candidates:
            try:
                URLValidator(schemes=["http", "https"])(url or "")
            except ValidationError:
                continue
            return url[:1000]
        return ""

    def event_index(self):
        if not hasattr(self, "_index"):
            self._index = EventIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
            if self._index is None:
                raise ImportFailed(_("There is no German event section to import into."))
        return self._index

    def free_slug(self, index, page):
        """The title and the date in ASCII (umlauts written out), numbered
        if an event below the index has it already."""
        date = timezone.localtime(page.start).date().isoformat()
        base = f"{(ascii_slug(page.title) or 'termin')[:200].rstrip('-')}-{date}"
        taken = set(Page.objects.child_of(index).filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug


def is_online(line):
    lowered = line.lower()
    return lowered.startswith(("http://", "https://")) or lowered in {"online", "zoom", "webex", "teams", "internet"}


def lead(description):
    """The description's beginning, at most about LEAD_LENGTH characters, cut between words."""
    text = " ".join(description.split())
    if len(text) <= LEAD_LENGTH:
        return text
    return text[:LEAD_LENGTH].rsplit(" ", 1)[0].rstrip(" ,.;:–-") + " …"


def paragraphs_html(description):
    """The description as rich-text HTML: a paragraph per blank line, line
    breaks kept, every character escaped (the feed's text is never markup)."""
    paragraphs = [part.strip() for part in description.split("\n\n") if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in part.splitlines() if line.strip()) + "</p>"
        for part in paragraphs
    )
