"""Machines: a sitemap index, its files with hreflang alternates and lastmod, robots.txt, absolute URLs.

Most tests take the demo's pages off the site (`small_site`) and build the
few pages they count, so that the number of pages, files and alternates is
the test's own; one sweeps the whole demo site on purpose."""

import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from django.db import transaction

from wagtail.models import Page, PageViewRestriction, Site

import pytest
import time_machine

from tests.factories import StandardPageFactory, translate, without_the_demo_pages

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOME_DE, HOME_EN = "http://testserver/de/", "http://testserver/en/"


def xml(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own response


def sitemap_urls(client, **extra):
    """Every <url> element of every file the index at /sitemap.xml names, in order."""
    urls = []
    for sitemap in xml(client, "/sitemap.xml", **extra).findall("s:sitemap", NS):
        location = sitemap.find("s:loc", NS).text
        path = location.split("://", 1)[1].split("/", 1)[1]
        urls += xml(client, f"/{path}", **extra).findall("s:url", NS)
    return urls


def sitemap_entries(client, **extra):
    """{location: {hreflang: alternate location}} of every <url> of the sitemap."""
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in sitemap_urls(client, **extra)
    }


@pytest.fixture
def small_site(home_de, home_en):
    """The site with nothing but its two home pages (a translated pair): every
    page below them taken off it, for a test that builds the pages it counts."""
    return without_the_demo_pages(home_de, home_en)


def build_pages(home_de, german_only, translated):
    """`german_only` German pages and `translated` German pages with an
    English translation; their absolute URLs."""
    locations = []
    for n in range(german_only):
        page = StandardPageFactory(parent=home_de, title=f"Nur Deutsch {n}", slug=f"nur-deutsch-{n}")
        locations.append(f"http://testserver/de/{page.slug}/")
    for n in range(translated):
        page = StandardPageFactory(parent=home_de, title=f"Übersetzt {n}", slug=f"uebersetzt-{n}")
        translate(page, "en", title=f"Translated {n}", slug=f"translated-{n}")
        locations += [f"http://testserver/de/uebersetzt-{n}/", f"http://testserver/en/translated-{n}/"]
    return locations


def test_every_live_page_of_the_demo_site_is_in_the_sitemap_once(client, demo_pages):
    # A sweep of the whole demo site on purpose: whatever the demo holds, every
    # live page of both languages is listed, and nothing else.
    locations = [url.find("s:loc", NS).text for url in sitemap_urls(client)]
    assert len(locations) == len(set(locations)) == len(demo_pages) > 30
    assert set(locations) == {page.get_full_url() for page in demo_pages}


def test_a_page_and_its_translation_name_each_other_as_alternates(client, small_site):
    home_de, _home_en = small_site
    about_de = StandardPageFactory(parent=home_de, title="Über uns", slug="ueber-uns")
    translate(about_de, "en", title="About us", slug="about-us")
    entries = sitemap_entries(client)
    about_de, about_en = "http://testserver/de/ueber-uns/", "http://testserver/en/about-us/"
    assert set(entries) == {HOME_DE, HOME_EN, about_de, about_en}
    # The German page is the default for a language the site does not have.
    assert entries[about_de] == entries[about_en] == {"de": about_de, "en": about_en, "x-default": about_de}
    # The homes' default is the root, which sends a visitor to their language.
    assert entries[HOME_DE] == entries[HOME_EN] == {"de": HOME_DE, "en": HOME_EN, "x-default": "http://testserver/"}


def test_sitemap_leaves_out_drafts_and_private_pages_and_untranslated_pages_keep_no_alternates(client, small_site):
    home_de, _home_en = small_site
    draft = StandardPageFactory(parent=home_de, title="Entwurf", slug="entwurf", live=False)
    private = StandardPageFactory(parent=home_de, title="Intern", slug="intern")
    StandardPageFactory(parent=private, title="Intern darunter", slug="intern-darunter")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    only_german = StandardPageFactory(parent=home_de, title="Nur Deutsch", slug="nur-deutsch")
    english_draft = StandardPageFactory(parent=home_de, title="Englisch im Entwurf", slug="englisch-im-entwurf")
    translate(english_draft, "en", title="English in draft", slug="english-in-draft").unpublish()
    entries = sitemap_entries(client)
    assert not draft.live
    assert set(entries) == {  # neither the draft nor the private pages
        HOME_DE,
        HOME_EN,
        "http://testserver/de/nur-deutsch/",
        "http://testserver/de/englisch-im-entwurf/",
    }
    assert only_german.live
    assert entries["http://testserver/de/nur-deutsch/"] == {}
    # A translation not (or no longer) published is no alternate.
    assert entries["http://testserver/de/englisch-im-entwurf/"] == {}


def test_each_page_says_when_it_was_last_published_and_the_index_the_latest(client, small_site):
    home_de, home_en = small_site
    Page.objects.filter(pk__in=[home_de.pk, home_en.pk]).update(last_published_at=datetime(2024, 1, 1, 12, tzinfo=UTC))
    # Published as an editor publishes (a revision, stamped with the time):
    # the factory alone would leave the pages without a publishing date.
    with time_machine.travel(datetime(2024, 5, 6, 12, tzinfo=UTC), tick=False):
        StandardPageFactory(parent=home_de, title="Älter", slug="aelter").save_revision().publish()
    with time_machine.travel(datetime(2025, 2, 3, 12, tzinfo=UTC), tick=False):
        newer = StandardPageFactory(parent=home_de, title="Neuer", slug="neuer")
        newer.save_revision().publish()
    with time_machine.travel(datetime(2025, 2, 4, 12, tzinfo=UTC), tick=False):
        translate(newer, "en", title="Newer", slug="newer")
    lastmods = {url.find("s:loc", NS).text: url.find("s:lastmod", NS).text for url in sitemap_urls(client)}
    assert lastmods == {
        HOME_DE: "2024-01-01",
        HOME_EN: "2024-01-01",
        "http://testserver/de/aelter/": "2024-05-06",
        "http://testserver/de/neuer/": "2025-02-03",
        "http://testserver/en/newer/": "2025-02-04",  # each translation its own
    }
    index_lastmod = xml(client, "/sitemap.xml").find("s:sitemap/s:lastmod", NS).text
    assert index_lastmod == "2025-02-04T13:00:00+01:00"  # the latest of all, in the site's time zone


def test_absolute_urls_follow_the_sites_root_url_not_the_requested_host(client, small_site):
    home_de, _home_en = small_site
    contact = StandardPageFactory(parent=home_de, title="Kontakt", slug="kontakt")
    translate(contact, "en", title="Contact", slug="contact")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8123
    site.save()
    entries = sitemap_entries(client, HTTP_HOST="localhost:6666")
    assert set(entries) == {f"http://127.0.0.1:8123/{path}" for path in ("de/", "en/", "de/kontakt/", "en/contact/")}
    assert all(href.startswith("http://127.0.0.1:8123/") for links in entries.values() for href in links.values())
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


def test_sitemap_query_count_does_not_grow_with_pages(client, small_site, django_assert_max_num_queries):
    home_de, _home_en = small_site
    StandardPageFactory(parent=home_de, slug="seite-0")
    with django_assert_max_num_queries(12) as few:
        urls = xml(client, "/sitemap-pages.xml").findall("s:url", NS)
    assert len(urls) == 3  # the two homes and the page
    baseline = len(few)

    @transaction.atomic  # as one import would: one purge at the end
    def grow():
        for n in range(1, 100):
            StandardPageFactory(parent=home_de, slug=f"seite-{n}")

    grow()
    with django_assert_max_num_queries(baseline):
        urls = xml(client, "/sitemap-pages.xml").findall("s:url", NS)
    assert len(urls) == 102


def test_a_large_site_is_split_into_files_whose_translations_keep_their_alternates(client, small_site, monkeypatch):
    from core.sitemaps import MultilingualSitemap

    home_de, _home_en = small_site
    # 2 homes + 3 German pages + 5 translated pairs: 15 pages, 7 to a file.
    locations = [HOME_DE, HOME_EN, *build_pages(home_de, german_only=3, translated=5)]
    assert len(locations) == 15
    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    index = xml(client, "/sitemap.xml")
    files = [sitemap.find("s:loc", NS).text for sitemap in index.findall("s:sitemap", NS)]
    assert files == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    assert index.find("s:sitemap/s:lastmod", NS) is not None
    entries = sitemap_entries(client)
    assert set(entries) == set(locations)
    de, en = "http://testserver/de/uebersetzt-0/", "http://testserver/en/translated-0/"
    assert entries[de] == entries[en] == {"de": de, "en": en, "x-default": de}
    # Every page with a translation names it, wherever the two fell; the others none.
    assert sorted(loc for loc, links in entries.items() if links) == sorted(
        [HOME_DE, HOME_EN, *(loc for loc in locations if "/uebersetzt-" in loc or "/translated-" in loc)]
    )
    assert all(set(links) == {"de", "en", "x-default"} for links in entries.values() if links)
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_files_are_key_ranges_that_keep_every_page_once_as_the_site_grows(client, small_site, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.sitemaps import MultilingualSitemap

    home_de, _home_en = small_site
    build_pages(home_de, german_only=3, translated=5)  # 15 pages with the homes: 3 files of 7
    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    files_before = len(xml(client, "/sitemap.xml").findall("s:sitemap", NS))
    assert files_before == 3
    # A deep file is one range on the translation key index, not an OFFSET scan.
    with CaptureQueriesContext(connection) as queries:
        deepest = xml(client, f"/sitemap-pages.xml?p={files_before}")
    assert deepest.findall("s:url", NS)
    assert not any("OFFSET" in query["sql"].upper() for query in queries.captured_queries)

    # Pages published after the files were laid out land in one of them,
    # each exactly once, until the layout is renewed.
    for n in range(10):
        StandardPageFactory(parent=home_de, slug=f"neu-{n}", title=f"Neu {n}")
    assert len(xml(client, "/sitemap.xml").findall("s:sitemap", NS)) == files_before
    locations = [url.find("s:loc", NS).text for url in sitemap_urls(client)]
    assert len(locations) == len(set(locations)) == 15 + 10
    assert {f"http://testserver/de/neu-{n}/" for n in range(10)} <= set(locations)


def test_when_the_files_are_laid_out_anew_the_index_follows_at_once(client, small_site, monkeypatch, settings):
    from core.sitemaps import MultilingualSitemap

    home_de, _home_en = small_site
    locations = [HOME_DE, HOME_EN, *build_pages(home_de, german_only=3, translated=5)]  # 15 pages
    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    index = client.get("/sitemap.xml")
    before = ET.fromstring(index.content).findall("s:sitemap", NS)  # noqa: S314 - our own response
    assert len(before) == 3
    # The page cache keeps the index no longer than its layout.
    layout = MultilingualSitemap(index.wsgi_request).layout()
    assert 0 < layout["expires"] - time.time() <= 24 * 3600
    # A new layout (daily, or here: another file size) without any publish:
    # the next request that is not a page cache hit follows it.
    monkeypatch.setattr(MultilingualSitemap, "limit", 4)
    monkeypatch.setattr(settings, "PAGE_CACHE_ENABLED", False)
    after = xml(client, "/sitemap.xml").findall("s:sitemap", NS)
    assert len(after) == 4  # 15 pages, 4 to a file
    entries = sitemap_entries(client)  # every file the index names answers 200
    assert set(entries) == set(locations)
