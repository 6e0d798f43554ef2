"""Template tags of the admin screens (not loaded by the public site)."""

import json

from django import template

from core import translation_workflow

register = template.Library()


@register.inclusion_tag("core/admin/translation_review_bar.html", takes_context=True)
def translation_review_bar(context, translation):
    request = context["request"]
    return {"csrf_token": context.get("csrf_token"), **translation_workflow.bar_context(translation, request.user)}


@register.filter
def for_translator(props, page_perms):
    """wagtail-localize's editor props without "Convert to alias page" for
    those who may not publish the page (the view refuses them anyway)."""
    if page_perms is None or page_perms.can_publish():
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)
