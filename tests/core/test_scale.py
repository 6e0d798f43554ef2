"""Every page type: at most 15 queries, the same with 10 and with 10,000 press releases.

Both for the first request after a publish (nothing of the page cached)
and for the requests after it."""

import time

from django.test import override_settings

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.caching.fragments import new_generation
from core.images import make_renditions
from core.models import CustomImage
from demo.scale import load_scale
from events.models import EventPage, EventSeriesPage
from members.models import MemberPage
from news.models import NewsPage
from partners.models import PartnerPage
from search.views import search_url
from tests.conftest import DATABASE_QUEUE

# What rendering costs: with the page cache on, every second request would
# be a hit without queries. Searches are counted for the report by the task
# worker a minute later (search/hits.py), not while the visitor waits.
# In the browser tests' process (xdist group), so that the publish it times
# never runs beside Chromium and the served copy on a two-core machine.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
    pytest.mark.xdist_group("browser"),
]


@pytest.fixture
def page_cache_off():
    with override_settings(PAGE_CACHE_ENABLED=False, SEARCH_HITS_FLUSH_SECONDS=3600):
        yield


LIMIT = 15


def urls():
    """One URL of every public page type and route, in both languages."""
    found = ["/sitemap.xml", "/sitemap-pages.xml", "/robots.txt"]
    for language in ("de", "en"):
        news = NewsPage.objects.filter(locale__language_code=language).live().order_by("path").first()
        event = EventPage.objects.filter(locale__language_code=language).live().order_by("path").first()
        series = EventSeriesPage.objects.filter(locale__language_code=language).live().first()
        partner = PartnerPage.objects.filter(locale__language_code=language).live().first()
        member = MemberPage.objects.filter(locale__language_code=language, city__in=["Wuppertal"]).live().first()
        news_index, event_index = news.get_parent().url, series.get_parent().url
        found += [
            f"/{language}/",
            news_index,
            f"{news_index}?page=2",
            f"{news_index}feed/rss/",
            f"{news_index}feed/atom/",
            news.url,
            event_index,
            f"{event_index}past/",
            f"{event_index}calendar/",
            f"{event_index}feed/rss/",
            series.url,
            event.url,
            f"{event.url}ical/",
            partner.get_parent().url,
            partner.url,
            member.get_parent().url,
            f"{member.get_parent().url}?state=NW",
            member.url,
            f"{member.url}vcard/",
            search_url(language, q="Diskriminierung" if language == "de" else "discrimination"),
        ]
    return found


def warm(client, paths):
    for path in paths:
        client.get(path)


def query_counts(client, django_assert_max_num_queries, paths):
    """{path: (queries of the first request after a publish, queries of the next)}."""
    counts = {}
    for path in paths:
        new_generation()  # as after a publish: nothing of the page is cached
        with django_assert_max_num_queries(LIMIT, info=f"{path}, first request after a publish") as first:
            client.get(path)
        with django_assert_max_num_queries(LIMIT, info=path) as queries:
            response = client.get(path)
        counts[path] = (len(first), len(queries))
        assert response.status_code == 200, path
    return counts


def test_every_page_type_costs_the_same_few_queries_with_10_and_10000_releases(
    client, django_assert_max_num_queries, german, english
):
    # Renditions exist before anyone visits (the worker makes them after an
    # upload; the test settings skip that to keep the demo quick).
    for image in CustomImage.objects.all():
        make_renditions(image)
    # Ten releases per language to start with.
    for locale in (german, english):
        for release in NewsPage.objects.filter(locale=locale).order_by("-date")[10:]:
            release.delete()
    assert NewsPage.objects.filter(locale=german).count() == 10
    paths = urls()
    warm(client, paths)  # per-process lookups (content types, locales) and the site-wide frame, made once
    small = query_counts(client, django_assert_max_num_queries, paths)

    load_scale(10_000)
    assert NewsPage.objects.filter(locale=german).live().count() == 10_010
    assert EventPage.objects.filter(locale=english).live().count() >= 2_000
    assert MemberPage.objects.filter(locale=german).live().count() == 200

    # Adding pages at the top of the tree renews the site-wide frame
    # (sites, home pages, menus) once, as the start of the test did.
    warm(client, paths)
    large = query_counts(client, django_assert_max_num_queries, paths)
    # The search loads its first page of results with a query per page type
    # among them: with ten releases those are of several types, with
    # 10,000 mostly releases. It never costs more at the larger size.
    searches = [path for path in paths if "?q=" in path]
    assert {path: large[path] for path in paths if path not in searches} == {
        path: small[path] for path in paths if path not in searches
    }
    for path in searches:
        assert large[path] <= small[path], path

    # The search ranks 20,000 indexed pages in one query (it once took 25 s).
    started = time.monotonic()
    response = client.get("/de/suche/?q=Diskriminierung")
    assert response.status_code == 200
    assert time.monotonic() - started < 5

    # Publishing one release at this size: under a second for the editor
    # (the listings' indexes re-read only that release; the search index,
    # reference index and renditions wait for the worker, as in
    # production), and pages that do not show it (a member page of another
    # city, a partner, an event) stay in the page cache.
    member = MemberPage.objects.filter(locale=german).exclude(city="Wuppertal").live().order_by("path").last()
    partner = PartnerPage.objects.filter(locale=german).live().order_by("path").first()
    event = EventPage.objects.filter(locale=german).live().order_by("path").last()
    untouched = [member.url, partner.url, event.url]
    with override_settings(PAGE_CACHE_ENABLED=True, TASKS=DATABASE_QUEUE):
        for url in untouched:
            client.get(url)
            assert client.get(url)["X-Cache"] == "HIT", url
        release = (
            NewsPage.objects.filter(locale=german, member_links=None, partner_links=None)
            .live()
            .order_by("-date")
            .first()
        )
        # The fastest of three corrections: what the code costs, not what
        # the other test process on the same two cores takes from it.
        took = []
        for correction in ("Ergänzt.", "Ergänzt nach Rückfrage.", "Ergänzt nach dem Druck."):
            release.lead = correction
            started = time.monotonic()
            release.save_revision().publish()
            took.append(time.monotonic() - started)
        assert min(took) < 1, took
        assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
        for url in untouched:
            assert client.get(url)["X-Cache"] == "HIT", url
        assert "Ergänzt nach dem Druck." in client.get(release.url).content.decode()
