"""The header's links to Leichte Sprache and Gebärdensprache, and the
language switcher of a page in Leichte Sprache."""

from django import template
from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language

from core.localization import real_pages
from easyread.blocks import split_lines

register = template.Library()

# The sections the header links to, found by page type in the German tree
# (their pages are German, whatever the visitor's language). The
# sign-language section is another app's: named by label, linked only
# where that app is installed and its section is live.
SECTIONS = (("easy_read", "easyread.EasyReadIndexPage"), ("sign_language", "signlanguage.SignLanguageIndexPage"))


def section_urls(request):
    """{key: URL} of each live section of the German tree of the request's site."""
    from core.routing import cached_site, localized_home

    site = cached_site(request) if request is not None else None
    if site is None:
        return {}
    home = localized_home(site, settings.LANGUAGE_CODE, request)
    urls = {}
    for key, label in SECTIONS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        section = real_pages(model.objects.child_of(home), request).first()
        if section is not None:
            urls[key] = section.get_url(request)
    return urls


@register.inclusion_tag("easyread/includes/header_links.html", takes_context=True)
def accessible_language_links(context):
    """Links to Leichte Sprache and Gebärdensprache for the header of every
    page. base.html keeps the result in a site-wide fragment: publishing or
    unpublishing a section (a main section) purges every page."""
    request = context.get("request")
    return {"urls": section_urls(request), "in_german": get_language() == settings.LANGUAGE_CODE}


@register.inclusion_tag("easyread/includes/language_switcher.html", takes_context=True)
def easy_read_switcher(context, page):
    """The language switcher of a page in Leichte Sprache: the page itself
    (current), the standard German page on its topic and that page's English
    translation (core's switcher would offer translations, which these pages
    never have)."""
    names = dict(settings.LANGUAGES)
    links = [
        {"code": code, "name": names[code], "url": url} for code, url in page.switcher_targets(context.get("request"))
    ]
    return {"page": page, "links": links}


@register.filter
def easy_read_lines(text):
    """The sentences of a Leichte Sprache text, one a line."""
    return split_lines(text)
