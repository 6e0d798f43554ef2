"""Sharing with members in the admin: the report of the calendar imports
(Reports → Calendar imports); the panels on member and event pages are in
syndication.panels, and what they say reaches the editor of a translation
in wagtail-localize's editor (which shows no panels) as a message."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from core import relations
from syndication import admin_views
from syndication.panels import calendar_import_for


class CalendarImportsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_syndication_urls():
    view = admin_views.CalendarImportsView
    return [
        path("reports/calendar-imports/", view.as_view(), name="syndication_calendar_imports"),
        path(
            "reports/calendar-imports/results/",
            view.as_view(results_only=True),
            name="syndication_calendar_imports_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_calendar_imports_menu_item():
    return CalendarImportsMenuItem(
        gettext_lazy("Calendar imports"),
        reverse("syndication_calendar_imports"),
        name="calendar-imports",
        icon_name="calendar-alt",
        order=900,
    )


def in_translation_editor(page):
    """Whether wagtail-localize's editor, not the page's panels, edits `page`."""
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()


def import_summary(record):
    """The last import of a member's calendar in one sentence."""
    moment = date_format(timezone.localtime(record.finished_at or record.started_at), "DATETIME_FORMAT")
    if record.finished_at is None or record.finished_at < record.started_at:
        return _("An import of the office's calendar is running since %(time)s.") % {"time": moment}
    if not record.ok:
        return _("The last import of the office's calendar failed (%(time)s): %(error)s") % {
            "time": moment,
            "error": record.error,
        }
    if record.not_modified:
        return _("Last import of the office's calendar: %(time)s, the calendar had not changed.") % {"time": moment}
    return _(
        "Last import of the office's calendar: %(time)s, %(added)d added, %(updated)d updated, "
        "%(cancelled)d cancelled, %(unpublished)d unpublished."
    ) % {
        "time": moment,
        "added": record.added,
        "updated": record.updated,
        "cancelled": record.cancelled,
        "unpublished": record.unpublished,
    }


@hooks.register("before_edit_page")
def tell_translators_about_imports(request, page):
    """On a translated member page, its German page's last import; on a
    translated imported event, that the import leaves its text alone. (Runs
    before wagtail-localize's hook, which answers with its own editor.)"""
    MemberPage, EventPage = relations.model(relations.MEMBER_PAGE), relations.model(relations.EVENT_PAGE)
    if request.method != "GET" or page.locale_id == Locale.get_default().pk:
        return None
    if isinstance(page, EventPage) and page.source_member_id and not page.source_detached:
        if in_translation_editor(page):
            source = MemberPage.objects.filter(pk=page.source_member_id).first()
            office = f"{source.office_name}, {source.city}" if source else ""
            messages.info(
                request,
                _(
                    "Imported from the calendar of %(office)s. The import does not overwrite the text of this "
                    "translation; it only takes over changes of the date and time and a cancellation."
                )
                % {"office": office},
            )
    elif isinstance(page, MemberPage):
        record = calendar_import_for(page)
        if record is not None and record.started_at and in_translation_editor(page):
            messages.info(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    import_summary(record),
                    reverse("syndication_calendar_imports"),
                    _("Calendar imports"),
                ),
            )
    return None
