"""A press release page: credit lines, corrections, press box, structured data, video consent."""

import json

import pytest

from tests.conftest import soup
from tests.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

KICKOFF_DE = "/de/aktuelles/qualifizierungsreihe-gegen-diskriminierung-startet-in-wuppertal/"
KICKOFF_EN = "/en/news/training-series-against-discrimination-starts-in-wuppertal/"


def test_kickoff_release_shows_dateline_lead_photo_and_credit(client):
    page_soup = soup(client.get(KICKOFF_DE))
    assert page_soup.h1.get_text() == "Bundesweite Qualifizierungsreihe gegen Diskriminierung startet in Wuppertal"
    assert page_soup.select_one(".article__dateline").get_text() == "Wuppertal"
    assert page_soup.select_one(".article__meta time")["datetime"].startswith("2024-11-07T11:00:00+01:00")
    figure = page_soup.select_one("main figure.figure")
    assert figure.find(class_="figure__credit").get_text() == "Foto: Stadt Wuppertal/Stefanie vom Stein"
    img = figure.find("img")
    assert img.get("loading") is None and img["fetchpriority"] == "high"
    assert img["width"] and img["height"]
    quotes = [q.get_text(" ", strip=True) for q in page_soup.select("figure.quote figcaption")]
    assert any("Uwe Schneidewind" in q and "Oberbürgermeister" in q for q in quotes)


def test_english_kickoff_is_a_real_translation(client):
    page_soup = soup(client.get(KICKOFF_EN))
    assert page_soup.html["lang"] == "en"
    assert page_soup.h1.get_text() == "Nationwide training series against discrimination starts in Wuppertal"
    assert page_soup.select_one(".article__meta time").get_text() == "7 November 2024"
    assert [a.get_text() for a in page_soup.select(".article__topics a")] == [
        "Training",
        "Public administration",
        "Network",
    ]
    assert "Press officer (demo)" in page_soup.select_one(".press-box").get_text()


def test_press_kit_offers_full_resolution_with_credit_and_licence(client):
    kit = soup(client.get(KICKOFF_DE)).select_one(".press-kit li")
    assert kit.find("a")["href"].startswith("/media/original_images/")
    assert "Foto: Stadt Wuppertal/Stefanie vom Stein" in kit.get_text()
    assert "Lizenz" in kit.get_text() or "Licence" in kit.get_text()


def test_structured_data_is_a_news_article(client):
    page_soup = soup(client.get(KICKOFF_EN))
    data = json.loads(page_soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2024-11-07T11:00:00+01:00"
    assert data["headline"].startswith("Nationwide training series")
    assert data["image"]["creditText"] == "Stadt Wuppertal/Stefanie vom Stein"
    assert data["publisher"]["@type"] == "Organization"
    assert page_soup.find("meta", property="og:type")["content"] == "article"
    assert page_soup.find("meta", property="article:published_time")


def test_structured_data_cannot_break_out_of_its_script(client, index_de):
    NewsPageFactory(parent=index_de, slug="boese", title="</script><script>alert(1)</script>")
    body = client.get("/de/aktuelles/boese/").content.decode()
    assert "</script><script>alert(1)" not in body


def test_correction_log_is_shown(client):
    page_soup = soup(client.get("/de/aktuelles/prasenzrunde-in-frankfurt-am-main/"))
    corrections = page_soup.select_one("section.corrections")
    assert "Aktualisiert am 5. März 2025" in corrections.get_text()
    assert "von elf auf zwölf" in corrections.get_text()


def test_video_loads_nothing_from_the_provider_before_consent(client, index_de):
    NewsPageFactory(
        parent=index_de,
        slug="mit-video",
        body=[
            ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Rückblick", "transcript": ""})
        ],
    )
    page_soup = soup(client.get("/de/aktuelles/mit-video/"))
    assert page_soup.find("iframe") is None
    figure = page_soup.select_one("[data-video-consent]")
    assert figure["data-embed-url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert figure.find("button") is not None


def test_lead_image_needs_alt_text(index_de):
    from django.core.exceptions import ValidationError

    release = NewsPageFactory.build(lead_image=ImageFactory(), lead_image_alt="")
    with pytest.raises(ValidationError) as error:
        release.clean()
    assert "lead_image_alt" in error.value.message_dict


def test_publication_date_defaults_to_first_publication(index_de):
    release = NewsPageFactory(parent=index_de, date=None, slug="ohne-datum")
    release.save_revision().publish()
    release.refresh_from_db()
    assert release.date is not None
    assert abs((release.date - release.first_published_at).total_seconds()) < 5


def test_a_draft_without_date_shows_its_dateline_without_a_dangling_comma(admin_client, index_de):
    draft = NewsPageFactory(
        parent=index_de, slug="entwurf-ohne-datum", title="Entwurf", dateline="Wuppertal", date=None, live=False
    )
    draft.save_revision()
    page_soup = soup(admin_client.get(f"/admin/pages/{draft.pk}/view_draft/"))
    meta = page_soup.select_one(".article__meta")
    assert meta.get_text(" ", strip=True) == "Wuppertal"
    assert meta.find("time") is None
