"""Documents served with byte ranges (core.documents): videos can be sought
(Safari plays nothing without them), downloads resumed; private collections
stay private, ranges or not."""

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.factories import make_document

pytestmark = pytest.mark.django_db


# Bytes that are no video: the view serves files, whatever they hold.
VIDEO_BYTES = bytes(range(256)) * 40


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def video_bytes():
    return VIDEO_BYTES


@pytest.fixture
def video(video_bytes):
    return make_document("gebaerden.webm", video_bytes, title="Testvideo")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_whole_video_with_its_type_length_and_an_offer_of_ranges(client, video, video_bytes):
    response = client.get(video.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "video/webm"
    assert response["Accept-Ranges"] == "bytes"
    assert int(response["Content-Length"]) == len(video_bytes)
    assert "Content-Encoding" not in response  # the file as it is, never "None"
    assert response["ETag"].strip('"')
    assert body(response) == video_bytes


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [("bytes=0-99", 0, 99), ("bytes=100-", 100, None), ("bytes=-50", -50, None), ("bytes=10-999999999", 10, None)],
)
def test_a_range_is_answered_with_206_and_just_those_bytes(client, video, video_bytes, header, first, last):
    size = len(video_bytes)
    start = first % size
    end = size - 1 if last is None else last
    response = client.get(video.url, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{size}"
    assert int(response["Content-Length"]) == end - start + 1
    assert response["Content-Type"] == "video/webm"
    assert body(response) == video_bytes[start : end + 1]


def test_a_range_beyond_the_end_is_refused_with_416(client, video, video_bytes):
    response = client.get(video.url, HTTP_RANGE=f"bytes={len(video_bytes)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(video_bytes)}"


@pytest.mark.parametrize("header", ["bytes=0-9,20-29", "bytes=9-0", "items=0-9", "bytes=abc"])
def test_ranges_the_view_does_not_serve_get_the_whole_file(client, video, video_bytes, header):
    response = client.get(video.url, HTTP_RANGE=header)
    assert response.status_code == 200
    assert body(response) == video_bytes


def test_a_range_of_a_changed_file_if_range_gets_the_whole_new_file(client, video, video_bytes):
    stale = client.get(video.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"an-old-etag"')
    assert stale.status_code == 200 and body(stale) == video_bytes
    etag = client.get(video.url)["ETag"]
    fresh = client.get(video.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    assert fresh.status_code == 206 and body(fresh) == video_bytes[:10]


def test_a_video_in_a_private_collection_is_not_served_to_the_public(client, admin_client, video_bytes):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    secret = make_document("intern.webm", video_bytes, collection=private)
    for headers in ({}, {"HTTP_RANGE": "bytes=0-99"}):
        response = client.get(secret.url, **headers)
        assert response.status_code in (302, 403)
        assert response.status_code != 206 and video_bytes[:100] not in body(response)
    # Those allowed to see it get it, ranges and all.
    assert admin_client.get(secret.url, HTTP_RANGE="bytes=0-99").status_code == 206


def test_other_documents_keep_wagtails_behaviour_and_gain_ranges(client):
    pdf = make_document("bericht.pdf", b"%PDF-1.4\n" + b"x" * 500)
    response = client.get(pdf.url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get(pdf.url, HTTP_RANGE="bytes=0-7").status_code == 206
    assert client.get(pdf.url.replace("bericht", "anders")).status_code == 404
