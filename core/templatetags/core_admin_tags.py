"""Template tags of the admin screens (not loaded by the public site)."""

from django import template

from core import translation_workflow

register = template.Library()


@register.inclusion_tag("core/admin/translation_review_bar.html", takes_context=True)
def translation_review_bar(context, translation):
    request = context["request"]
    return {"csrf_token": context.get("csrf_token"), **translation_workflow.bar_context(translation, request.user)}
