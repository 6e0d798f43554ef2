"""When a page fails to render (the database restarting, say), visitors get
the last good copy from the page cache, marked stale, or a 503 that says the
site is back soon; never a copy an edit has replaced."""

import logging
import time

from django.db import OperationalError
from django.test import override_settings

import pytest

from home.models import HomePage
from news.models import NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("short_lived_pages")]


@pytest.fixture
def short_lived_pages():
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_SECONDS=1, PAGE_CACHE_STALE_SECONDS=3600):
        yield


@pytest.fixture
def database_down(monkeypatch):
    """Every page fails the way it does while PostgreSQL restarts."""

    def fail(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    def start():
        monkeypatch.setattr(HomePage, "serve", fail)
        monkeypatch.setattr(NewsPage, "serve", fail)

    return start


@pytest.fixture
def visitor(client):
    client.raise_request_exception = False
    return client


def expire():
    time.sleep(1.1)


def test_an_expired_page_is_served_stale_while_the_database_is_down(visitor, database_down, caplog):
    fresh = visitor.get("/de/")
    assert fresh["X-Cache"] == "MISS"
    assert "stale-if-error=3600" in fresh["Cache-Control"]
    expire()
    database_down()
    with caplog.at_level(logging.WARNING, logger="core.caching.page_cache"):
        stale = visitor.get("/de/")
    assert stale.status_code == 200
    assert stale.content == fresh.content
    assert stale["X-Cache"] == "STALE"
    assert stale["Warning"] == '110 - "Response is Stale"'
    # A CDN must not keep the stale copy as if it were fresh.
    assert "s-maxage=0" in stale["Cache-Control"]
    assert stale["Content-Language"] == "de"
    assert "Served a stale copy of /de/" in caplog.text


def test_the_page_is_rendered_afresh_once_the_database_is_back(visitor):
    visitor.get("/de/")
    expire()
    again = visitor.get("/de/")
    assert again.status_code == 200
    assert again["X-Cache"] == "MISS"
    assert "Warning" not in again


@pytest.mark.parametrize(
    "path, heading",
    [("/de/", "Vorübergehend nicht erreichbar"), ("/en/", "Temporarily unavailable")],
)
def test_without_a_copy_the_visitor_is_told_to_come_back_soon(visitor, database_down, path, heading):
    database_down()
    response = visitor.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert heading in response.content.decode()
    assert "X-Cache" not in response


def test_an_unpublished_page_is_never_served_stale(visitor, german, database_down, django_capture_on_commit_callbacks):
    release = NewsPage.objects.filter(locale=german).live().order_by("-date").first()
    assert visitor.get(release.url)["X-Cache"] == "MISS"
    with django_capture_on_commit_callbacks(execute=True):
        release.unpublish()
    expire()
    database_down()
    response = visitor.get(release.url)
    assert response.status_code == 404
    assert release.title not in response.content.decode()


def test_an_edited_page_is_not_served_in_its_old_version(
    visitor, german, database_down, django_capture_on_commit_callbacks
):
    release = NewsPage.objects.filter(locale=german).live().order_by("-date").first()
    old_title = release.title
    visitor.get(release.url)
    release.title = "Korrigierte Fassung"
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
    expire()
    database_down()
    response = visitor.get(release.url)
    assert response.status_code == 503
    assert old_title not in response.content.decode()


def test_other_server_errors_are_still_500(visitor, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(HomePage, "serve", broken)
    response = visitor.get("/en/")
    assert response.status_code == 500
    assert "Server error" in response.content.decode()
    assert "Retry-After" not in response
