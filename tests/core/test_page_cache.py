"""The anonymous page cache: hits, never for editors or cookies, exact purges, ETag/304."""

from django.contrib.auth import get_user_model
from django.test import override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page

import pytest
from django_tasks_db.models import DBTaskResult

from core.caching import purge
from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish as the admin does: purges run when the transaction commits."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return run


def test_second_anonymous_request_is_a_hit_without_queries(client, django_assert_num_queries):
    first = client.get("/de/aktuelles/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/de/aktuelles/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == "DENY"
    assert "s-maxage=" in second["Cache-Control"] and "public" in second["Cache-Control"]


def test_conditional_request_answers_304(client):
    etag = client.get("/de/").headers["ETag"]
    assert client.get("/de/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/de/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_uncached_responses_carry_an_etag_too(client):
    with override_settings(PAGE_CACHE_ENABLED=False):
        response = client.get("/de/partner/")
        assert response.has_header("ETag")
        assert client.get("/de/partner/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_logged_in_editors_never_get_or_fill_the_cache(client, verified_login):
    anonymous = client.get("/de/").content
    editor = get_user_model().objects.create_superuser("cachetest", "cachetest@example.org", "x-very-long-password")
    verified_login(client, editor)
    response = client.get("/de/")
    assert "X-Cache" not in response
    assert response.content != anonymous  # the editor's page has the Wagtail user bar
    client.logout()
    client.cookies.pop("sessionid", None)
    assert client.get("/de/")["X-Cache"] == "HIT"
    assert b"wagtail-userbar" not in client.get("/de/").content


def test_failed_logins_and_second_factors_purge_nothing(client, verified_login):
    """Each wrong password is recorded (django-axes); a second factor is set
    up: neither shows on any page, so neither may empty the page cache."""
    client.get("/de/")
    assert client.get("/de/")["X-Cache"] == "HIT"
    outsider = client.__class__()
    for _ in range(3):
        outsider.post("/admin/login/", {"username": "redaktion", "password": "falsch-falsch-falsch"})
    verified_login(outsider, get_user_model().objects.create_superuser("otp", "otp@example.org", "y-long-password-1"))
    assert client.get("/de/")["X-Cache"] == "HIT"


def test_responses_that_set_cookies_or_are_private_are_not_cached(client):
    assert "X-Cache" not in client.get("/de/suche/?q=Beratung")
    assert "X-Cache" not in client.get("/admin/login/")
    assert "X-Cache" not in client.get("/de/nicht-da/")
    assert "X-Cache" not in client.get("/de/nicht-da/")  # 404s are never stored


def test_publishing_a_release_shows_it_at_once_on_home_listing_and_feed(client, german, publish):
    paths = ["/de/", "/de/aktuelles/", "/de/aktuelles/?page=2", "/de/aktuelles/feed/rss/", "/sitemap-pages.xml"]
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Cache"] == "HIT", path
    index = NewsIndexPage.objects.get(locale=german)
    release = NewsPageFactory(parent=index, title="Frisch veröffentlicht", live=False)
    publish(release)
    for path in ["/de/", "/de/aktuelles/", "/de/aktuelles/feed/rss/", "/sitemap-pages.xml"]:
        response = client.get(path)
        assert response["X-Cache"] == "MISS", path
        assert (
            "Frisch veröffentlicht" in response.content.decode() or "frisch-veroffentlicht" in response.content.decode()
        )
    assert client.get("/de/aktuelles/?page=2")["X-Cache"] == "MISS"  # every variant of the listing


def test_other_pages_stay_cached_when_a_release_is_published(client, german, publish):
    for path in ["/de/partner/", "/en/partners/", "/de/veranstaltungen/"]:
        client.get(path)
    index = NewsIndexPage.objects.get(locale=german)
    publish(NewsPageFactory(parent=index, title="Nur eine Meldung", live=False))
    for path in ["/de/partner/", "/en/partners/", "/de/veranstaltungen/"]:
        assert client.get(path)["X-Cache"] == "HIT", path


def test_unpublishing_purges_the_page_and_its_listings(client, german, django_capture_on_commit_callbacks):
    release = NewsPage.objects.filter(locale=german).live().order_by("-date").first()
    for path in [release.url, "/de/aktuelles/", "/de/"]:
        client.get(path)
    with django_capture_on_commit_callbacks(execute=True):
        release.unpublish()
    assert client.get(release.url).status_code == 404
    assert release.title not in client.get("/de/aktuelles/").content.decode()


def test_a_release_naming_a_city_purges_the_member_page_in_both_languages(german):
    release = NewsPage.objects.get(locale=german, slug__contains="wuppertal")
    plan = purge.Purge()
    plan.add(pages=[release.pk])
    everything, site_paths = plan.plan()
    assert not everything
    paths = {path for _site, path in site_paths}
    assert {"/de/", "/en/", "/de/aktuelles/", "/en/news/", "/de/aktuelles/feed/rss/", "/en/news/feed/atom/"} <= paths
    assert "/de/mitglieder/wuppertal/" in paths and "/en/members/wuppertal/" in paths
    assert "/sitemap.xml" in paths and "/sitemap-pages.xml" in paths
    assert release.url in paths
    english = NewsPage.objects.get(translation_key=release.translation_key, locale__language_code="en")
    assert english.url in paths
    assert "/de/partner/" not in paths  # unrelated listings stay cached


def test_a_menu_page_purges_everything(german, client, publish):
    client.get("/de/aktuelles/")
    about = Page.objects.get(locale=german, depth=3, slug="ueber-das-netzwerk").specific
    about.title = "Über uns"
    publish(about)
    response = client.get("/de/aktuelles/")
    assert response["X-Cache"] == "MISS"
    assert "Über uns" in response.content.decode()


class RecordingBackend(BaseBackend):
    """A frontend cache (CDN) that records what it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)


@pytest.fixture
def cdn():
    RecordingBackend.purged = []
    backend = {"cdn": {"BACKEND": "tests.core.test_page_cache.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        yield RecordingBackend.purged


def test_a_cdn_is_purged_through_wagtails_frontend_cache_once(german, cdn):
    index = NewsIndexPage.objects.get(locale=german)
    release = NewsPageFactory(parent=index, title="Für das CDN", live=False)
    release.save_revision().publish()
    assert release.full_url in cdn
    assert any(url.endswith("/de/aktuelles/feed/rss/") for url in cdn)
    assert len(cdn) == len(set(cdn))  # one purge path: Wagtail's own handlers are not connected
    assert not any("/partner/" in url or "/veranstaltungen/" in url for url in cdn)  # unrelated pages stay


def test_a_cdn_purge_of_everything_lists_every_live_page_on_the_worker(german, cdn):
    about = Page.objects.get(locale=german, depth=3, slug="ueber-das-netzwerk").specific
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        about.save_revision().publish()
    assert cdn == []  # nothing sent during the editor's request
    queued = DBTaskResult.objects.filter(task_path="core.tasks.purge_frontend_cache_task").get()
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])  # as the worker does
    live = Page.objects.live().filter(depth__gte=2).count()
    assert len(set(cdn)) >= live
