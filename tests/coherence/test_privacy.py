"""A page put behind a view restriction is gone from the cache at the next request.

For each kind of restriction (password, login, groups) a cached press release
is restricted: the next anonymous visitor gets the password form or the
login redirect, never the release; the listing, the feeds, the search and
the sitemap stop listing it; a page with children takes them along. Wagtail
restricts per page (the English translation of a restricted German page is
a page of its own), so for the English version the test asserts that its
cached copies were purged and that what is served is what a fresh render
gives. Lifting the restriction brings everything back at the next request.
"""

from urllib.parse import quote

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction

import pytest

from events.models import EventSeriesPage
from news.models import NewsPage
from tests.coherence import crawl

pytestmark = pytest.mark.django_db

PASSWORD = "kohaerenz-geheim"


def linking(snapshot, pages):
    """Crawled URLs that show or link to any of these pages."""
    paths = [page.url for page in pages]
    return [url for url, fetched in snapshot.items() if any(path in fetched.text or url == path for path in paths)]


def search_url(page):
    word = max(page.title.replace("„", " ").replace("“", " ").split(), key=len)
    return f"/de/suche/?q={quote(word)}"


def restrict(page, kind, editor, commit):
    """Password: through the admin's privacy dialog; login and groups: as code would."""
    with commit():
        if kind == "password":
            response = editor.client.post(
                f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "password", "password": PASSWORD}
            )
            assert response.status_code == 200 and '"set_privacy_done"' in response.content.decode()
        else:
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
            if kind == "groups":
                restriction.groups.set([Group.objects.order_by("pk").first()])
    assert PageViewRestriction.objects.filter(page=page).exists()


def lift(page, kind, editor, commit):
    with commit():
        if kind == "password":
            response = editor.client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "none"})
            assert response.status_code == 200
        else:
            for restriction in PageViewRestriction.objects.filter(page=page):
                restriction.delete()
    assert not PageViewRestriction.objects.filter(page=page).exists()


def hides(fetched, secrets):
    """The password form or a redirect to the login, and none of the page's own text."""
    gate = fetched.status in (301, 302) or (fetched.status == 200 and 'name="password"' in fetched.text)
    return gate and not any(crawl.shows(fetched.text, secret) for secret in secrets)


def mismatches(urls, paths):
    """URLs served otherwise than a fresh render gives, as to these pages' links."""
    served, truth = crawl.served(urls), crawl.fresh(urls)
    problems = []
    for url in urls:
        if served[url].status != truth[url].status:
            problems.append(f"{url}: served {served[url].status} ({served[url].x_cache}), fresh {truth[url].status}")
            continue
        for path in paths:
            if served[url].text.count(path) != truth[url].text.count(path):
                problems.append(
                    f"{url}: links {path} {served[url].text.count(path)}× ({served[url].x_cache}), "
                    f"{truth[url].text.count(path)}× when rendered fresh"
                )
    return problems, served


def english_of(page):
    return Page.objects.filter(translation_key=page.translation_key, locale__language_code="en").first().specific


def fill(urls):
    crawl.warm(urls)
    assert any(fetched.x_cache == "HIT" for fetched in crawl.served(urls).values()), "the page cache is not on"


@pytest.fixture
def release(site_snapshot):
    """A German release with a live English translation, linked from few pages (a quick test)."""
    releases = [
        page
        for page in NewsPage.objects.filter(locale__language_code="de").live().order_by("path")
        if english_of(page) is not None and english_of(page).live
    ]
    return min(releases, key=lambda page: (len(linking(site_snapshot, [page])), page.path))


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_restricted_release_leaves_every_cached_page_at_the_next_request(
    kind, release, site_snapshot, editor, commit
):
    english = english_of(release)
    search = search_url(release)
    urls = list(dict.fromkeys([release.url, english.url, *linking(site_snapshot, [release, english]), search]))
    listings = [url for url in urls if url.startswith("/de/aktuelles/") and url != release.url]
    assert any("feed/rss/" in url for url in listings) and any("feed/atom/" in url for url in listings)
    assert any(url.startswith("/sitemap") for url in urls)
    assert release.url in crawl.fresh([search])[search].text, "the search finds the release"
    fill(urls)
    assert crawl.served([release.url])[release.url].x_cache == "HIT"

    restrict(release, kind, editor, commit)
    served = crawl.served(urls)
    assert hides(served[release.url], [release.lead]), f"{kind}: the cached release is still served"
    for url in listings + [search] + [url for url in urls if url.startswith("/sitemap")]:
        assert release.url not in served[url].text, f"{kind}: {url} still lists the restricted release"
    assert served[english.url].x_cache != "HIT", f"{kind}: the English version's cached copy was not purged"
    problems, _served = mismatches(urls, [release.url, english.url])
    assert not problems, f"{kind}, restricted:\n" + "\n".join(problems)

    lift(release, kind, editor, commit)
    served = crawl.served(urls)
    assert served[release.url].status == 200 and crawl.shows(served[release.url].text, release.lead)
    assert release.url in served["/de/aktuelles/feed/rss/"].text
    problems, _served = mismatches(urls, [release.url, english.url])
    assert not problems, f"{kind}, restriction lifted:\n" + "\n".join(problems)


def test_restricting_a_series_hides_its_modules_too_in_every_language(site_snapshot, editor, commit):
    series = EventSeriesPage.objects.filter(locale__language_code="de").live().order_by("path").first()
    modules = list(series.get_children().live().specific())
    assert modules, "the series has modules"
    german = [series, *modules]
    english = [english_of(page) for page in german]
    ical = [url for module in modules for url in crawl.sub_routes(module)]
    urls = list(dict.fromkeys([*(page.url for page in german + english), *ical, *linking(site_snapshot, german)]))
    listings = [url for url in urls if url.startswith(("/de/veranstaltungen/past/", "/de/veranstaltungen/calendar/"))]
    listings += [url for url in urls if url.startswith("/sitemap")]
    assert "/de/veranstaltungen/past/" in listings and any(url.startswith("/sitemap") for url in listings)
    fill(urls)

    restrict(series, "password", editor, commit)
    served = crawl.served(urls)
    for page in german:
        assert hides(served[page.url], [page.title, page.lead if page is not series else page.intro]), (
            f"{page.url} is still served"
        )
    for url in ical:
        assert "BEGIN:VEVENT" not in served[url].text, f"{url} still serves the restricted event"
    for url in listings:
        for page in german:
            assert page.url not in served[url].text, f"{url} still lists {page.url}"
    for page in english:
        assert served[page.url].x_cache != "HIT", f"{page.url}: the English version's cached copy was not purged"
    problems, _served = mismatches(urls, [page.url for page in german + english])
    assert not problems, "series restricted:\n" + "\n".join(problems)

    lift(series, "password", editor, commit)
    problems, served = mismatches(urls, [page.url for page in german + english])
    assert not problems, "restriction lifted:\n" + "\n".join(problems)
    for page in german:
        assert served[page.url].status == 200 and crawl.shows(served[page.url].text, page.title)
