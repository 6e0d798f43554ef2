"""Uploads have upper limits, answered with a message, never a 500."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest

from tests.workflow.test_media_roles import photo_upload

pytestmark = pytest.mark.django_db


def post_image(client, title):
    return client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": photo_upload(),
            "collection": Collection.get_first_root_node().pk,
            "kind": "photo",
            "credit": "Foto: Netzwerk",
        },
    )


def test_an_image_over_the_size_limit_is_refused_with_a_message(login, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = post_image(login("redaktion"), "Zu groß")
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_image_model().objects.filter(title="Zu groß").exists()


def test_an_image_with_too_many_pixels_is_refused_with_a_message(login, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 640 * 480 - 1
    response = post_image(login("redaktion"), "Zu viele Pixel")
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_image_model().objects.filter(title="Zu viele Pixel").exists()


def test_a_document_over_the_size_limit_is_refused_with_a_message(login, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    response = login("redaktion").post(
        "/admin/documents/add/",
        {
            "title": "Großes Protokoll",
            "file": SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4\n" + b"x" * 5000),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert "zu groß" in str(response.context["form"].errors["file"])
    assert not get_document_model().objects.filter(title="Großes Protokoll").exists()
    # Within the limit it is saved.
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
    response = login("redaktion").post(
        "/admin/documents/add/",
        {
            "title": "Kleines Protokoll",
            "file": SimpleUploadedFile("klein.pdf", b"%PDF-1.4\nklein"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Kleines Protokoll").exists()
