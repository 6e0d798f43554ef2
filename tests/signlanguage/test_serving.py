"""Captions served by the site itself as UTF-8 WebVTT (byte ranges and
privacy of documents: tests/core/test_documents.py)."""

import pytest

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_captions_are_served_as_utf8_webvtt(client, captions):
    response = client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert body(response).startswith(b"WEBVTT")
