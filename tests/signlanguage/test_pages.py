"""DGS video pages: what the site reads from the video, what it refuses, what a visitor sees."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import translation

import pytest

from signlanguage.models import SignLanguageIndexPage, SignLanguageVideoPage
from tests.conftest import soup
from tests.factories import ImageFactory, SignLanguageVideoPageFactory, make_document
from tests.signlanguage.conftest import encode_video

pytestmark = pytest.mark.django_db


def refused(page, field):
    """The editor's messages for `field` when the page is saved (in English)."""
    with translation.override("en"), pytest.raises(ValidationError) as error:
        page.full_clean()
    with translation.override("en"):
        return " ".join(error.value.message_dict[field])


def test_saving_reads_size_frame_rate_duration_and_bytes_from_the_video(empty_index, video, captions, video_bytes):
    page = SignLanguageVideoPageFactory(parent=empty_index, video=video, captions=captions)
    page.refresh_from_db()
    assert (page.video_width, page.video_height) == (640, 360)
    assert page.video_frame_rate == Decimal("25.000")
    assert page.video_duration == pytest.approx(2.0, abs=0.05)
    assert page.video_size == len(video_bytes)
    assert page.video_type == "video/webm"


def test_an_mp4_video_is_read_as_well(empty_index, captions):
    mp4 = make_document("gebaerden.mp4", encode_video(480, 360, 30, 1, container="mp4"))
    page = SignLanguageVideoPageFactory(parent=empty_index, video=mp4, captions=captions)
    assert (page.video_width, page.video_height, page.video_frame_rate) == (480, 360, Decimal("30.000"))
    assert page.video_type == "video/mp4"
    assert page.video_duration == pytest.approx(1.0, abs=0.1)


def test_a_video_below_320_by_240_pixels_is_refused(empty_index, captions):
    small = make_document("klein.webm", encode_video(288, 216, 25, 1))
    page = SignLanguageVideoPage(
        title="Zu klein", slug="zu-klein", video=small, captions=captions, transcript="<p>x</p>"
    )
    page.locale = empty_index.locale
    message = refused(page, "video")
    assert "288×216" in message and "320×240" in message


def test_a_video_at_24_frames_per_second_is_refused(empty_index, captions):
    film = make_document("kino.webm", encode_video(640, 360, 24, 1))
    page = SignLanguageVideoPage(title="Kino", slug="kino", video=film, captions=captions, transcript="<p>x</p>")
    page.locale = empty_index.locale
    message = refused(page, "video")
    assert "24 frames per second" in message and "25" in message


def test_a_file_that_is_no_video_is_refused(empty_index, captions):
    fake = make_document("falsch.webm", b"%PDF-1.4 not a video at all")
    page = SignLanguageVideoPage(title="Falsch", slug="falsch", video=fake, captions=captions, transcript="<p>x</p>")
    page.locale = empty_index.locale
    assert "could not be read as a video" in refused(page, "video")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("untertitel.srt", b"1\n00:00:00,000 --> 00:00:02,000\nHallo\n", "must be a WebVTT file (.vtt)"),
        ("untertitel.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nHallo\n", 'first line must be "WEBVTT"'),
        ("untertitel.vtt", b"WEBVTT\n\nnur Text, keine Zeiten\n", "has no cues"),
        ("untertitel.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nGebärde\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_captions_that_are_not_webvtt_are_refused(empty_index, video, name, data, message):
    bad = make_document(name, data)
    page = SignLanguageVideoPage(
        title="Untertitel", slug="untertitel", video=video, captions=bad, transcript="<p>x</p>"
    )
    page.locale = empty_index.locale
    assert message in refused(page, "captions")


def test_video_captions_and_text_alternative_are_required(empty_index):
    page = SignLanguageVideoPage(title="Leer", slug="leer")
    page.locale = empty_index.locale
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"video", "captions", "transcript"} <= set(error.value.message_dict)


def test_sign_language_pages_are_refused_outside_the_german_tree(english, home_en, video, captions):
    assert not SignLanguageIndexPage.can_create_at(home_en)
    index = SignLanguageIndexPage(title="Sign language", slug="sign-language", locale=english)
    with translation.override("en"), pytest.raises(ValidationError, match="German only"):
        index.full_clean()
    page = SignLanguageVideoPage(
        title="Video", slug="video", video=video, captions=captions, transcript="<p>x</p>", locale=english
    )
    with translation.override("en"), pytest.raises(ValidationError, match="German only"):
        page.full_clean()


def test_the_page_plays_the_video_with_german_captions_and_offers_it_for_download(
    client, empty_index, video, captions, video_bytes
):
    page = SignLanguageVideoPageFactory(
        parent=empty_index,
        title="Wie Sie uns erreichen",
        video=video,
        captions=captions,
        transcript="<p>Sie erreichen uns per E-Mail und Telefon.</p>",
    )
    html = soup(client.get(page.url))
    player = html.select_one("main video")
    assert player.has_attr("controls") and player["preload"] == "metadata"
    assert not player.has_attr("autoplay")
    assert (player["width"], player["height"]) == ("640", "360")
    source = player.select_one("source")
    assert (source["src"], source["type"]) == (video.url, "video/webm")
    track = player.select_one("track")
    assert (track["kind"], track["src"], track["srclang"], track["label"]) == (
        "captions",
        captions.url,
        "de",
        "Deutsch",
    )
    assert track.has_attr("default")
    # Marked as DGS with the site's logo, and the same content as text below.
    assert html.select_one(".dgs-badge img")["src"].endswith("img/gebaerdensprache.svg")
    assert "Sie erreichen uns per E-Mail und Telefon." in html.select_one(".dgs-transcript").get_text()
    # The download link states format, size (German number format) and duration.
    download = html.select_one(".dgs-download a")
    assert download["href"] == video.url and download.has_attr("download")
    with translation.override("de"):
        size = filesizeformat(len(video_bytes))
    assert "," in size  # e.g. "12,3 KB"
    text = " ".join(download.get_text().split())
    assert "WebM" in text and " ".join(size.split()) in text and "0:02" in text
    assert download.select_one("data")["value"] == str(len(video_bytes))
    # Nothing from another host, no player script.
    assert not html.select("main iframe, main script")


def test_the_index_lists_its_videos_with_duration_and_links_its_feeds(client, empty_index, video, captions):
    first = SignLanguageVideoPageFactory(parent=empty_index, title="Erstes Video", video=video, captions=captions)
    SignLanguageVideoPageFactory(parent=empty_index, title="Zweites Video", video=video, captions=captions)
    draft = SignLanguageVideoPageFactory(parent=empty_index, title="Entwurf", video=video, captions=captions)
    draft.unpublish()
    html = soup(client.get(empty_index.url))
    titles = [link.get_text(strip=True) for link in html.select(".dgs-card h2 a")]
    assert titles == ["Erstes Video", "Zweites Video"]
    assert html.select_one(".dgs-card h2 a")["href"] == first.url
    assert "0:02" in html.select_one(".dgs-card__meta").get_text()
    feeds = {link["type"]: link["href"] for link in html.select('head link[rel="alternate"][type$="+xml"]')}
    assert feeds["application/rss+xml"] == f"{empty_index.url}feed/rss/"
    assert feeds["application/atom+xml"] == f"{empty_index.url}feed/atom/"


def test_the_index_costs_the_same_queries_for_1_and_20_videos(settings, flat_queries, empty_index, video, captions):
    settings.PAGE_CACHE_ENABLED = False
    poster = ImageFactory()
    SignLanguageVideoPageFactory(parent=empty_index, video=video, captions=captions, poster=poster)

    def grow():
        with transaction.atomic():
            for _ in range(19):
                SignLanguageVideoPageFactory(parent=empty_index, video=video, captions=captions, poster=poster)

    response = flat_queries(empty_index.url, grow)
    assert len(soup(response).select(".dgs-card")) == 20


def test_the_videos_are_in_the_sitemap(client, empty_index, video, captions):
    page = SignLanguageVideoPageFactory(parent=empty_index, video=video, captions=captions)
    from tests.core.test_sitemap import sitemap_urls

    locations = {
        url.find("s:loc", {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}).text for url in sitemap_urls(client)
    }
    assert page.get_full_url() in locations
    assert empty_index.get_full_url() in locations


def test_a_video_file_replaced_in_the_documents_admin_shows_its_new_size_and_length(
    client, admin_client, empty_index, video, captions
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    page = SignLanguageVideoPageFactory(parent=empty_index, video=video, captions=captions)
    assert "0:02" in client.get(page.url).content.decode()  # the page is cached now
    longer = encode_video(480, 360, 25, 5)
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[video.pk]),
        {
            "title": video.title,
            "collection": video.collection_id,
            "file": SimpleUploadedFile("gebaerden-neu.webm", longer, content_type="video/webm"),
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.video_width, page.video_size) == (480, len(longer))
    with translation.override("de"):
        size = filesizeformat(len(longer))
    html = client.get(page.url).content.decode()
    assert "0:05" in html and size in html
    assert "0:02" not in html


def test_a_revision_published_after_the_file_was_replaced_states_the_new_file(empty_index, video, captions):
    page = SignLanguageVideoPageFactory(parent=empty_index, video=video, captions=captions)
    revision = page.save_revision()  # a draft with the old file's details
    video.file.save("gebaerden-neu.webm", ContentFile(encode_video(480, 360, 25, 1)), save=False)
    video._set_document_file_metadata()
    SignLanguageVideoPage.objects.filter(pk=page.pk).update(video_hash="")  # as if the page missed the change
    video.save()
    revision.publish()
    page.refresh_from_db()
    assert page.video_width == 480 and page.video_hash == video.file_hash
