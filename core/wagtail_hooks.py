"""Admin additions: the translation overview, the translation review (core/translation_workflow.py),
and translation status in the page editor."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from core import translation_status, translation_workflow
from core.admin_views import TranslationOverviewView, can_translate


@hooks.register("register_admin_urls")
def register_translation_overview_url():
    return [
        path("translations/", TranslationOverviewView.as_view(), name="translation_overview"),
        path("translations/<int:translation_id>/save/", translation_workflow.save, name="translation_save"),
        path(
            "translations/<int:translation_id>/review/",
            translation_workflow.ReviewView.as_view(),
            name="translation_review",
        ),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_translate(request.user)


@hooks.register("insert_editor_js")
def autosave_guard():
    """A save clicked while the autosave creates the page waits for it (site/static/editor/)."""
    return format_html('<script src="{}"></script>', static("editor/autosave-guard.js"))


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return TranslationsMenuItem(
        gettext_lazy("Translations"),
        reverse("translation_overview"),
        name="translations",
        icon_name="wagtail-localize-language",
        order=250,
    )


@hooks.register("before_edit_page")
def warn_about_translation_state(request, page):
    """Tell the editor of a page whether its translation keeps up with it."""
    if request.method != "GET" or not can_translate(request.user):
        return None
    state = translation_status.translation_state(page)
    if state is None:
        return None
    status, source_page, translation, source = state
    if status == translation_status.OUTDATED:
        if page.pk == source_page.pk:
            text = _("The English version of this page is out of date: this page has changed since it was last synced.")
        else:
            text = _("This translation is out of date: its German source has changed since it was last synced.")
        sync = reverse("wagtail_localize:update_translations", args=[source.pk])
        messages.warning(
            request,
            format_html('{} <a href="{}">{}</a>', text, sync, _("Sync translated pages")),
        )
    elif status == translation_status.MISSING and page.pk == source_page.pk and page.live:
        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("This page has no English version yet; the English site leaves it out."),
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                _("Translate this page"),
            ),
        )
    elif status == translation_status.DRAFT and page.pk == source_page.pk:
        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("The English version has changes that are not yet published."),
                reverse("wagtailadmin_pages:edit", args=[translation.pk]),
                _("Edit translation"),
            ),
        )
    return None


class TranslationSummaryPanel(Component):
    name = "translation_summary"
    order = 150
    template_name = "core/admin/translation_summary_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        from wagtail.models import Locale

        counts = {}
        targets = Locale.objects.exclude(pk=Locale.get_default().pk)
        for target in targets:
            for row in translation_status.overview(target):
                counts[row.status] = counts.get(row.status, 0) + 1
        return {
            "missing": counts.get(translation_status.MISSING, 0),
            "outdated": counts.get(translation_status.OUTDATED, 0),
            "draft": counts.get(translation_status.DRAFT, 0),
            "in_review": counts.get(translation_status.IN_REVIEW, 0),
            "changes_requested": counts.get(translation_status.CHANGES_REQUESTED, 0),
            "url": reverse("translation_overview"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_summary(request, panels):
    if can_translate(request.user):
        panels.append(TranslationSummaryPanel(request))


class OverdueSchedulePanel(Component):
    """Scheduled publications and expiries whose time passed minutes ago:
    the scheduler failed on them (or does not run). It retries every minute;
    editors see here what has not yet happened."""

    name = "overdue_schedule"
    order = 50
    template_name = "core/admin/overdue_schedule_panel.html"

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context=None):
        return {"items": self.items}


def overdue_schedule(user):
    """[(title, when it was due, edit URL or None, "publish"/"unpublish")] overdue by OVERDUE."""
    from django.utils import timezone

    from wagtail.admin.admin_url_finder import AdminURLFinder

    from core.management.commands.publish_scheduled import OVERDUE, due_expiries, due_revisions

    before = timezone.now() - OVERDUE
    finder = AdminURLFinder(user)
    items = []
    for revision in due_revisions(before):
        obj = revision.content_object
        items.append((revision.object_str, revision.approved_go_live_at, finder.get_edit_url(obj), "publish"))
    for obj in due_expiries(before):
        items.append((str(obj), obj.expire_at, finder.get_edit_url(obj), "unpublish"))
    return items


@hooks.register("construct_homepage_panels")
def add_overdue_schedule(request, panels):
    items = overdue_schedule(request.user)
    if items:
        panels.append(OverdueSchedulePanel(items))
