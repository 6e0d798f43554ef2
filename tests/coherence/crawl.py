"""What an anonymous visitor can reach on the demo site, and what the caches serve of it.

`crawl()` lists and fetches every public URL: each live page of both
languages (from the tree and from the sitemap files), the sub-routes of the
routable pages (feeds, calendars, iCal, vCards), the variants the pages link
to (?page=2, ?topic=, ?year=, ?state=), a search in each language and the
sitemap itself. `served()` fetches URLs as a new anonymous visitor with the
page cache on; `fresh()` renders them from the database with every cache
emptied: what a correct cache must serve.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urljoin, urlsplit
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings
from django.utils.html import escape

from wagtail.models import Page

from bs4 import BeautifulSoup

# Query parameters the site's views understand (links to them are followed).
VIEW_PARAMS = {"page", "topic", "year", "state", "city", "series", "format", "p"}
SEARCHES = ("/de/suche/?q=Beratung", "/en/search/?q=counselling")
FIXED = ("/sitemap.xml", "/de/opensearch.xml", "/en/opensearch.xml")
HTML_LINK = re.compile(r"""(?:href|src)="([^"]+)\"""")
XML_LOC = re.compile(r"<loc>([^<]+)</loc>")


@dataclass
class Fetched:
    url: str
    status: int
    text: str
    x_cache: str | None = None


def clear_caches():
    """As tests/conftest.py does before each test: every cache alias and the
    worker's in-memory copies."""
    import importlib

    for alias in settings.CACHES:
        caches[alias].clear()
    for name in ("core.caching.fragments", "core.caching.page_cache", "core.routing"):
        local = getattr(importlib.import_module(name), "_LOCAL", None)
        if local is not None:
            local.clear()


def local_path(url):
    """'/de/x/?a=1' for 'http://testserver/de/x/?a=1' (any host of the site); None for other sites."""
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https", "webcal"):
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sub_routes(page):
    """Paths of a routable page's sub-routes that take no arguments."""
    if not hasattr(page, "get_subpage_urls"):
        return []
    paths = []
    for route in page.get_subpage_urls():
        pattern = str(route.pattern)
        if not route.name or "<" in pattern or "(" in pattern:
            continue
        paths.append(page.url + page.reverse_subpage(route.name).lstrip("/"))
    return paths


def tree_urls():
    urls = []
    for page in Page.objects.live().filter(depth__gte=2).specific().order_by("path"):
        if page.url is None:
            continue
        urls.append(page.url)
        urls.extend(sub_routes(page))
    return urls


def fetch(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return Fetched(url, response.status_code, body.decode("utf-8", "replace"), response.get("X-Cache"))


def followed_links(fetched, known_paths):
    """Variants of known pages a response links to: ?page=2, ?topic=…, and the sitemap's files and pages."""
    found = []
    base = f"http://testserver{fetched.url}"
    for raw in HTML_LINK.findall(fetched.text) + XML_LOC.findall(fetched.text):
        url = local_path(urljoin(base, raw.replace("&amp;", "&")))
        if url is None or not url.startswith(("/de/", "/en/", "/sitemap")):
            continue
        path, _, query = url.partition("?")
        names = {name for name, _value in parse_qsl(query, keep_blank_values=True)}
        if path.startswith("/sitemap") or (path in known_paths and names <= VIEW_PARAMS):
            found.append(url)
    return found


def crawl(searches=True, only=None, limit=2000):
    """{url: Fetched} of every public URL (page cache off, caches emptied
    first), or of the URLs `only` names (no links followed)."""
    clear_caches()
    client = Client()
    queue = list(only) if only is not None else [*FIXED, *tree_urls(), *(SEARCHES if searches else ())]
    known_paths = set() if only is not None else {url.partition("?")[0] for url in queue}
    seen, result = set(), {}
    with override_settings(PAGE_CACHE_ENABLED=False):
        while queue and len(result) < limit:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            fetched = fetch(client, url)
            if fetched.status != 200:
                continue
            result[url] = fetched
            queue.extend(link for link in followed_links(fetched, known_paths) if link not in seen)
    clear_caches()
    return result


def served(urls):
    """{url: Fetched} as a new anonymous visitor gets them (page cache on)."""
    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=True):
        return {url: fetch(client, url) for url in urls}


def warm(urls):
    """Fill the page cache and the fragment caches with these URLs."""
    served(urls)


def fresh(urls):
    """{url: Fetched} rendered from the database: every cache emptied, page cache off."""
    clear_caches()
    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=False):
        result = {url: fetch(client, url) for url in urls}
    clear_caches()
    return result


def forms(value):
    """The ways a text can appear in a response: as typed, HTML/XML-escaped, in JSON."""
    value = str(value)
    return {
        value,
        escape(value),
        xml_escape(value),
        xml_escape(value, {'"': "&quot;"}),
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
    }


def occurrences(text, value):
    return max(text.count(form) for form in forms(value))


def shows(text, value):
    return any(form in text for form in forms(value))


def visible_text(html):
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


def page_types():
    """{path: model name} of every live page."""
    return {page.url: type(page).__name__ for page in Page.objects.live().filter(depth__gte=2).specific()}


def shape(url, types):
    """What renders a URL: language, page type, sub-route and the names of its query parameters.

    URLs of one shape go through the same template and the same caching;
    '/de/aktuelles/a/' and '/de/aktuelles/b/' share one, '/de/aktuelles/feed/rss/?city=x' another.
    """
    path, _, query = url.partition("?")
    keys = tuple(sorted({name for name, _value in parse_qsl(query, keep_blank_values=True)}))
    owner = max((page_path for page_path in types if path.startswith(page_path)), key=len, default=None)
    if owner is None:
        return (re.sub(r"\d+", "N", path), keys)
    return (path[:4], types[owner], path[len(owner) :], keys)


def one_per_shape(urls, types):
    """The first URL of each shape, in the given order."""
    kept, shapes = [], set()
    for url in urls:
        key = shape(url, types)
        if key not in shapes:
            shapes.add(key)
            kept.append(url)
    return kept
