"""Which German pages lack an English version, and which English versions lag behind.

A translation made through wagtail-localize remembers when its German
source was last read (TranslationSource.last_updated_at). When the German
page has been published since, the English version is out of date until an
editor syncs it ("Sync translated pages") and publishes the result.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import TranslationSource

from core.localization import NeverTranslated, never_translated_models

MISSING = "missing"
OUTDATED = "outdated"
DRAFT = "draft"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
CURRENT = "current"

STATUS_LABELS = {
    MISSING: _("No translation"),
    OUTDATED: _("Out of date"),
    DRAFT: _("Not yet published"),
    CHANGES_REQUESTED: _("Changes requested"),
    IN_REVIEW: _("In review"),
    CURRENT: _("Up to date"),
}
# What still needs someone's work (the overview's default, the dashboard's counts).
OPEN = (MISSING, OUTDATED, DRAFT, CHANGES_REQUESTED, IN_REVIEW)


@dataclass
class Row:
    source: Page
    translation: Page | None
    translation_source: TranslationSource | None
    status: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def page_type(self):
        return self.source.specific_class._meta.verbose_name if self.source.specific_class else ""


def status_of(source_page, translation, translation_source, workflow_status=None):
    """MISSING, OUTDATED (the source changed since the last sync, or a sync
    brought changes nobody has worked into the translation yet), IN_REVIEW
    (submitted to the review workflow), CHANGES_REQUESTED (sent back by the
    reviewer), DRAFT (translation not live, or changes not yet published) or
    CURRENT. `workflow_status` is the translation's open WorkflowState status."""
    if translation is None:
        return MISSING
    if translation_source is not None:
        synced = translation_source.last_updated_at
        if source_page.last_published_at and source_page.last_published_at > synced:
            return OUTDATED
        worked_on = translation.latest_revision_created_at
        if worked_on and synced > worked_on:
            return OUTDATED
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return IN_REVIEW
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if not translation.live or translation.has_unpublished_changes:
        return DRAFT
    return CURRENT


def source_pages(source_locale):
    """The live pages to translate: not aliases, not of a type that is never translated."""
    untranslated = ContentType.objects.get_for_models(*never_translated_models()).values()
    return Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True, live=True).exclude(
        content_type__in=[content_type.pk for content_type in untranslated]
    )


def open_workflow_statuses(pages):
    """{page id: status} of the pages' workflows in review or sent back (one query)."""
    return dict(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", "status")
    )


def overview(target_locale, source_locale=None, content_type_id=None, statuses=OPEN):
    """Rows for German pages whose translation into target_locale needs work.

    Four queries whatever the number of pages: the sources, their
    translations, the wagtail-localize sources, the open workflows.
    """
    source_locale = source_locale or Locale.get_default()
    sources = source_pages(source_locale).select_related("content_type").order_by("path")
    if content_type_id:
        sources = sources.filter(content_type_id=content_type_id)
    keys = sources.values("translation_key")
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(locale=target_locale, translation_key__in=keys, alias_of__isnull=True).only(
            "id",
            "translation_key",
            "live",
            "has_unpublished_changes",
            "latest_revision_created_at",
            "title",
            "locale_id",
        )
    }
    translation_sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale=source_locale, object_id__in=keys).only(
            "id", "object_id", "last_updated_at", "locale_id"
        )
    }
    workflows = open_workflow_statuses(translations.values())
    rows = []
    for page in sources:
        translation = translations.get(page.translation_key)
        source = translation_sources.get(page.translation_key)
        workflow_status = workflows.get(str(translation.pk)) if translation is not None else None
        status = status_of(page, translation, source, workflow_status)
        if status in statuses:
            rows.append(Row(page, translation, source, status))
    return rows


def translation_state(page):
    """For the page editor: (status, other page, translation source) of one page.

    On a source page it reports on its translation; on a translated page, on
    itself. None where there is nothing to say.
    """
    default = Locale.get_default()
    if page.alias_of_id or page.depth < 2 or isinstance(page, NeverTranslated):
        return None
    if page.locale_id == default.pk:
        source_page = page
        translation = (
            Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
            .exclude(locale_id=default.pk)
            .first()
        )
    else:
        translation = page
        source_page = Page.objects.filter(translation_key=page.translation_key, locale_id=default.pk).first()
        if source_page is None:
            return None
    source = TranslationSource.objects.filter(Q(object_id=page.translation_key), locale_id=default.pk).first()
    workflow_status = open_workflow_statuses([translation]).get(str(translation.pk)) if translation else None
    return status_of(source_page, translation, source, workflow_status), source_page, translation, source
