from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    """Sharing with the member cities both ways: their calendars imported
    (importer), the network's content read by their sites (the read API and
    the embeddable lists)."""

    name = "syndication"
    verbose_name = _("Sharing with members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events.models import EventPage
        from members.models import MemberPage
        from syndication.embed_panel import EmbedSnippetsPanel
        from syndication.panels import CalendarImportPanel, ImportedEventNote

        # The page apps know nothing of the sharing: its panels join their
        # edit forms here, before Wagtail builds them (at the first request).
        # A member page: the last import under the calendar's address, then
        # the iframes of the city's news and events for its own website.
        calendar = next(panel for panel in MemberPage.content_panels if "calendar_url" in panel_fields(panel))
        calendar.children = [*calendar.children, CalendarImportPanel()]
        MemberPage.content_panels = [*MemberPage.content_panels, EmbedSnippetsPanel()]
        # An imported event: where it comes from and what the next import overwrites, on top.
        EventPage.content_panels = [ImportedEventNote(), *EventPage.content_panels]


def panel_fields(panel):
    return [getattr(child, "field_name", None) for child in getattr(panel, "children", ())]
