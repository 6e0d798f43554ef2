"""RSS and Atom of the DGS videos: valid, each video as enclosure with its length and type."""

import feedparser
import pytest

from tests.factories import SignLanguageVideoPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("route", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")])
def test_the_feeds_carry_each_live_video_as_enclosure(
    client, empty_index, video, captions, video_bytes, route, content_type
):
    page = SignLanguageVideoPageFactory(parent=empty_index, title="Im Feed", video=video, captions=captions)
    draft = SignLanguageVideoPageFactory(parent=empty_index, title="Entwurf", video=video, captions=captions)
    draft.unpublish()
    response = client.get(f"{empty_index.url}feed/{route}/")
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == ["Im Feed"]
    entry = feed.entries[0]
    assert entry.link == page.get_full_url()
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"http://testserver{video.url}"
    assert int(enclosure.length) == len(video_bytes)
    assert enclosure.type == "video/webm"
