"""The demo's DGS section: the four explanations BITV 2.0 asks for, each with a
placeholder video that plays (640×360, 25 fps, a few seconds), German captions
and the explanation as text, all saying that the video is a placeholder."""

import io

import pytest

from signlanguage import media
from signlanguage.models import SignLanguageVideoPage
from tests.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media():
    """The demo's files, where load_demo put them."""


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_demo_has_the_four_explanations_with_working_videos(client, index_de):
    assert index_de.url == "/de/gebaerdensprache/"
    pages = list(SignLanguageVideoPage.objects.child_of(index_de).live().order_by("path"))
    assert [page.slug for page in pages] == ["inhalt-der-website", "navigation", "barrierefreiheit", "weitere-angebote"]
    listing = soup(client.get(index_de.url))
    assert len(listing.select(".dgs-card")) == 4
    for page in pages:
        html = soup(client.get(page.url))
        assert "Platzhalter" in html.select_one("main header").get_text()
        assert len(html.select_one(".dgs-transcript").get_text(strip=True)) > 200
        source = html.select_one("main video source")
        response = client.get(source["src"])
        assert response.status_code == 200 and response["Content-Type"] == source["type"] == "video/webm"
        data = content(response)
        info = media.read_video(io.BytesIO(data), "demo.webm")
        assert media.check_video(info) == []
        assert (info.width, info.height, info.frame_rate) == (640, 360, 25)
        assert 6 <= info.duration <= 10 and len(data) < 500_000
        track = client.get(html.select_one("main video track")["src"])
        assert track["Content-Type"] == "text/vtt; charset=utf-8"
        captions = content(track).decode()
        assert captions.startswith("WEBVTT") and "Platzhalter" in captions


def test_the_section_is_german_only(index_de):
    assert not index_de.get_translations().exists()
