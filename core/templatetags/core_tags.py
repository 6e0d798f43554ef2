"""Template tags for the site-wide layout: navigation, languages, footer."""

import hashlib
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext

from wagtail.models import Page

from core import localization, relations
from core.caching.fragments import frame_cached
from core.caching.fragments import site_settings as cached_site_settings

register = template.Library()


class FrameFragmentNode(template.Node):
    def __init__(self, name, vary_on, nodelist, timeout=3600, site_wide=False):
        self.name, self.vary_on, self.nodelist, self.timeout = name, vary_on, nodelist, timeout
        self.site_wide = site_wide

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        vary = ":".join(str(variable.resolve(context)) for variable in self.vary_on)
        key = f"html:{self.name}:{vary}"

        def render():
            return mark_safe(self.nodelist.render(context))  # noqa: S308 - our autoescaped template

        return frame_cached(request, key, render, self.timeout, site_wide=self.site_wide)


@register.tag
def frame_fragment(parser, token):
    """{% frame_fragment "name" var … %}…{% endframe_fragment %}: a part of a
    page rendered once per generation, site, language and the values given,
    and kept as HTML (docs/developers/caching.md). Any change a visitor could
    see starts a new generation; previews always render afresh. Wagtail's
    {% wagtailcache %} would need the generation passed in by hand at every
    use and would read the shared cache each time; this shares
    frame_cached()'s keys, per-request memo and in-worker copy. A fragment
    that shows the time (an event that has ended, a registration deadline)
    ends with `timeout=60`: the page showing it is cached no longer. The
    header and footer, which show only settings and main sections, end with
    `site_wide`: kept until every page is purged (core.caching.fragments.frame_cached)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("frame_fragment needs a name")
    timeout, site_wide = 3600, False
    if bits[-1] == "site_wide":
        site_wide = bool(bits.pop())
    if bits[-1].startswith("timeout="):
        timeout = int(bits.pop()[len("timeout=") :])
    nodelist = parser.parse(("endframe_fragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return FrameFragmentNode(bits[1].strip("\"'"), vary_on, nodelist, timeout, site_wide)


@register.simple_tag(takes_context=True)
def stream_field(context, page, field="body"):
    """A page's StreamField rendered as `{% include_block %}` would, kept as
    HTML once per generation: publishing the page, or saving a page, image,
    document or snippet its blocks show, starts a new one. Previews render
    afresh."""
    request = context.get("request")

    def render():
        html = render_to_string("components/stream_field.html", {"value": getattr(page, field), "page": page}, request)
        return mark_safe(html)  # noqa: S308 - rendered by our templates with autoescaping

    if request is None:
        return render()
    return frame_cached(request, f"stream:{page.pk}:{page.live_revision_id}:{field}:{get_language()}", render)


@register.filter
def pk_list(items):
    """A short fingerprint of which items a list shows, in order: the key of
    a cached list fragment, so that it changes with the list."""
    pks = getattr(items, "pks", None)
    if pks is None:
        pks = [getattr(item, "pk", item) for item in items]
    ids = ",".join(str(pk) for pk in pks)
    return hashlib.md5(ids.encode(), usedforsecurity=False).hexdigest()


@register.simple_tag
def menu_state(page=None):
    """What of the main menu depends on the page: which entry is the current
    page or its section (the fragment key of the cached menu)."""
    path = getattr(page, "path", "")
    if not path:
        return "none"
    return path[: 3 * Page.steplen] + (":in" if len(path) > 3 * Page.steplen else ":at")


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page=None):
    """<link rel="alternate" hreflang> targets for the current page."""
    if not isinstance(page, Page):
        return []
    suffix = context.get("route_suffix", "")
    return [
        # x-default of a home page is "/", which chooses the language.
        {**alternate, "url": alternate["url"] + suffix} if suffix and page.depth > 2 else alternate
        for alternate in localization.alternates(page, context.get("request"))
    ]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None, targets=None):
    """Links to the page in each language; views outside the page tree (the
    search) pass their own targets, {language code: URL}."""
    page = page if isinstance(page, Page) else None
    if targets is None:
        targets = localization.switcher_targets(page, context.get("request"))
        suffix = context.get("route_suffix", "")
        if suffix and page is not None:
            targets = {code: url + suffix for code, url in targets.items() if url}
    current = get_language()
    links = [
        {"code": code, "name": name, "url": targets.get(code) or f"/{code}/", "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    return {"links": links}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, page=None):
    request = context.get("request")
    home = localization.locale_home(request, page if isinstance(page, Page) else None)
    if home is None:
        return {"items": [], "home": None}
    items = frame_cached(
        request,
        f"menu:{home.pk}",
        lambda: list(localization.real_pages(home.get_children(), request).in_menu()),
        site_wide=True,  # the main sections: publishing one purges every page
    )
    current_path = getattr(page, "path", "")
    for item in items:
        item.is_current = current_path == item.path
        item.is_ancestor = current_path.startswith(item.path) and not item.is_current
    return {"items": items, "home": home, "is_home": current_path == home.path, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    # The same for every child of a parent: cached per parent.
    parent_path = page.path[: -Page.steplen]
    ancestors = frame_cached(
        context.get("request"),
        f"crumbs:{parent_path}",
        lambda: list(Page.objects.ancestor_of(page).filter(depth__gte=2).live()),
    )
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


# A page's translation key never changes, so it can be remembered per process.
_TRANSLATION_KEYS = {}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context, site_settings):
    """The fixed footer links (contact, imprint, privacy, accessibility) in the visitor's language."""
    request = context.get("request")
    ids = site_settings.footer_page_ids
    key = "-".join(str(pk) for pk in ids)
    # A page the settings name purges every page when it changes (core.caching.purge),
    # and so does the press list's page (shown_on_every_page).
    links = frame_cached(request, f"footer:{get_language()}:{key}", lambda: _footer_pages(ids, request), site_wide=True)
    return {"links": links, "press_list": press_list_page(request), "request": request}


@register.simple_tag(takes_context=True, name="press_list_page")
def press_list_page_tag(context):
    return press_list_page(context.get("request"))


def press_list_page(request):
    """The press list's sign-up page in the visitor's language, or None."""
    from press.models import PressListPage

    def load():
        pages = PressListPage.objects.filter(locale__language_code=get_language())
        return localization.real_pages(pages, request).first()

    return frame_cached(request, f"press-list:{get_language()}", load, site_wide=True)


def _footer_pages(ids, request):
    if not ids:
        return []
    missing = [pk for pk in ids if pk not in _TRANSLATION_KEYS]
    if missing:
        _TRANSLATION_KEYS.update(Page.objects.filter(pk__in=missing).values_list("pk", "translation_key"))
    source_keys = {pk: _TRANSLATION_KEYS[pk] for pk in ids if pk in _TRANSLATION_KEYS}
    pages = localization.real_pages(
        Page.objects.filter(translation_key__in=source_keys.values(), locale__language_code=get_language()), request
    )
    by_key = {p.translation_key: p for p in pages}
    return [by_key[source_keys[pk]] for pk in ids if source_keys.get(pk) in by_key]


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page in the visitor's language."""
    page = context.get("page")
    return localization.locale_home(context.get("request"), page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """The visitor's-language version of a page chosen in a block."""
    return localization.localized(page, context.get("request"))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return localization.absolute_url(context.get("request"), url)


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's own URL (an alias points at its original), with the
    sub-route a routable page serves (`route_suffix`, e.g. "past/")."""
    if page.alias_of_id:
        page = page.alias_of
    return localization.page_url(page, context.get("request")) + context.get("route_suffix", "")


OG_LOCALES = {"de": "de_DE", "en": "en_GB"}


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


@register.filter
def json_ld(data):
    """Serialise structured data for a <script type="application/ld+json"> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Content must never be able to close the script element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def funding_notice(context, notice=None, notice_id=None):
    """A funding notice (snippet) in the visitor's language, rendered once per
    frame generation (it sits in every page's footer)."""
    source_id = notice.pk if notice is not None else notice_id
    if source_id is None:
        return ""
    request = context.get("request")

    def render():
        notice = _localized_notice(source_id)
        html = render_to_string("components/funding_notice.html", {"notice": notice}, request=request)
        return mark_safe(html)  # noqa: S308 - rendered by our template with autoescaping

    return frame_cached(request, f"funding:{get_language()}:{source_id}", render)


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site settings, from the frame cache instead of a query per page."""
    return cached_site_settings(context.get("request"))


def _localized_notice(source_id):
    FundingNotice = relations.model(relations.FUNDING_NOTICE)
    same_notice = FundingNotice.objects.filter(pk=source_id).values("translation_key")
    candidates = FundingNotice.objects.filter(translation_key__in=same_notice).select_related("logo")
    by_locale = {candidate.locale_id: candidate for candidate in candidates}
    source = next((candidate for candidate in by_locale.values() if candidate.pk == source_id), None)
    return by_locale.get(localization.active_locale_id()) or source


@register.filter
def credit_line(credit, image=None):
    """A credit as readers see it: "Foto: Name" (photos) or "Grafik: Name"
    (graphics), the word in the page's language. A "Foto:" typed into the
    credit itself is not repeated."""
    from core.models import credit_name

    name = credit_name(credit)
    if not name:
        return ""
    # Outside the f-string, so that makemessages finds the words.
    if getattr(image, "kind", "photo") == "graphic":
        word = pgettext("credit line", "Graphic")
    else:
        word = pgettext("credit line", "Photo")
    return f"{word}: {name}"
