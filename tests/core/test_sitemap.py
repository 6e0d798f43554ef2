"""Machines: a sitemap index, its files with hreflang alternates, robots.txt, absolute URLs."""

import time
import xml.etree.ElementTree as ET

from wagtail.models import Site

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own response


def sitemap_entries(client, **extra):
    """Every <url> of every file the index at /sitemap.xml names."""
    entries = {}
    for sitemap in xml(client, "/sitemap.xml", **extra).findall("s:sitemap", NS):
        location = sitemap.find("s:loc", NS).text
        path = location.split("://", 1)[1].split("/", 1)[1]
        for url in xml(client, f"/{path}", **extra).findall("s:url", NS):
            loc = url.find("s:loc", NS).text
            entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return entries


def test_sitemap_lists_every_live_page_of_both_languages_with_alternates(client, demo_pages):
    entries = sitemap_entries(client)
    assert len(entries) == len(demo_pages) > 30
    about_de = "http://testserver/de/ueber-das-netzwerk/"
    about_en = "http://testserver/en/about-the-network/"
    assert entries[about_de] == entries[about_en] == {"de": about_de, "en": about_en, "x-default": about_de}
    assert entries["http://testserver/en/"]["x-default"] == "http://testserver/"


def test_sitemap_leaves_out_drafts_and_untranslated_pages_keep_no_alternates(client, home_de):
    draft = StandardPageFactory(parent=home_de, title="Entwurf", slug="entwurf", live=False)
    only_german = StandardPageFactory(parent=home_de, title="Nur Deutsch", slug="nur-deutsch")
    entries = sitemap_entries(client)
    assert not any(draft.slug in loc for loc in entries)
    assert only_german.live
    assert entries["http://testserver/de/nur-deutsch/"] == {}


def test_absolute_urls_follow_the_sites_root_url_not_the_requested_host(client):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8123
    site.save()
    entries = sitemap_entries(client, HTTP_HOST="localhost:6666")
    assert "http://127.0.0.1:8123/de/" in entries
    assert all(loc.startswith("http://127.0.0.1:8123/") for loc in entries)
    page = client.get("/en/contact/", HTTP_HOST="localhost:6666").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8123/en/contact/">' in page
    assert "localhost:6666" not in page


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt", HTTP_HOST="example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    # On the Site's root URL, whatever host the request named.
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "example.org" not in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_query_count_does_not_grow_with_pages(client, home_de, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as few:
        client.get("/sitemap-pages.xml")
    baseline = len(few)
    for n in range(30):
        StandardPageFactory(parent=home_de, slug=f"seite-{n}")
    with django_assert_max_num_queries(baseline):
        client.get("/sitemap-pages.xml")


def test_a_large_site_is_split_into_files_whose_translations_keep_their_alternates(client, demo_pages, monkeypatch):
    from core.sitemaps import MultilingualSitemap

    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    index = xml(client, "/sitemap.xml")
    files = [sitemap.find("s:loc", NS).text for sitemap in index.findall("s:sitemap", NS)]
    assert len(files) == -(-len(demo_pages) // 7) > 2
    assert files[0] == "http://testserver/sitemap-pages.xml" and files[1] == "http://testserver/sitemap-pages.xml?p=2"
    assert index.find("s:sitemap/s:lastmod", NS) is not None
    entries = sitemap_entries(client)
    assert len(entries) == len(demo_pages)
    about_de, about_en = "http://testserver/de/ueber-das-netzwerk/", "http://testserver/en/about-the-network/"
    assert entries[about_de] == entries[about_en] == {"de": about_de, "en": about_en, "x-default": about_de}
    # Every page with a translation names it, wherever the two fell.
    assert all(set(links) == {"de", "en", "x-default"} for loc, links in entries.items() if links)
    assert client.get("/sitemap-pages.xml?p=99").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_files_are_key_ranges_that_keep_every_page_once_as_the_site_grows(
    client, demo_pages, home_de, monkeypatch, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.sitemaps import MultilingualSitemap

    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    files_before = len(xml(client, "/sitemap.xml").findall("s:sitemap", NS))
    # A deep file is one range on the translation key index, not an OFFSET scan.
    with CaptureQueriesContext(connection) as queries:
        deepest = xml(client, f"/sitemap-pages.xml?p={files_before}")
    assert deepest.findall("s:url", NS)
    assert not any("OFFSET" in query["sql"].upper() for query in queries.captured_queries)

    # Pages published after the files were laid out land in one of them,
    # each exactly once, until the layout is renewed.
    for n in range(10):
        StandardPageFactory(parent=home_de, slug=f"neu-{n}", title=f"Neu {n}")
    locations = []
    for sitemap in xml(client, "/sitemap.xml").findall("s:sitemap", NS):
        path = sitemap.find("s:loc", NS).text.split("://", 1)[1].split("/", 1)[1]
        locations += [url.find("s:loc", NS).text for url in xml(client, f"/{path}").findall("s:url", NS)]
    assert len(locations) == len(set(locations)) == len(demo_pages) + 10
    assert {f"http://testserver/de/neu-{n}/" for n in range(10)} <= set(locations)


def test_when_the_files_are_laid_out_anew_the_index_follows_at_once(client, demo_pages, monkeypatch, settings):
    from core.sitemaps import MultilingualSitemap

    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    index = client.get("/sitemap.xml")
    before = ET.fromstring(index.content).findall("s:sitemap", NS)  # noqa: S314 - our own response
    # The page cache keeps the index no longer than its layout.
    layout = MultilingualSitemap(index.wsgi_request).layout()
    assert 0 < layout["expires"] - time.time() <= 24 * 3600
    # A new layout (daily, or here: another file size) without any publish:
    # the next request that is not a page cache hit follows it.
    monkeypatch.setattr(MultilingualSitemap, "limit", 5)
    monkeypatch.setattr(settings, "PAGE_CACHE_ENABLED", False)
    after = xml(client, "/sitemap.xml").findall("s:sitemap", NS)
    assert len(after) == -(-len(demo_pages) // 5) > len(before)
    entries = sitemap_entries(client)  # every file the index names answers 200
    assert len(entries) == len(demo_pages)
