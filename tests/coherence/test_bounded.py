"""The page cache stays bounded whatever visitors (and bots) request.

Only query parameters a view understands make a cached variant: tracking
parameters and values a view ignores or rejects leave at most a few entries
behind, made-up paths none, and every entry expires by itself.
"""

from django.core.cache import caches
from django.test import Client

import pytest
from bs4 import BeautifulSoup

# The package's crawl has made the image renditions: requests here render, never process images.
pytestmark = [pytest.mark.slow, pytest.mark.django_db, pytest.mark.usefixtures("site_snapshot")]

# 1,000 requests with junk parameters, a third of each kind; 1,000 made-up paths.
JUNK_REQUESTS = 334
MADE_UP_PATHS = 1000
FEW = 5
LISTING = "/de/aktuelles/"
URLS_OF_EVERY_KIND = [
    "/de/",
    "/en/",
    LISTING,
    f"{LISTING}?page=2",
    f"{LISTING}?topic=beratung",
    f"{LISTING}feed/rss/",
    f"{LISTING}feed/atom/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/past/",
    "/de/veranstaltungen/calendar/",
    "/de/veranstaltungen/feed/rss/",
    "/de/mitglieder/",
    "/de/mitglieder/wuppertal/",
    "/de/mitglieder/wuppertal/vcard/",
    "/de/partner/",
    "/de/suche/?q=Beratung",
    "/de/opensearch.xml",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/de/gibt-es-nicht/",
    f"{LISTING}?utm_source=newsletter",
]


def entries():
    """How many entries the "pages" alias holds (a LocMemCache in tests)."""
    return len(caches["pages"]._cache)


def cards(response):
    """The titles of the releases a listing shows."""
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [title.get_text(strip=True) for title in html.select(".card__title")]


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def warm_listing(visitor):
    clean = visitor.get(LISTING)
    assert clean.status_code == 200
    assert visitor.get(LISTING)["X-Cache"] == "HIT"
    return clean


@pytest.mark.parametrize(
    "junk",
    [
        pytest.param("?utm_x{i}=1", id="tracking-parameters"),
        pytest.param("?page=abc{i}", id="page-not-a-number"),
        pytest.param("?topic=nonexistent{i}", id="unknown-topic"),
    ],
)
def test_junk_query_parameters_leave_at_most_a_few_entries(junk, visitor, warm_listing):
    listed = cards(warm_listing)
    assert listed
    # The first junk request may build what such a response needs (an error page's frame, say).
    visitor.get(LISTING + junk.format(i="first"))
    before = entries()
    for i in range(JUNK_REQUESTS):
        response = visitor.get(LISTING + junk.format(i=i))
        # An unknown topic may be answered 404 (the listing's own choice);
        # anything it answers 200 is the plain listing.
        assert response.status_code == 200 or (junk.startswith("?topic=") and response.status_code == 404), (
            f"{junk.format(i=i)} answered {response.status_code}"
        )
        if response.status_code == 200:
            assert cards(response) == listed, f"{junk.format(i=i)} shows another listing"
        added = entries() - before
        assert added <= FEW, f"{i + 1} requests like {LISTING}{junk.format(i=i)} left {added} new cache entries"


def test_made_up_paths_leave_no_entries(visitor):
    visitor.get("/de/aktuelles/")
    assert visitor.get("/de/gibt-es-nicht/").status_code == 404
    before = entries()
    for i in range(MADE_UP_PATHS):
        path = f"/de/gibt-es-nicht-{i}/"
        assert visitor.get(path).status_code == 404
        assert entries() == before, f"{i + 1} requests of made-up paths like {path} left {entries() - before} entries"


def test_junk_parameters_are_served_the_clean_pages_content(visitor, warm_listing):
    """Junk is either answered from the clean page's entry (then byte for
    byte) or rendered afresh (then the same listing); never another page's."""
    second = visitor.get(f"{LISTING}?page=2")
    assert second.status_code == 200 and cards(second) != cards(warm_listing)
    assert visitor.get(f"{LISTING}?page=2")["X-Cache"] == "HIT"
    for query, clean in [
        ("?utm_source=newsletter&utm_medium=email", warm_listing),
        ("?fbclid=abc123", warm_listing),
        ("?page=2&utm_source=newsletter", second),
        ("?utm_campaign=x&page=2", second),
    ]:
        for attempt in ("first", "again"):
            response = visitor.get(LISTING + query)
            source = f"{query} ({attempt}, X-Cache {response.get('X-Cache')})"
            assert response.status_code == 200, source
            assert cards(response) == cards(clean), f"{source} shows another listing"
            if response.get("X-Cache") == "HIT":
                assert response.content == clean.content, (
                    f"{source} differs from the clean page: {first_difference(response, clean)}"
                )


def test_a_junk_request_first_leaves_its_parameters_out_of_the_clean_page(visitor):
    assert visitor.get(f"{LISTING}?utm_source=newsletter").status_code == 200
    assert visitor.get(f"{LISTING}?page=2&utm_source=newsletter").status_code == 200
    for url in (LISTING, f"{LISTING}?page=2"):
        response = Client().get(url)
        assert response.status_code == 200
        assert "utm_source" not in response.content.decode(), f"{url} ({response.get('X-Cache')}) links the junk"


def first_difference(response, clean):
    served, expected = response.content.decode(), clean.content.decode()
    index = next(
        (i for i, (a, b) in enumerate(zip(served, expected, strict=False)) if a != b), min(len(served), len(expected))
    )
    return f"served …{served[max(0, index - 80) : index + 80]!r}… where the clean page has …{expected[max(0, index - 80) : index + 80]!r}…"


def test_every_entry_of_the_page_cache_expires(visitor):
    for url in URLS_OF_EVERY_KIND:
        visitor.get(url)
        visitor.get(url)
    store = caches["pages"]
    assert store._cache, "nothing was cached"
    # LocMemCache keeps the expiry time of each key; None means "never".
    forever = sorted(key for key in store._cache if store._expire_info.get(key) in (None, float("inf")))
    assert not forever, f"{len(forever)} of {len(store._cache)} entries never expire, e.g. {forever[:5]}"
