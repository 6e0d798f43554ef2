"""Machines: sitemap.xml with hreflang alternates, robots.txt, absolute URLs."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client, **extra):
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    entries = {}
    for url in root.findall("s:url", NS):
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


def test_absolute_urls_follow_the_host_and_port_the_site_is_served_on(client):
    entries = sitemap_entries(client, HTTP_HOST="127.0.0.1:8123")
    assert "http://127.0.0.1:8123/de/" in entries
    page = client.get("/en/contact/", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8123/en/contact/">' in page


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt", HTTP_HOST="example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://example.org/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_query_count_does_not_grow_with_pages(client, home_de, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as few:
        client.get("/sitemap.xml")
    baseline = len(few)
    for n in range(30):
        StandardPageFactory(parent=home_de, slug=f"seite-{n}")
    with django_assert_max_num_queries(baseline):
        client.get("/sitemap.xml")
