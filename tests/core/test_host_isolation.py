"""Absolute URLs come from the Wagtail Site's root URL, never from the request.

One request with another Host (an allowed host on another port), or with
X-Forwarded-Host / X-Forwarded-Proto, must not put its host into a page,
feed, calendar, vCard, sitemap, robots.txt or OpenSearch description, neither
its own response nor, through the page cache or the frame cache, anyone
else's.
"""

import json

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from wagtail.models import Site

import feedparser
import pytest
from bs4 import BeautifulSoup

from core.localization import absolute_url
from events.models import EventPage
from members.models import MemberPage
from news.models import NewsPage
from tests.conftest import soup

pytestmark = pytest.mark.django_db

ROOT = "http://testserver"  # BASE_URL in config/settings/test.py
FOREIGN = ("localhost:6666", "evil.example", "https://testserver")

LOCALHOST = {"HTTP_HOST": "localhost:6666"}
FORWARDED = {"HTTP_X_FORWARDED_HOST": "evil.example", "HTTP_X_FORWARDED_PROTO": "https"}
# As behind a proxy in production (SECURE_PROXY_SSL_HEADER), and even where
# X-Forwarded-Host were trusted: the links stay on the Site's root URL.
PROXY_SETTINGS = {"USE_X_FORWARDED_HOST": True, "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}


def urls():
    release = NewsPage.objects.live().first()
    event = EventPage.objects.live().filter(locale__language_code="de").first()
    member = MemberPage.objects.live().filter(locale__language_code="de").first()
    return [
        "/de/",
        "/en/",
        release.url,
        "/de/aktuelles/feed/rss/",
        "/de/aktuelles/feed/atom/",
        "/de/veranstaltungen/",
        "/de/veranstaltungen/feed/rss/",
        "/de/veranstaltungen/calendar/",
        event.url,
        event.url + "ical/",
        member.url,
        member.url + "vcard/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/robots.txt",
        "/de/opensearch.xml",
        "/en/opensearch.xml",
    ]


def assert_on_site_root(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    body = response.content.decode()
    for foreign in FOREIGN:
        assert foreign not in body, f"{url} with {headers} names {foreign}"
    return body


def soup_of(body):
    return BeautifulSoup(body, "html.parser")


def assert_visitor_sees_site_root(client):
    """What an ordinary visitor gets afterwards: links on the Site's root URL."""
    release = NewsPage.objects.live().filter(locale__language_code="de").first()
    page = soup_of(assert_on_site_root(client, release.url))
    assert page.find("link", rel="canonical")["href"] == ROOT + release.url
    assert page.find("meta", property="og:url")["content"] == ROOT + release.url
    og_image = page.find("meta", property="og:image")
    assert og_image is None or og_image["content"].startswith(ROOT + "/")
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert alternates and all(href.startswith(ROOT + "/") for href in alternates.values())
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["url"] == data["mainEntityOfPage"] == ROOT + release.url
    assert data["publisher"]["url"] == ROOT + "/"

    home = soup_of(assert_on_site_root(client, "/de/"))
    assert home.find("link", rel="canonical")["href"] == ROOT + "/de/"

    feed = feedparser.parse(assert_on_site_root(client, "/de/aktuelles/feed/rss/"))
    assert feed.feed.link == ROOT + "/de/aktuelles/"
    assert all(entry.link.startswith(ROOT + "/de/") for entry in feed.entries)
    atom = feedparser.parse(assert_on_site_root(client, "/de/aktuelles/feed/atom/"))
    links = {link.rel: link.href for link in atom.feed.links}
    assert links == {"alternate": ROOT + "/de/aktuelles/", "self": ROOT + "/de/aktuelles/feed/atom/"}
    assert all(entry.link.startswith(ROOT + "/de/") for entry in atom.entries)
    assert all(enclosure.href.startswith(ROOT + "/media/") for entry in atom.entries for enclosure in entry.enclosures)

    calendar = assert_on_site_root(client, "/de/veranstaltungen/calendar/")
    assert f"URL:{ROOT}/de/veranstaltungen/" in calendar
    events = soup_of(assert_on_site_root(client, "/de/veranstaltungen/"))
    assert events.find("a", href="webcal://testserver/de/veranstaltungen/calendar/")

    assert f"Sitemap: {ROOT}/sitemap.xml" in assert_on_site_root(client, "/robots.txt")
    assert f"<loc>{ROOT}/sitemap-pages.xml</loc>" in assert_on_site_root(client, "/sitemap.xml")
    assert f"<loc>{ROOT}/de/</loc>" in assert_on_site_root(client, "/sitemap-pages.xml")
    assert f'template="{ROOT}/de/suche/?q={{searchTerms}}"' in assert_on_site_root(client, "/de/opensearch.xml")


@pytest.mark.parametrize("page_cache", [False, True], ids=["page-cache-off", "page-cache-on"])
@pytest.mark.parametrize(
    "headers", [LOCALHOST, FORWARDED, {**LOCALHOST, **FORWARDED}], ids=["host", "forwarded", "both"]
)
def test_no_request_puts_its_host_into_links(client, page_cache, headers):
    with override_settings(PAGE_CACHE_ENABLED=page_cache, **PROXY_SETTINGS):
        for url in urls():
            body = assert_on_site_root(client, url, **headers)
            assert ROOT + "/" in body, f"{url} has no absolute link on the site's root URL"
            # Asked twice: the second answer may come from the cache.
            assert_on_site_root(client, url, **headers)
        assert_visitor_sees_site_root(client)


@pytest.mark.parametrize("page_cache", [False, True], ids=["page-cache-off", "page-cache-on"])
def test_a_visitor_on_another_host_first_leaves_nothing_behind(client, page_cache):
    """The ordinary visitor comes after the odd request, on the same caches."""
    with override_settings(PAGE_CACHE_ENABLED=page_cache, **PROXY_SETTINGS):
        for url in urls():
            client.get(url, **LOCALHOST, **FORWARDED)
        for url in urls():
            assert_on_site_root(client, url)
        assert_visitor_sees_site_root(client)


def test_absolute_url_keeps_absolute_urls_and_works_without_a_request(rf):
    assert absolute_url(None, "/de/") == ROOT + "/de/"
    request = rf.get("/de/", HTTP_HOST="localhost:6666")
    assert absolute_url(request, "/de/kontakt/") == ROOT + "/de/kontakt/"
    assert absolute_url(request, "https://cdn.example.org/a.jpg") == "https://cdn.example.org/a.jpg"
    assert absolute_url(request, "//cdn.example.org/a.jpg") == "http://cdn.example.org/a.jpg"


def test_configure_site_sets_the_root_url_from_base_url(client):
    call_command("configure_site", base_url="https://www.example.org", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("www.example.org", 443, "https://www.example.org")
    page = soup(client.get("/de/kontakt/"))
    assert page.find("link", rel="canonical")["href"] == "https://www.example.org/de/kontakt/"

    call_command("configure_site", base_url="http://127.0.0.1:8000", verbosity=0)
    site.refresh_from_db()
    assert site.root_url == "http://127.0.0.1:8000"
    with override_settings(BASE_URL="http://testserver"):
        call_command("configure_site", verbosity=0)
    site.refresh_from_db()
    assert site.root_url == ROOT


@pytest.mark.parametrize(
    "base_url",
    [
        "",
        "127.0.0.1:8000",
        "www.example.org",
        "garbage",
        "ftp://example.org",
        "http://",
        "http://exa mple.org",
        "http://example.org:99999",
        "http://example.org:port",
        "https://example.org:8443",
        "http://example.org/site/",
    ],
)
def test_configure_site_refuses_a_wrong_base_url_clearly(base_url):
    with pytest.raises(CommandError, match="BASE_URL"):
        call_command("configure_site", base_url=base_url or " ", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == ROOT
