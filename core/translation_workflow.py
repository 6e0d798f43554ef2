"""Translations through the review workflow, like any other change.

wagtail-localize's translation editor saves each string as it is typed and
offers only "Publish", which translators may not do (core/translation_review.py).
Here a translator gets what the page editor gives every other editor:

- "Save draft": the translated strings become a draft revision of the page;
- "Submit for review": the same, then the page enters its review workflow
  ("Redaktionelle Prüfung"), so Moderation is notified by Wagtail's own mail
  and the translator hears back when it is approved or sent back;
- a review screen for Moderation: each German string beside its English
  translation, with "Approve and publish" and "Request changes" (with a
  comment), the workflow's own actions.

The bar with these buttons sits above wagtail-localize's editor
(core/templates/wagtail_localize/admin/edit_translation.html).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def target_page(translation):
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied  # snippets have no review workflow here
    return page.specific


def open_workflow_state(page):
    """The page's workflow state that is in review or sent back, or None."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
        .select_related("current_task_state__task")
        .first()
    )


def review_actions(page, user, state=None):
    """The workflow actions `user` may take on `page` now: [(name, label, needs a comment)]."""
    state = state if state is not None else open_workflow_state(page)
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS or state.current_task_state is None:
        return []
    task = state.current_task_state.task.specific
    return [(name, label, needs_comment) for name, label, needs_comment in task.get_actions(page, user)]


def bar_context(translation, user):
    """What the bar above the translation editor shows to `user`."""
    page = target_page(translation)
    perms = page.permissions_for_user(user)
    state = open_workflow_state(page)
    workflow = page.get_workflow()
    return {
        "page": page,
        "can_save": perms.can_edit(),
        "can_submit": perms.can_edit() and workflow is not None and not perms.can_publish(),
        "in_review": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "can_review": bool(review_actions(page, user, state)),
        "save_url": reverse("translation_save", args=[translation.pk]),
        "review_url": reverse("translation_review", args=[translation.pk]),
    }


@require_POST
def save(request, translation_id):
    """Save the translation as a draft revision; with action=submit, also
    send it into the review workflow (or back into it, after changes were
    requested)."""
    translation = get_object_or_404(Translation, pk=translation_id)
    page = target_page(translation)
    perms = page.permissions_for_user(request.user)
    if not perms.can_edit():
        raise PermissionDenied
    # Never publishes for a translator (core/translation_review.py).
    translation.save_target(user=request.user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.POST.get("action") != "submit":
        messages.success(request, _("Draft of the translation “%(title)s” saved.") % {"title": page.title})
        return redirect(edit_url)

    workflow = page.get_workflow()
    if workflow is None:
        raise PermissionDenied
    state = open_workflow_state(page)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=request.user)
    else:
        if state is not None:
            # Already in review: the reviewer is to see this newer text.
            state.cancel(user=request.user)
        workflow.start(page, request.user)
    messages.success(
        request,
        _("The translation “%(title)s” has been submitted for review by Moderation.") % {"title": page.title},
    )
    return redirect(edit_url)


def string_rows(translation):
    """[(field label, German text, English text or None)] in the page's order."""
    source = translation.source
    model = source.specific_content_type.model_class()
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"))
    translated = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_of_id__in=[segment.string_id for segment in segments],
            context_id__in=[segment.context_id for segment in segments],
        )
    }
    rows = []
    for segment in segments:
        field_name = segment.context.path.split(".")[0]
        try:
            label = str(model._meta.get_field(field_name).verbose_name)
        except Exception:  # noqa: BLE001 - a path that is not a model field: show it as it is
            label = field_name
        english = translated.get((segment.string_id, segment.context_id))
        rows.append((label, strip_tags(segment.string.data), strip_tags(english) if english is not None else None))
    return rows


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Each German string beside its translation; the reviewer's actions."""

    template_name = "core/admin/translation_review.html"
    page_title = gettext_lazy("Review translation")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, translation_id):
        self.translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"), pk=translation_id
        )
        self.page = target_page(self.translation)
        self.state = open_workflow_state(self.page)
        self.actions = review_actions(self.page, request.user, self.state)
        if not self.page.permissions_for_user(request.user).can_edit() and not self.actions:
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.page.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("translation_overview"), "label": gettext_lazy("Translations")},
            {"url": "", "label": self.page_title},
        ]

    def post(self, request):
        action = request.POST.get("action")
        comment = request.POST.get("comment", "").strip()
        if action not in {name for name, _label, _needs in self.actions}:
            raise PermissionDenied
        if action == "reject" and not comment:
            messages.error(request, _("Please say what should be changed."))
            return redirect(request.path)
        task_state = self.state.current_task_state
        task_state.task.specific.on_action(task_state.specific, request.user, action, comment=comment)
        if action == "approve":
            message = _("The translation “%(title)s” has been approved and published.")
        else:
            message = _("Changes to the translation “%(title)s” have been requested.")
        messages.success(request, message % {"title": self.page.title})
        return redirect("wagtailadmin_home")

    def get_context_data(self, **kwargs):
        state = self.state
        names = {name for name, _label, _needs in self.actions}
        return super().get_context_data(
            page=self.page,
            source_page=self.translation.source.get_source_instance(),
            translation=self.translation,
            rows=string_rows(self.translation),
            in_review=state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
            requested_by=state.requested_by if state is not None else None,
            can_approve="approve" in names,
            can_reject="reject" in names,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            preview_url=reverse("wagtail_localize:preview_translation", args=[self.translation.pk]),
            **kwargs,
        )


def submit_page_translation(request, page_id):
    """wagtail-localize's "Translate this page", which pages that are never
    translated (core.localization.NeverTranslated) answer on their edit view
    with the reason; any other page gets wagtail-localize's form."""
    from wagtail.admin.auth import require_admin_access
    from wagtail_localize.views.submit_translations import SubmitPageTranslationView

    from core.localization import NeverTranslated

    @require_admin_access
    def view(request):
        page = get_object_or_404(Page, id=page_id).specific_deferred
        if isinstance(page, NeverTranslated):
            messages.warning(request, page.never_translated_message)
            return redirect("wagtailadmin_pages:edit", page.pk)
        return SubmitPageTranslationView.as_view()(request, page_id=page_id)

    return view(request)
