"""Read-only admin panels about the import of member calendars.

- `CalendarImportPanel`, in the "Event calendar" panel of a member page:
  what the last import of its calendar did, or why it failed, so the
  city's editors see it where they enter the address.
- `ImportedEventNote`, at the top of an imported event: where it comes
  from and what the next import will overwrite, before an editor spends
  time on changes that would be lost.

syndication's AppConfig.ready puts them into the member and event edit
forms; the page apps' models are named by label (core.relations) here,
so the panels can be built before the models are.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.models import Locale

from core import relations


def calendar_import_for(member):
    """The import record of a member page (any translation): the importer
    keeps one per member, on its German page."""
    from syndication.models import CalendarImport

    if member is None or member.pk is None:
        return None
    return (
        CalendarImport.objects.filter(
            member__translation_key=member.translation_key, member__locale=Locale.get_default()
        )
        .select_related("member")
        .first()
    )


class CalendarImportPanel(Panel):
    """The last import of this member's calendar: when, what it did, the
    error if it failed, the last success; and a link to the report of
    every city. A translation shows its German page's record (the import
    reads the calendar address of the German page)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Last import"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "syndication/admin/calendar_import_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                record=calendar_import_for(self.instance),
                calendar_url=getattr(self.instance, "calendar_url", ""),
                report_url=reverse("syndication_calendar_imports"),
            )
            return context


class ImportedEventNote(Panel):
    """A note at the top of an event imported from a member's calendar (and
    of its translations): where it comes from and what the import will
    overwrite. Shown only on imported events."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Imported event"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "syndication/admin/imported_event_note.html"

        def is_shown(self):
            return bool(getattr(self.instance, "source_member_id", None))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance
            source = relations.model(relations.MEMBER_PAGE).objects.filter(pk=event.source_member_id).first()
            context.update(
                source=source,
                link=event.source_url or (source.calendar_url if source else ""),
                # The import writes the German page; a translation keeps its
                # own text and takes over only dates and cancellation.
                is_translation=event.locale_id != Locale.get_default().pk,
                detached=event.source_detached,
            )
            return context
