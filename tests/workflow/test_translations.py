"""Translations keep in step with their German source; untranslated pages stay out of English."""

from wagtail_localize.models import TranslationSource

import pytest
from bs4 import BeautifulSoup

from core import translation_status
from news.models import NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def rows_by_title(english, **kwargs):
    return {row.source.title: row for row in translation_status.overview(english, **kwargs)}


@pytest.fixture
def release_pair(german, english):
    source = NewsPage.objects.filter(locale=german).order_by("path").first()
    return source, NewsPage.objects.get(translation_key=source.translation_key, locale=english)


def test_demo_translations_start_up_to_date(english):
    assert rows_by_title(english) == {}


def test_changing_the_german_source_marks_the_english_version_out_of_date(
    login, english, release_pair, django_capture_on_commit_callbacks
):
    source, translation = release_pair
    source.lead = "Ein neuer Vorspann, den es noch nicht auf Englisch gibt."
    source.save_revision().publish()

    row = rows_by_title(english)[source.title]
    assert row.status == translation_status.OUTDATED
    assert row.translation.pk == translation.pk

    client = login("uebersetzung")
    overview = BeautifulSoup(client.get("/admin/translations/?status=outdated").content, "html.parser")
    row_html = overview.find("tr", attrs={"data-status": "outdated"})
    assert source.title in row_html.get_text()
    sync_link = row_html.find("a", href=lambda href: href and "/admin/localize/update/" in href)
    assert sync_link is not None
    # The editor of the English page is told as well.
    editor = login("uebersetzung").get(f"/admin/pages/{translation.pk}/edit/", follow=True)
    assert "out of date" in editor.content.decode()

    # Translators sync through wagtail-localize; they cannot publish, so the
    # live English page stays as it was and the overview still lists it.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_link["href"], {"publish_translations": "on"})
    assert response.status_code == 302
    assert rows_by_title(english)[source.title].status == translation_status.OUTDATED
    translation.refresh_from_db()
    assert translation.lead != source.lead  # the live English page is unchanged
    # Moderation can sync and publish at once: up to date again.
    source.lead = "Ein neuer Vorspann, den es noch nicht auf Englisch gibt."
    source.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = login("moderation").post(sync_link["href"], {"publish_translations": "on"})
    assert response.status_code == 302
    assert source.title not in rows_by_title(english)
    translation.refresh_from_db()
    assert (
        translation.lead == "Ein neuer Vorspann, den es noch nicht auf Englisch gibt."
    )  # untranslated text falls back


def test_a_synced_translation_stays_listed_until_it_is_worked_on(login, english, release_pair):
    source, translation = release_pair
    source.lead = "Geänderter Vorspann."
    source.save_revision().publish()
    translation_source = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    login("moderation").post(f"/admin/localize/update/{translation_source.pk}/", {})
    assert rows_by_title(english)[source.title].status == translation_status.OUTDATED
    # A translator saves a draft of the English page: now it waits for review.
    translation.lead = "A changed lead."
    translation.save_revision()
    assert rows_by_title(english)[source.title].status == translation_status.DRAFT


def test_a_page_without_english_version_is_listed_and_stays_off_the_english_site(
    client, login, german, english, news_index_de
):
    release = NewsPageFactory(parent=news_index_de, title="Nur auf Deutsch")
    release.save_revision().publish()

    row = rows_by_title(english)["Nur auf Deutsch"]
    assert row.status == translation_status.MISSING
    overview = login("redaktion").get("/admin/translations/?status=missing").content.decode()
    assert "Nur auf Deutsch" in overview
    assert f"/admin/localize/submit/page/{release.pk}/" in overview

    client.logout()
    page = BeautifulSoup(client.get(release.url).content, "html.parser")
    hreflangs = {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")}
    assert "en" not in hreflangs
    english_index = news_index_de.get_translation(english)
    switch = page.select_one("a[hreflang=en]")
    assert switch["href"].endswith(english_index.url)

    assert "Nur auf Deutsch" not in client.get(english_index.url).content.decode()
    assert "Nur auf Deutsch" not in client.get(f"{english_index.url}feed/rss/").content.decode()
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    entry = next(url for url in sitemap.split("<url>") if f"{release.url}</loc>" in url)
    assert 'hreflang="en"' not in entry


def test_overview_filters_by_type_and_survives_bad_input(login, english, news_index_de):
    NewsPageFactory(parent=news_index_de, title="Fehlt auf Englisch").save_revision().publish()
    client = login("redaktion")
    for query in ["?type=abc", "?status=<script>", "?p=999", "?p=%00", "?locale=xx", "?type=99999"]:
        response = client.get(f"/admin/translations/{query}")
        assert response.status_code == 200, query
        assert "<script>" not in response.content.decode().split("</head>")[1].split("<script")[0]
    news_type = NewsPage.objects.first().content_type_id
    filtered = client.get(f"/admin/translations/?type={news_type}").content.decode()
    assert "Fehlt auf Englisch" in filtered


def test_overview_query_count_does_not_grow_with_pages(login, news_index_de, django_assert_max_num_queries):
    client = login("redaktion")
    for number in range(30):
        NewsPageFactory(parent=news_index_de, title=f"Unübersetzt {number}")
    with django_assert_max_num_queries(40) as few:
        client.get("/admin/translations/")
    small = len(few)
    for number in range(30, 90):
        NewsPageFactory(parent=news_index_de, title=f"Unübersetzt {number}")
    with django_assert_max_num_queries(small) as many:
        client.get("/admin/translations/")
    assert len(many) == small
