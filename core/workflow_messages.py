"""A confirmation after a workflow action taken from the dashboard or the editor.

Wagtail's workflow action view (approve, request changes) redirects or
answers its modal without a word: a moderator who clicks "Approve" on the
dashboard cannot tell whether anything happened. This view runs Wagtail's
own and adds the message; config/urls.py routes it before the admin's URLs.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, TaskState

_wagtail_workflow_action = page_viewset_registry.as_view("workflow_action", page_id_kwarg="page_id")

CONFIRMATIONS = {
    "approve": lambda title: _("“%(title)s” has been approved.") % {"title": title},
    "reject": lambda title: _("Changes to “%(title)s” have been requested.") % {"title": title},
}


@require_admin_access
def workflow_action(request, page_id, action_name, task_state_id):
    before = TaskState.objects.filter(pk=task_state_id).values_list("status", flat=True).first()
    response = _wagtail_workflow_action(request, page_id=page_id, action_name=action_name, task_state_id=task_state_id)
    if request.method != "POST" or action_name not in CONFIRMATIONS:
        return response
    after = TaskState.objects.filter(pk=task_state_id).values_list("status", flat=True).first()
    if before == TaskState.STATUS_IN_PROGRESS and after != before:
        title = Page.objects.filter(pk=page_id).values_list("title", flat=True).first() or ""
        messages.success(request, CONFIRMATIONS[action_name](title))
    return response
