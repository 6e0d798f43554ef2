"""Which pages count as translations of each other, and their URLs.

Only live, public, real translations count: an alias (the German page
mirrored under /en/) or a draft translation is never linked from the
language switcher, hreflang alternates or the sitemap.
"""

from django.conf import settings

from wagtail.models import Page, Site


def real_pages(queryset):
    """Narrow a page queryset to pages a visitor may be sent to."""
    return queryset.live().public().filter(alias_of__isnull=True)


def absolute_url(request, url):
    """Absolute URL for the host and port the site is actually served on."""
    return request.build_absolute_uri(url) if request is not None else url


def page_url(page, request):
    return absolute_url(request, page.get_url(request))


def translations_by_language(page, request):
    """{language_code: absolute URL} of the page and its real translations."""
    if page.alias_of_id:
        page = page.alias_of
    pages = real_pages(Page.objects.filter(translation_key=page.translation_key)).select_related("locale")
    return {p.locale.language_code: page_url(p, request) for p in pages}


def language_homes(request):
    """{language_code: URL} of each language's live home page."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = real_pages(site.root_page.get_translations(inclusive=True)).select_related("locale")
    return {p.locale.language_code: page_url(p, request) for p in homes}


def switcher_targets(page, request):
    """{language_code: URL} for the language switcher.

    The translation of the page itself, or where none exists the nearest
    translated ancestor (in the end that language's home page).
    """
    if page is None:
        return language_homes(request)
    if page.alias_of_id:
        page = page.alias_of
    ancestors = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
    candidates = (
        real_pages(Page.objects.filter(translation_key__in=ancestors.values("translation_key")))
        .select_related("locale")
        .order_by("-depth")
    )
    targets = {}
    for candidate in candidates:
        targets.setdefault(candidate.locale.language_code, page_url(candidate, request))
    return targets


def alternates(page, request):
    """hreflang alternates: every real translation plus x-default.

    x-default points home pages at "/", which redirects by Accept-Language,
    and every other page at its German version.
    """
    by_language = translations_by_language(page, request)
    if not by_language:
        return []
    links = [{"lang": code, "url": by_language[code]} for code, _name in settings.LANGUAGES if code in by_language]
    if page.depth == 2:
        x_default = absolute_url(request, "/")
    else:
        x_default = by_language.get(settings.LANGUAGE_CODE) or links[0]["url"]
    links.append({"lang": "x-default", "url": x_default})
    return links
