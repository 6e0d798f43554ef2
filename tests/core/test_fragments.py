"""Fragments rendered once per frame generation show every publish at once.

The frame (menu, footer), StreamField bodies, release/member/partner content
and listing cards are kept as HTML until something is published
(core/caching/fragments.py, core_tags.frame_fragment); these tests change content the
way editors do and look at the next request, with the page cache off.
"""

import json

from wagtail.models import Page

import pytest

from home.models import StandardPage
from news.models import NewsIndexPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()


def test_a_renamed_section_shows_in_every_pages_menu_at_once(client, demo_pages, german):
    section = NewsIndexPage.objects.get(locale=german)
    about = StandardPage.objects.filter(locale=german).first()
    assert section.title in client.get(about.url).content.decode()  # menu now cached
    section.title = "Pressemitteilungen des Netzwerks"
    publish(section)
    html = client.get(about.url).content.decode()
    assert ">Pressemitteilungen des Netzwerks</a>" in html


def test_the_menu_marks_the_section_of_the_page_shown(client, demo_pages, german):
    section = NewsIndexPage.objects.get(locale=german)
    release = section.get_children().live().first()
    client.get(section.url)  # the menu with the section current is cached first
    html = client.get(release.url).content.decode()
    assert f'<a href="{section.url}" class="is-ancestor">' in html
    assert f'<a href="{section.url}" aria-current="page">' in client.get(section.url).content.decode()


def test_a_published_body_replaces_the_cached_one(client, demo_pages, german):
    about = StandardPage.objects.filter(locale=german).first()
    client.get(about.url)
    about.body = json.dumps([{"type": "paragraph", "value": "<p>Neuer Absatz nach der Sitzung.</p>"}])
    publish(about)
    assert "Neuer Absatz nach der Sitzung." in client.get(about.url).content.decode()


def test_a_preview_shows_the_draft_while_the_live_page_stays_cached(admin_client, client, demo_pages, german):
    about = StandardPage.objects.filter(locale=german).first()
    live = client.get(about.url).content.decode()
    about.body = json.dumps([{"type": "paragraph", "value": "<p>Entwurf, noch nicht veröffentlicht.</p>"}])
    about.save_revision()
    # "View draft" renders the page in preview mode, past every fragment cache.
    draft = admin_client.get(f"/admin/pages/{about.pk}/view_draft/").content.decode()
    assert "Entwurf, noch nicht veröffentlicht." in draft
    assert "Entwurf, noch nicht veröffentlicht." not in client.get(about.url).content.decode()
    assert client.get(about.url).content.decode() == live


def test_listing_cards_follow_an_edited_release(client, demo_pages, german):
    index = NewsIndexPage.objects.get(locale=german)
    release = NewsPageFactory(parent=index, title="Meldung vor der Korrektur")
    publish(release)
    assert "Meldung vor der Korrektur" in client.get(index.url).content.decode()
    release = Page.objects.get(pk=release.pk).specific
    release.title = "Meldung nach der Korrektur"
    publish(release)
    html = client.get(index.url).content.decode()
    assert "Meldung nach der Korrektur" in html
    assert "Meldung vor der Korrektur" not in html
    assert "Meldung nach der Korrektur" in client.get("/de/").content.decode()
    assert "Meldung nach der Korrektur" in client.get(f"{index.url}feed/rss/").content.decode()


def test_a_feed_is_built_once_whatever_else_the_request_carries(client, demo_pages, german):
    index = NewsIndexPage.objects.get(locale=german)
    first = client.get(f"{index.url}feed/rss/?utm_source=reader")
    again = client.get(f"{index.url}feed/rss/?utm_source=other")
    assert first.content == again.content
    # The feed names its own address without the stray parameters.
    assert b"utm_source" not in first.content


def test_a_renamed_page_is_served_at_its_new_address_at_once(client, demo_pages, german):
    about = StandardPage.objects.filter(locale=german).first()
    old_url = about.url
    assert client.get(old_url).status_code == 200  # its route is remembered now
    about.slug = "das-netzwerk-neu"
    publish(about)
    assert client.get("/de/das-netzwerk-neu/").status_code == 200
    assert client.get(old_url).status_code in (301, 302, 404)  # Wagtail's redirect, or gone


def test_made_up_addresses_are_not_remembered(client, demo_pages):
    from core.caching import fragments as cache

    assert client.get("/de/aktuelles/gibt-es-nicht/").status_code == 404
    assert client.get("/de/aktuelles/feed/gibt-es-nicht/").status_code == 404
    assert client.get("/de/aktuelles/").status_code == 200
    remembered = [key for key in cache._LOCAL if ":route:" in key]
    assert remembered and not any("gibt-es-nicht" in key for key in remembered)
