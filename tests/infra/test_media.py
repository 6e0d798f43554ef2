"""Media on S3-compatible object storage: uploads, renditions and documents reach every app server."""

import urllib.request
from io import BytesIO
from urllib.error import HTTPError

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest
from PIL import Image

from tests.conftest import soup
from tests.factories import ImageFactory, StandardPageFactory
from tests.infra.conftest import S3_BUCKET as BUCKET

pytestmark = pytest.mark.django_db


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers


def test_an_uploaded_image_and_its_rendition_are_served_by_object_storage(s3_media, s3_server):
    image = ImageFactory(file__width=640, file__height=480)
    assert image.file.url.startswith(f"{s3_server}/{BUCKET}/original_images/")
    assert "?" not in image.file.url  # public media: no signed, expiring URLs

    rendition = image.get_rendition("fill-120x90")
    assert rendition.url.startswith(f"{s3_server}/{BUCKET}/images/")
    body, headers = fetch(rendition.url)
    assert Image.open(BytesIO(body)).size == (120, 90)
    assert "max-age=" in headers["Cache-Control"]


def test_an_image_uploaded_twice_under_one_name_keeps_both_files(s3_media):
    first = ImageFactory(file__filename="foto.jpg")
    second = ImageFactory(file__filename="foto.jpg")
    assert first.file.name != second.file.name
    assert fetch(first.file.url)[0] != b""


def test_pages_link_renditions_on_object_storage(client, home_de, s3_media, s3_server):
    photo = ImageFactory(width=1600, height=1000)
    StandardPageFactory(
        parent=home_de,
        slug="bild-in-s3",
        body=[("image", {"image": photo, "alt_text": "Gruppenfoto", "caption": "", "credit": ""})],
    )
    figure = soup(client.get("/de/bild-in-s3/")).find("figure", class_="figure")
    urls = [figure.img["src"]] + [src.split()[0] for src in figure.img["srcset"].split(",")]
    assert all(url.startswith(f"{s3_server}/{BUCKET}/images/") for url in urls), urls
    assert Image.open(BytesIO(fetch(figure.img["src"])[0])).width > 0


def test_a_document_round_trips_through_object_storage_and_the_app(client, s3_media, s3_server):
    content = b"%PDF-1.4\n% Pressemitteilung\n"
    document = get_document_model().objects.create(
        title="Pressemitteilung", file=ContentFile(content, name="pressemitteilung.pdf")
    )
    assert document.file.url.startswith(f"{s3_server}/{BUCKET}/documents/")
    with pytest.raises(HTTPError) as refused:
        fetch(document.file.url)  # the bucket gives documents to the app only
    assert refused.value.code == 403

    response = client.get(document.url)
    assert response.status_code == 200  # streamed by the app, not redirected to the bucket
    assert b"".join(response.streaming_content) == content


def test_a_private_document_on_object_storage_stays_private(client, s3_media, s3_server):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Interner Vermerk", collection=private, file=ContentFile(b"intern", name="vermerk.txt")
    )
    response = client.get(document.url)
    assert response.status_code == 302
    assert s3_server not in response["Location"]
    assert "/login/" in response["Location"]
