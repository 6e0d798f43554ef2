"""/media/ serves images and their renditions; documents only through
Wagtail's document view, which checks their collection's privacy."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def private_document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.PASSWORD, password="geheim-2026"
    )
    return get_document_model().objects.create(
        title="Beschwerdeprotokoll",
        collection=internal,
        file=ContentFile(b"vertraulicher Inhalt", name="protokoll.txt"),
    )


def test_a_document_in_a_private_collection_is_reachable_by_no_url_without_the_password(client, private_document):
    name = private_document.file.name  # documents/protokoll.txt
    for url in (
        f"/media/{name}",
        f"/media/./{name}",
        f"/media/images/../{name}",
        f"/media/original_images/..%2F{name}",
        private_document.url,
    ):
        response = client.get(url)
        assert b"vertraulicher Inhalt" not in body(response), url
        assert response.status_code in (200, 302, 400, 404), url
    # The document view asks for the password instead.
    assert client.get(private_document.url).status_code == 200
    assert b"password" in client.get(private_document.url).content.lower()


def test_public_documents_are_served_by_the_document_view_not_from_media(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(
        title="Jahresbericht", file=ContentFile(b"oeffentlich", name="bericht.txt")
    )
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert body(client.get(document.url)) == b"oeffentlich"


def test_images_and_renditions_are_still_served_from_media(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = ImageFactory(file__width=320, file__height=240)
    rendition = image.get_rendition("fill-100x100")
    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert body(response)[:3] in (b"\xff\xd8\xff", b"\x89PN", b"GIF", b"RIF"), url
