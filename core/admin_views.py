"""The translation overview in the admin: what still needs translating or syncing."""

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core import translation_status
from core.utils import int_param, query_param

PER_PAGE = 50


def can_translate(user):
    return user.has_perm("wagtail_localize.submit_translation")


class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/translation_overview.html"
    page_title = _("Translations")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, *args, **kwargs):
        if not can_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        source_locale = Locale.get_default()
        targets = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
        chosen_language = query_param(request, "locale")
        target = next((locale for locale in targets if locale.language_code == chosen_language), None)
        target = target or (targets[0] if targets else None)
        rows = translation_status.overview(target, source_locale) if target else []

        # Per page type and status, before filtering: the summary table.
        by_type = {}
        counts = Counter()
        for row in rows:
            entry = by_type.setdefault(
                row.source.content_type_id, {"label": row.page_type, "content_type_id": row.source.content_type_id}
            )
            entry[row.status] = entry.get(row.status, 0) + 1
            counts[row.status] += 1

        statuses = [
            (key, label) for key, label in translation_status.STATUS_LABELS.items() if key in translation_status.OPEN
        ]
        for entry in by_type.values():
            entry["counts"] = [entry.get(key, 0) for key, _label in statuses]

        status = query_param(request, "status")
        if status in translation_status.STATUS_LABELS:
            rows = [row for row in rows if row.status == status]
        else:
            status = ""
        content_type = int_param(request, "type")
        if content_type in by_type:
            rows = [row for row in rows if row.source.content_type_id == content_type]
        else:
            content_type = ""
        paginator = Paginator(rows, PER_PAGE)
        page_obj = paginator.get_page(query_param(request, "p"))
        for row in page_obj.object_list:
            row.actions = self.actions(row)
        context.update(
            source_locale=source_locale,
            target_locale=target,
            targets=targets,
            summary=sorted(by_type.values(), key=lambda entry: str(entry["label"])),
            counts=counts,
            statuses=statuses,
            status=status,
            content_type=content_type,
            page_obj=page_obj,
            rows=page_obj.object_list,
            total=paginator.count,
        )
        return context

    def actions(self, row):
        """Links an editor follows from a row: translate, sync, edit."""
        links = []
        if row.status == translation_status.MISSING:
            links.append((_("Translate"), reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])))
        if row.status == translation_status.OUTDATED and row.translation_source:
            next_url = reverse("translation_overview")
            url = reverse("wagtail_localize:update_translations", args=[row.translation_source.pk])
            links.append((_("Sync"), f"{url}?next={next_url}"))
        if (
            row.status in (translation_status.IN_REVIEW, translation_status.CHANGES_REQUESTED)
            and row.translation_source
        ):
            translation = row.translation_source.translations.filter(target_locale_id=row.translation.locale_id).first()
            if translation is not None:
                links.append((_("Review"), reverse("translation_review", args=[translation.pk])))
        if row.translation is not None:
            links.append((_("Edit translation"), reverse("wagtailadmin_pages:edit", args=[row.translation.pk])))
        return links
