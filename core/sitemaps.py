"""The sitemap: every live page of every language, with hreflang alternates.

/sitemap.xml is a sitemap index; the pages are listed in /sitemap-pages.xml,
1,000 to a file (?p=2, …): a site that publishes for years stays within the
protocol's 50,000 URLs and 50 MB per file, and each file is quick to build.
"""

import time
import uuid
from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.paginator import Paginator
from django.db.models import Max
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import index as wagtail_index
from wagtail.models import Page

from core.caching.fragments import cache_key, shared_cache
from core.localization import absolute_url, language_of, page_url, real_pages

FILES_SECONDS = 24 * 3600

ROW_FIELDS = (
    "pk",
    "translation_key",
    "locale_id",
    "url_path",
    "depth",
    "last_published_at",
    "latest_revision_created_at",
)


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers only the site's root tree (German); this one
    lists every language tree and groups translations by translation_key so
    each <url> carries its xhtml:link alternates (in two queries per file,
    however large the site and deep the file)."""

    limit = 1000

    def items(self):
        site = self.get_wagtail_site()
        roots = real_pages(site.root_page.get_translations(inclusive=True))
        pages = Page.objects.none()
        for root in roots:
            pages = pages | root.get_descendants(inclusive=True)
        # Translations next to each other, so that most fall in the same file;
        # plain rows (a thousand page objects would take longer than the rest).
        return real_pages(pages).order_by("translation_key", "locale_id", "pk").values_list(*ROW_FIELDS, named=True)

    def get_latest_lastmod(self):
        # Django would call lastmod() on every page of the site for the index.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def layout(self):
        """How the pages are split into files: {"id", "bounds", "expires"}.

        `bounds` holds the first translation key of each file after the
        first. A file lists the pages whose key falls between two bounds, so
        that every file is one query on the (translation key, locale) index
        however deep it is, and a page and its translations share a file.
        Laid out every FILES_SECONDS from `limit` pages apart: pages added or
        removed since then make the files a little longer or shorter, never
        leave a page out. The index and the files are kept under the layout's
        `id` and no longer than it (core/views.py), so an index never names
        a file of another layout.
        """
        key = cache_key("sitemap-files", self.limit, site=self.get_wagtail_site())
        layout = shared_cache.get(key)
        if layout is None:
            keys = self.items().values_list("translation_key", flat=True)
            layout = {
                "id": uuid.uuid4().hex[:10],
                "bounds": list(dict.fromkeys(str(k) for k in keys[self.limit :: self.limit])),
                "expires": time.time() + FILES_SECONDS,
            }
            shared_cache.set(key, layout, FILES_SECONDS)
        return layout

    def boundaries(self):
        return self.layout()["bounds"]

    @property
    def paginator(self):
        # One item per file: the index asks for the number of files; a file
        # for its (validated) number.
        return Paginator(range(len(self.boundaries()) + 1), 1)

    def _urls(self, page, protocol, domain):
        number = self.paginator.page(page).number
        bounds = self.boundaries()
        items = self.items()
        if number > 1:
            items = items.filter(translation_key__gte=bounds[number - 2])
        if number <= len(bounds):
            items = items.filter(translation_key__lt=bounds[number - 1])
        items = list(items)
        if not items:
            return []
        locate = self.locator()
        groups = defaultdict(dict)
        for item in items:
            groups[item.translation_key][language_of(item)] = locate(item)
        order = [code for code, _name in settings.LANGUAGES]
        urls = []
        for item in items:
            group = groups[item.translation_key]
            location = group.get(language_of(item)) or locate(item)
            alternates = []
            if len(group) > 1:
                alternates = [{"lang_code": code, "location": group[code]} for code in order if code in group]
                x_default = group.get(settings.LANGUAGE_CODE, alternates[0]["location"])
                if item.depth == 2:
                    x_default = absolute_url(self.request, "/")
                alternates.append({"lang_code": "x-default", "location": x_default})
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append({"xml": url_element(location, lastmod, alternates), "lastmod": lastmod})
        lastmods = [u["lastmod"] for u in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def locator(self):
        """A page's absolute URL without asking Wagtail for each of a
        thousand pages: the language prefix of its home page and the rest
        of its url_path (pages outside the language trees: page_url)."""
        site = self.get_wagtail_site()
        homes = {
            home.url_path: page_url(home, self.request)
            for home in real_pages(site.root_page.get_translations(inclusive=True))
        }

        def locate(page):
            for home_path, home_url in homes.items():
                if page.url_path.startswith(home_path):
                    return home_url + page.url_path[len(home_path) :]
            return page_url(Page.objects.get(pk=page.pk), self.request)

        return locate


def url_element(location, lastmod, alternates):
    """One <url> of the sitemap, as Django's sitemap template writes it."""
    parts = [f"<url><loc>{escape(location)}</loc>"]
    if lastmod:
        parts.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
    for alternate in alternates:
        parts.append(
            f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
            f'href="{escape(alternate["location"])}"/>'
        )
    parts.append("</url>")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above


def index(request, sitemaps, **kwargs):
    """Wagtail's sitemap index view with each file's URL on the Site's root
    URL: Django builds them from the request's scheme and Host header."""
    response = wagtail_index(request, sitemaps, **kwargs)
    items = []
    for item in response.context_data["sitemaps"]:
        parts = urlsplit(item.location)
        location = absolute_url(request, parts.path) + (f"?{parts.query}" if parts.query else "")
        items.append(SitemapIndexItem(location, item.last_mod))
    response.context_data["sitemaps"] = items
    return response
