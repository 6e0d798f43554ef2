"""Which pages count as translations of each other, and their URLs.

Only live, public, real translations count: an alias (the German page
mirrored under /en/) or a draft translation is never linked from the
language switcher, hreflang alternates or the sitemap.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, PageViewRestriction, Site


def per_request(request, key, compute):
    """Compute a value once per request; without a request, every time."""
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_localization_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def real_pages(queryset, request=None):
    """Narrow a page queryset to pages a visitor may be sent to: live, not an
    alias, not behind a view restriction (looked up once per request)."""
    restricted = restricted_paths(request)
    queryset = queryset.live().filter(alias_of__isnull=True)
    if restricted:
        exclude = Q()
        for path in restricted:
            exclude |= Q(path__startswith=path)
        queryset = queryset.exclude(exclude)
    return queryset


def restricted_paths(request=None):
    """Tree paths of pages behind a view restriction (password, login, groups)."""
    from core.caching.fragments import frame_cached

    return frame_cached(
        request,
        "restricted_paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        site_wide=True,  # any change of a view restriction purges every page
    )


_LOCALE_IDS = {}
_LOCALE_CODES = {}


def language_of(obj):
    """The language code of a translatable object's locale, without a query
    (locales are read once per process; a locale never changes its code)."""
    code = _LOCALE_CODES.get(obj.locale_id)
    if code is None:
        _LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
        code = _LOCALE_CODES.get(obj.locale_id) or obj.locale.language_code
    return code


def stable_uuid(page):
    """A UUID that stays with a page across edits, moves and renames: its
    translation key and language (feed GUIDs, calendar UIDs)."""
    return uuid.uuid5(page.translation_key, language_of(page))


def active_locale_id(language_code=None):
    """The id of the active language's Locale; remembered per process, since
    a locale, once created, keeps its id."""
    code = language_code or get_language()
    if code not in _LOCALE_IDS:
        locale_id = Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
        if locale_id is None:
            return None
        _LOCALE_IDS[code] = locale_id
    return _LOCALE_IDS[code]


def localized(page, request):
    """The live translation of a page in the active language, else the page itself."""
    locale_id = active_locale_id()
    if page is None or locale_id is None or page.locale_id == locale_id:
        return page
    translation = Page.objects.filter(translation_key=page.translation_key, locale_id=locale_id)
    return real_pages(translation, request).first() or page


def site_root_url(request=None):
    """The configured root URL of the request's Wagtail Site (of the default
    site without a request), e.g. "https://www.example.org": never the
    request's Host, X-Forwarded-Host or X-Forwarded-Proto, so no request can
    put another host into a page, feed or sitemap that others get from a cache."""

    def compute():
        from core.routing import cached_site

        site = cached_site(request) if request is not None else None
        if site is None:
            site = Site.objects.filter(is_default_site=True).first()
        return site.root_url.rstrip("/") if site is not None else ""

    return per_request(request, "root_url", compute)


def absolute_url(request, url):
    """The absolute form of a site URL: the Site's root URL and the path
    (a URL that is already absolute is returned unchanged)."""
    if url is None:  # a page outside every site has no URL
        return None
    url = str(url)
    if url.startswith(("http://", "https://")):
        return url
    root_url = site_root_url(request)
    if url.startswith("//"):  # network-path reference (e.g. a CDN): the site's scheme
        return f"{urlsplit(root_url).scheme or 'https'}:{url}"
    if not url.startswith("/"):
        url = "/" + url
    return root_url + url


def page_url(page, request):
    """A page's absolute URL on the site's configured root URL."""
    return absolute_url(request, page.get_url(request))


def locale_home(request, page=None):
    """The live home page in the visitor's language (falls back to the site root).

    A page of the tree knows its home without a query when it is one.
    """

    def compute():
        if page is not None and page.depth == 2 and page.live and not page.alias_of_id:
            return page
        from core.routing import cached_site, localized_home

        site = cached_site(request) if request is not None else Site.objects.filter(is_default_site=True).first()
        if site is None:
            return None
        return localized_home(site, get_language())

    return per_request(request, "home", compute)


def language_homes(request):
    """{language_code: URL} of each language's live home page."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = real_pages(site.root_page.get_translations(inclusive=True), request).select_related("locale")
    return {p.locale.language_code: page_url(p, request) for p in homes}


def language_versions(page, request):
    """The page's translations and the switcher's targets, in one query.

    Returns (alternates, switcher): alternates maps language code to the URL
    of a real translation of the page; switcher maps each language to that
    translation or, where none exists, to the nearest translated ancestor.
    """
    if page is None:
        homes = language_homes(request)
        return {}, homes
    if page.alias_of_id:
        page = page.alias_of
    ancestors = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
    candidates = (
        real_pages(Page.objects.filter(translation_key__in=ancestors.values("translation_key")), request)
        .select_related("locale")
        .order_by("-depth")
    )
    translations, switcher = {}, {}
    for candidate in candidates:
        code = candidate.locale.language_code
        url = page_url(candidate, request)
        switcher.setdefault(code, url)
        if candidate.translation_key == page.translation_key:
            translations[code] = url
    return translations, switcher


def alternates(page, request):
    """hreflang alternates: every real translation plus x-default.

    x-default points home pages at "/", which redirects by Accept-Language,
    and every other page at its German version.
    """
    by_language, _switcher = cached_versions(page, request)
    if not by_language:
        return []
    links = [{"lang": code, "url": by_language[code]} for code, _name in settings.LANGUAGES if code in by_language]
    if page.depth == 2:
        x_default = absolute_url(request, "/")
    else:
        x_default = by_language.get(settings.LANGUAGE_CODE) or links[0]["url"]
    links.append({"lang": "x-default", "url": x_default})
    return links


def cached_versions(page, request):
    """language_versions, kept until the next publish (the URLs are absolute,
    on the Site's configured root URL, whatever host the request named)."""
    from core.caching.fragments import frame_cached

    key = f"versions:{getattr(page, 'pk', None)}:{get_language()}"
    return frame_cached(request, key, lambda: language_versions(page, request))


def switcher_targets(page, request):
    return cached_versions(page, request)[1]


def keep_in_sync(model, field_names):
    """The fields of `model` that are the same in every language (a postal
    address, a phone number): wagtail-localize copies them from the German
    page instead of offering them for translation. Call from AppConfig.ready."""
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    model.translatable_fields = [
        SynchronizedField(field.field_name) if field.field_name in field_names else field
        for field in get_translatable_fields(model)
    ]


class NeverTranslated:
    """Mixin for page types written in German and never translated: Leichte
    Sprache is German by definition, and a video in Deutsche Gebärdensprache
    has no English version. They are offered to editors below German pages
    only, refuse to be saved elsewhere, are left out when wagtail-localize
    translates a subtree (it calls copy_for_translation; Wagtail validates
    a copy only when it is published, so a draft copy would be left behind),
    and the translation overview does not count them as missing. The
    "Translate" button, which no hook hides for one page type
    (wagtail/wagtail-localize#586), explains instead (core.translation_workflow).
    Set `never_translated_message` to say why, for editors."""

    never_translated_message = _("Pages of this type exist in German only.")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and language_of(parent) == settings.LANGUAGE_CODE

    def clean(self):
        super().clean()
        if self.locale_id and language_of(self) != settings.LANGUAGE_CODE:
            raise ValidationError(self.never_translated_message)

    def copy_for_translation(self, locale, *args, **kwargs):
        if locale.language_code != settings.LANGUAGE_CODE:
            raise ValidationError(self.never_translated_message)
        return super().copy_for_translation(locale, *args, **kwargs)


def never_translated_models():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if issubclass(model, NeverTranslated)]
