"""Template tags for the site-wide layout: navigation, languages, footer."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Page, Site

from core import localization

register = template.Library()


def _cached(context, key, compute):
    """Compute a value once per request (header and <head> both need it)."""
    request = context.get("request")
    cache = getattr(request, "_core_tags_cache", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._core_tags_cache = cache
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _home(context):
    def compute():
        request = context.get("request")
        site = Site.find_for_request(request) if request else None
        if site is None:
            return None
        return site.root_page.localized

    return _cached(context, "home", compute)


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page=None):
    """<link rel="alternate" hreflang> targets for the current page."""
    request = context.get("request")
    if page is None or not isinstance(page, Page):
        return []
    return _cached(context, ("alternates", page.pk), lambda: localization.alternates(page, request))


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context.get("request")
    page = page if isinstance(page, Page) else None
    targets = _cached(
        context, ("switcher", getattr(page, "pk", None)), lambda: localization.switcher_targets(page, request)
    )
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = targets.get(code) or f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, page=None):
    home = _home(context)
    if home is None:
        return {"items": [], "home": None}
    items = list(localization.real_pages(home.get_children()).in_menu().specific(defer=True))
    current_path = getattr(page, "path", "")
    for item in items:
        item.is_current = current_path == item.path
        item.is_ancestor = current_path.startswith(item.path) and not item.is_current
    return {"items": items, "home": home, "request": context.get("request")}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = list(Page.objects.ancestor_of(page).filter(depth__gte=2).live())
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context, site_settings):
    """The fixed footer links (contact, imprint, privacy, accessibility) in the visitor's language."""
    ids = site_settings.footer_page_ids
    if not ids:
        return {"links": []}
    language = get_language()
    sources = Page.objects.filter(pk__in=ids).only("translation_key")
    keys = {p.pk: p.translation_key for p in sources}
    localized = {
        p.translation_key: p
        for p in localization.real_pages(
            Page.objects.filter(translation_key__in=keys.values(), locale__language_code=language)
        )
    }
    links = [localized[keys[pk]] for pk in ids if pk in keys and keys[pk] in localized]
    return {"links": links, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return localization.absolute_url(context.get("request"), url)


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    request = context.get("request")
    if page.alias_of_id:
        page = page.alias_of
    return localization.page_url(page, request)


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page in the visitor's language."""
    return _home(context)


OG_LOCALES = {"de": "de_DE", "en": "en_GB"}


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)
