"""Editors add DGS videos in the admin: the page is published with what was
read from the file, or refused with a message saying what is wrong."""

from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from signlanguage.models import SignLanguageVideoPage
from tests.conftest import soup
from tests.factories import make_document
from tests.signlanguage.conftest import encode_video

pytestmark = pytest.mark.django_db


def add(admin_client, index, **fields):
    data = nested_form_data(
        {
            "title": "Neues Video",
            "slug": "neues-video",
            "transcript": rich_text("<p>Was gebärdet wird, als Text.</p>"),
            "action-publish": "action-publish",
            **fields,
        }
    )
    return admin_client.post(f"/admin/pages/add/signlanguage/signlanguagevideopage/{index.pk}/", data)


def test_an_editor_publishes_a_video_and_the_site_reads_its_figures(admin_client, empty_index, video, captions):
    response = add(admin_client, empty_index, video=video.pk, captions=captions.pk)
    assert response.status_code == 302
    page = SignLanguageVideoPage.objects.get(slug="neues-video")
    assert page.live and (page.video_width, page.video_height, page.video_duration > 1.9) == (640, 360, True)


def test_an_editor_is_told_why_a_video_too_small_is_refused(admin_client, empty_index, captions):
    small = make_document("klein.webm", encode_video(160, 120, 25, 1))
    response = add(admin_client, empty_index, video=small.pk, captions=captions.pk)
    assert response.status_code == 200
    text = " ".join(soup(response).get_text(" ").split())
    assert "160×120" in text and "320×240" in text
    assert not SignLanguageVideoPage.objects.filter(slug="neues-video").exists()
