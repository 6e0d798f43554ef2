"""The lists member cities embed in their own websites (core/embed.py):
the news and event indexes' `embed/` routes in both languages, their
filters and bad input, the headers that let any site frame them and no
other page, links that open in the embedding page, the page cache and its
purge, a flat query count, and the snippets on a member page in the admin.

Each test empties the news or event indexes and builds what it lists.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

import pytest
import time_machine

from events.models import EventIndexPage
from members.models import MemberIndexPage
from news.models import NewsIndexPage, NewsPageMember, Topic
from tests.conftest import soup
from tests.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    MemberPageFactory,
    NewsPageFactory,
    translate,
    without_the_demo_pages,
)

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
NEWS_DE, NEWS_EN = "/de/aktuelles/embed/", "/en/news/embed/"
EVENTS_DE, EVENTS_EN = "/de/veranstaltungen/embed/", "/en/events/embed/"


def berlin(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def news(db, german, english):
    """The German and English news indexes, without the demo releases."""
    return without_the_demo_pages(NewsIndexPage.objects.get(locale=german), NewsIndexPage.objects.get(locale=english))


@pytest.fixture
def events(db, german, english):
    """The German and English event indexes, without the demo events."""
    return without_the_demo_pages(EventIndexPage.objects.get(locale=german), EventIndexPage.objects.get(locale=english))


@pytest.fixture
def musterstadt(db, german):
    """A member city in both languages: /de/mitglieder/musterstadt/, /en/members/model-town/."""
    city = MemberPageFactory(
        parent=MemberIndexPage.objects.get(locale=german), title="Musterstadt", city="Musterstadt", slug="musterstadt"
    )
    translate(city, "en", slug="model-town", city="Model Town", title="Model Town")
    return city


def items(response):
    """The titles listed, in order."""
    return [a.get_text(strip=True) for a in soup(response).select("main li .embed__heading a")]


def links(response):
    return soup(response).select("main a")


def frame_ancestors(response):
    return re.search(r"frame-ancestors ([^;]*)", response["Content-Security-Policy"]).group(1)


def release(index, title, date, **fields):
    return NewsPageFactory(parent=index, title=title, date=date, **fields)


# News ------------------------------------------------------------------------


def test_news_lists_the_newest_releases_in_each_language(client, news):
    german, english = news
    for number in range(1, 8):
        page = release(german, f"Meldung {number}", berlin(2025, 1, number), lead=f"Vorspann {number}.")
        translate(page, "en", title=f"Release {number}", slug=f"release-{number}", lead=f"Lead {number}.")
    release(german, "Nur auf Deutsch", berlin(2025, 2, 1))
    release(german, "Angekündigt", timezone.now() + timedelta(days=3))  # dated ahead: not yet

    response = client.get(NEWS_DE)
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "de"
    assert page.title.get_text().startswith("Aktuelles")
    assert page.find("main").h1
    assert items(response) == ["Nur auf Deutsch", "Meldung 7", "Meldung 6", "Meldung 5", "Meldung 4"]
    assert [p.get_text() for p in page.select("li .embed__text")][1:3] == ["Vorspann 7.", "Vorspann 6."]
    assert page.select_one("li time")["datetime"].startswith("2025-02-01")

    english_page = soup(client.get(NEWS_EN))
    assert english_page.html["lang"] == "en"
    assert items(client.get(NEWS_EN)) == [f"Release {number}" for number in (7, 6, 5, 4, 3)]
    assert [p.get_text() for p in english_page.select("li .embed__text")][:1] == ["Lead 7."]


def test_every_link_opens_the_page_on_the_site_in_the_embedding_window(client, news):
    release(news[0], "Meldung", berlin(2025, 1, 1), slug="meldung")
    anchors = links(client.get(NEWS_DE))
    assert [a["href"] for a in anchors] == [
        "http://testserver/de/aktuelles/meldung/",
        "http://testserver/de/aktuelles/",  # "all news on the network's website"
    ]
    assert {a["target"] for a in anchors} == {"_parent"}


def test_count_chooses_how_many_releases_and_leads_can_be_left_out(client, news):
    for number in range(1, 25):
        release(news[0], f"Meldung {number}", berlin(2024, 1, number))
    assert len(items(client.get(NEWS_DE))) == 5
    assert len(items(client.get(f"{NEWS_DE}?count=1"))) == 1
    assert len(items(client.get(f"{NEWS_DE}?count=20"))) == 20
    assert soup(client.get(NEWS_DE)).select(".embed__text")
    assert not soup(client.get(f"{NEWS_DE}?lead=0")).select(".embed__text")


def test_topic_and_city_filters_narrow_the_news_and_the_link_to_the_listing(client, news, musterstadt, german):
    topic = Topic.objects.create(locale=german, name="Testthema", slug="testthema")
    filed = release(news[0], "Zum Thema", berlin(2025, 1, 1), topics=[topic])
    naming = release(news[0], "In Musterstadt", berlin(2025, 1, 2))
    NewsPageMember.objects.create(page=naming, member=musterstadt, locale=naming.locale)
    naming.save_revision().publish()
    release(news[0], "Anderes", berlin(2025, 1, 3))

    assert items(client.get(f"{NEWS_DE}?topic=testthema")) == [filed.title]
    response = client.get(f"{NEWS_DE}?city=musterstadt")
    assert items(response) == ["In Musterstadt"]
    page = soup(response)
    assert page.h1.get_text() == "Aktuelles: Musterstadt"
    assert page.select_one(".embed__more a")["href"] == "http://testserver/de/aktuelles/?city=musterstadt"
    assert "Musterstadt" in page.select_one(".embed__more a").get_text()


def test_parameters_the_list_does_not_know_are_answered_but_never_cached(client, news):
    for query in ("utm_source=member", "lead=0&utm_source=member", "city=%00"):
        assert client.get(f"{NEWS_DE}?{query}").status_code == 200
        assert "X-Cache" not in client.get(f"{NEWS_DE}?{query}")
    assert client.get(f"{EVENTS_DE}?lead=0").status_code == 200  # events have no leads to leave out
    assert "X-Cache" not in client.get(f"{EVENTS_DE}?lead=0")


def test_an_empty_list_says_so(client, news, musterstadt):
    response = client.get(f"{NEWS_EN}?city=model-town")
    assert response.status_code == 200
    page = soup(response)
    assert page.select("main li") == []
    assert page.select_one("main .embed__empty").get_text(strip=True)
    assert page.select_one(".embed__more a").get_text() == "All news of Model Town on the network's website"
    assert soup(client.get(f"{EVENTS_EN}?city=model-town")).select_one("main .embed__empty").get_text(strip=True)


@pytest.mark.parametrize(
    "query",
    [
        "count=0",
        "count=21",
        "count=abc",
        "count=-1",
        "count=%D9%A3",  # an Arabic-Indic three
        "count=100000000000000000000",
        "lead=yes",
        "topic=nope",
        "city=atlantis",
        "topic=%3Cscript%3E",
    ],
)
def test_bad_news_parameters_answer_400_with_a_page_that_still_fits_the_frame(client, news, query):
    response = client.get(f"{NEWS_DE}?{query}")
    assert response.status_code == 400
    assert "<script" not in response.content.decode()
    assert frame_ancestors(response) == "https: http:"
    assert "X-Frame-Options" not in response
    page = soup(response)
    assert page.html["lang"] == "de" and page.title and page.find("main").h1
    assert page.select_one(".embed__more a")["target"] == "_parent"


# Events ----------------------------------------------------------------------


def test_events_list_the_next_upcoming_events_with_time_city_and_cancellation(client, events, musterstadt):
    german, english = events
    EventPageFactory(parent=german, title="Vorbei", start=berlin(2029, 12, 1), end=berlin(2029, 12, 1, 12))
    EventPageFactory(
        parent=german,
        title="Fachtag",
        start=berlin(2030, 3, 1, 10),
        end=berlin(2030, 3, 1, 16),
        host_member=musterstadt,
    )
    cancelled = EventPageFactory(
        parent=german, title="Netzwerktreffen", start=berlin(2030, 2, 1), all_day=True, cancelled=True
    )
    translate(cancelled, "en", title="Network meeting", slug="network-meeting")
    with time_machine.travel(berlin(2030, 1, 1)):
        response = client.get(EVENTS_DE)
        english_response = client.get(EVENTS_EN)
    assert items(response) == ["Netzwerktreffen", "Fachtag"]
    page = soup(response)
    first, second = page.select("main li")
    # Cancelled: said in words before the title, and the title struck through.
    assert first.select_one(".embed__label") is not None
    assert first.select_one("a s").get_text() == "Netzwerktreffen"
    assert first.select_one("time")["datetime"].startswith("2030-02-01")
    assert second.select_one(".embed__label") is None and second.select_one("s") is None
    assert "Musterstadt" in second.select_one(".embed__meta").get_text()
    assert "10:00–16:00" in second.select_one(".embed__meta").get_text()
    assert {a["target"] for a in links(response)} == {"_parent"}
    assert links(response)[1]["href"].startswith("http://testserver/de/veranstaltungen/")

    english_page = soup(english_response)
    assert english_page.html["lang"] == "en"
    (only,) = english_page.select("main li")
    assert only.select_one(".embed__label").get_text() == "Cancelled"
    assert only.select_one("a s").get_text() == "Network meeting"


def test_format_series_and_city_filters_narrow_the_events(client, events, musterstadt):
    german = events[0]
    series = EventSeriesPageFactory(parent=german, title="Reihe", slug="reihe")
    EventPageFactory(parent=series, title="Modul", start=berlin(2030, 2, 1))
    EventPageFactory(
        parent=german,
        title="Online",
        start=berlin(2030, 3, 1),
        event_format="online",
        venue_name="",
        online_note="Der Link kommt per E-Mail.",
    )
    EventPageFactory(parent=german, title="In Musterstadt", start=berlin(2030, 4, 1), host_member=musterstadt)
    with time_machine.travel(berlin(2030, 1, 1)):
        assert items(client.get(f"{EVENTS_DE}?series=reihe")) == ["Modul"]
        assert items(client.get(f"{EVENTS_DE}?format=online")) == ["Online"]
        response = client.get(f"{EVENTS_DE}?city=musterstadt&count=1")
        assert items(response) == ["In Musterstadt"]
        assert items(client.get(f"{EVENTS_DE}?count=2")) == ["Modul", "Online"]
        for query in ("series=nope", "format=party", "city=atlantis", "count=21"):
            assert client.get(f"{EVENTS_DE}?{query}").status_code == 400, query
    more = soup(response).select_one(".embed__more a")
    assert more["href"] == "http://testserver/de/veranstaltungen/?city=musterstadt"
    assert "Musterstadt" in more.get_text()


def test_the_event_list_is_cached_until_its_first_listed_event_ends(client, events):
    now = timezone.now()
    EventPageFactory(
        parent=events[0], title="Gleich vorbei", start=now - timedelta(hours=1), end=now + timedelta(minutes=2)
    )
    response = client.get(EVENTS_DE)
    assert response["X-Cache"] == "MISS"
    assert 0 < int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1)) <= 120


# Headers ---------------------------------------------------------------------


@pytest.mark.parametrize("url", [NEWS_DE, NEWS_EN, EVENTS_DE, EVENTS_EN])
def test_any_site_may_frame_the_lists_also_from_the_page_cache(client, news, events, url):
    first, second = client.get(url), client.get(url)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for response in (first, second):
        assert response.status_code == 200
        assert frame_ancestors(response) == "https: http:"
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "X-Frame-Options" not in response
        assert response["X-Robots-Tag"] == "noindex"
        assert "Reporting-Endpoints" in response
        # Nothing that would follow the visitor from one member's site to another.
        assert not response.cookies and "Set-Cookie" not in response
    page = soup(first)
    assert page.find("script") is None
    assert page.find("link", rel="stylesheet")["href"].endswith(".css")


@pytest.mark.parametrize("url", ["/de/aktuelles/", "/en/events/", "/de/aktuelles/feed/rss/", "/de/"])
def test_every_other_page_still_refuses_to_be_framed(client, url):
    for response in (client.get(url), client.get(url)):
        assert frame_ancestors(response) == "'none'"
        assert response["X-Frame-Options"] == "DENY"


# Cache and purge -------------------------------------------------------------


def test_publishing_a_release_or_an_event_purges_the_lists(client, news, events):
    release(news[0], "Erste", berlin(2025, 1, 1))
    assert items(client.get(NEWS_DE)) == ["Erste"]
    assert client.get(NEWS_DE)["X-Cache"] == "HIT"
    release(news[0], "Zweite", berlin(2025, 1, 2))
    assert items(client.get(NEWS_DE)) == ["Zweite", "Erste"]

    soon = timezone.now() + timedelta(days=2)
    assert items(client.get(EVENTS_DE)) == []
    assert client.get(EVENTS_DE)["X-Cache"] == "HIT"
    event = EventPageFactory(parent=events[0], title="Neu", start=soon)
    assert items(client.get(EVENTS_DE)) == ["Neu"]
    event.cancelled = True
    event.save_revision().publish()
    assert soup(client.get(EVENTS_DE)).select_one("main li .embed__label") is not None


# Query count -----------------------------------------------------------------


@pytest.mark.parametrize("which", ["news", "events"])
def test_the_lists_cost_the_same_queries_for_1_and_30_items(settings, flat_queries, news, events, musterstadt, which):
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not a cache hit
    soon = timezone.now() + timedelta(days=1)

    def add(n):
        if which == "news":
            page = release(news[0], f"Meldung {n}", berlin(2025, 1, 1) + timedelta(hours=n))
            NewsPageMember.objects.create(page=page, member=musterstadt, locale=page.locale)
            page.save_revision().publish()
        else:
            EventPageFactory(
                parent=events[0], title=f"Termin {n}", start=soon + timedelta(days=n), host_member=musterstadt
            )

    add(0)

    @transaction.atomic  # as one import would: one purge at the end
    def grow():
        for n in range(1, 30):
            add(n)

    url = f"{NEWS_DE if which == 'news' else EVENTS_DE}?city=musterstadt&count=20"
    response = flat_queries(url, grow, limit=12)
    assert len(items(response)) == 20


# Admin -----------------------------------------------------------------------


def test_the_member_page_in_the_admin_offers_the_snippets_in_both_languages(admin_client, musterstadt):
    response = admin_client.get(f"/admin/pages/{musterstadt.pk}/edit/")
    assert response.status_code == 200
    page = soup(response)
    codes = [textarea.get_text() for textarea in page.select(".embed-snippets textarea")]
    assert all(page.find("label", attrs={"for": t["id"]}) for t in page.select(".embed-snippets textarea"))
    assert all(t.has_attr("readonly") for t in page.select(".embed-snippets textarea"))
    assert codes == [
        '<iframe src="http://testserver/de/aktuelles/embed/?city=musterstadt" title="Aktuelles: Musterstadt" '
        'width="100%" height="620" loading="lazy" style="border:0"></iframe>',
        '<iframe src="http://testserver/en/news/embed/?city=model-town" title="News: Model Town" '
        'width="100%" height="620" loading="lazy" style="border:0"></iframe>',
        '<iframe src="http://testserver/de/veranstaltungen/embed/?city=musterstadt" '
        'title="Veranstaltungen: Musterstadt" width="100%" height="520" loading="lazy" style="border:0"></iframe>',
        '<iframe src="http://testserver/en/events/embed/?city=model-town" title="Events: Model Town" '
        'width="100%" height="520" loading="lazy" style="border:0"></iframe>',
    ]
    # The English page's edit view offers the same.
    english = musterstadt.get_translation(Locale.objects.get(language_code="en"))
    page = soup(admin_client.get(f"/admin/pages/{english.pk}/edit/"))
    assert [textarea.get_text() for textarea in page.select(".embed-snippets textarea")] == codes


def test_each_snippet_shows_its_list(client, admin_client, musterstadt, news):
    page = soup(admin_client.get(f"/admin/pages/{musterstadt.pk}/edit/"))
    for textarea in page.select(".embed-snippets textarea"):
        src = re.search(r'src="([^"]+)"', textarea.get_text()).group(1)
        assert client.get(src.removeprefix("http://testserver")).status_code == 200
