"""Renditions are made by the task worker, never while an editor or a visitor waits.

Until the worker has made an image's renditions, pages show its original
file at the requested size, with the same alt text, and queue the task;
once made, the pages showing the image are purged and show the renditions.
"""

import io
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.images.models import Filter
from wagtail.models import Collection

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.images import filter_specs, make_renditions
from core.models import CustomImage, CustomRendition
from demo.images import banner_picture
from news.models import NewsIndexPage
from tests.conftest import soup
from tests.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

TASK = "core.tasks.make_renditions_task"


@pytest.fixture
def background():
    """As in production: renditions come from the worker (the test settings
    let pages make them on first use, to keep the other tests quick)."""
    with override_settings(PRERENDER_RENDITIONS=True):
        yield


@pytest.fixture
def worker(background, task_queue):
    """Tasks wait in the database until `run()` runs the worker; returns
    the queued rendition tasks."""

    class Worker:
        @staticmethod
        def queued(image=None):
            """The rendition tasks waiting (for this image: the demo's have none in the tests)."""
            return [
                task for task in task_queue.waiting(TASK) if image is None or image.pk in task.args_kwargs["args"][0]
            ]

        @staticmethod
        def run():
            task_queue.run()
            assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()

    return Worker


def site_renditions(image):
    return set(image.renditions.filter(filter_spec__in=filter_specs()).values_list("filter_spec", flat=True))


def sixteen_megapixels():
    buffer = io.BytesIO()
    banner_picture(seed=16, width=4896, height=3264).save(buffer, "PNG")
    return SimpleUploadedFile("pressefoto.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.slow
def test_uploading_a_16_megapixel_png_answers_at_once_and_the_worker_makes_the_renditions(admin_client, worker):
    upload = sixteen_megapixels()
    started = time.perf_counter()
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Pressefoto",
            "file": upload,
            "collection": Collection.get_first_root_node().pk,
            "kind": "photo",
            "credit": "Foto: Netzwerk",
        },
    )
    took = time.perf_counter() - started
    assert response.status_code == 302, response.context and response.context["form"].errors
    image = CustomImage.objects.get(title="Pressefoto")
    assert (image.width, image.height) == (4896, 3264)
    assert site_renditions(image) == set()  # none made in the upload request
    [queued] = worker.queued()
    assert queued.args_kwargs["args"] == [[image.pk]]
    assert took < 1.0, f"the upload took {took:.2f} s"

    worker.run()

    assert site_renditions(image) == set(filter_specs())
    jpeg = image.renditions.get(filter_spec="format-jpeg|width-1200")
    assert (jpeg.width, jpeg.height) == (1200, 800)


@pytest.mark.slow
def test_the_multiple_upload_queues_the_renditions_too(admin_client, worker):
    collection = Collection.get_first_root_node().pk
    response = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": sixteen_megapixels(), "collection": collection}
    )
    upload = response.json()["uploaded_file_id"]  # a photo needs its credit line first
    prefix = f"uploaded-image-{upload}"
    response = admin_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{upload}/",
        {
            f"{prefix}-title": "Viele",
            f"{prefix}-collection": collection,
            f"{prefix}-kind": "photo",
            f"{prefix}-credit": "Foto: Netzwerk",
        },
    )
    assert response.json()["success"], response.json()
    image = CustomImage.objects.get(pk=response.json()["image_id"])
    assert site_renditions(image) == set()
    assert [task.args_kwargs["args"] for task in worker.queued()] == [[[image.pk]]]
    worker.run()
    assert site_renditions(image) == set(filter_specs())


@pytest.fixture
def release_with_new_image(worker, german):
    image = ImageFactory(title="Neues Foto", file__width=1600, file__height=1000)
    index = NewsIndexPage.objects.get(locale=german)
    release = NewsPageFactory(
        parent=index, title="Mit neuem Foto", lead_image=image, lead_image_alt="Zwei Beraterinnen"
    )
    release.save_revision().publish()
    return release, image


def test_a_page_shows_the_original_until_the_worker_has_made_the_renditions(client, worker, release_with_new_image):
    release, image = release_with_new_image
    original = image.file.url
    assert original.startswith("/media/original_images/")

    response = client.get(release.url)
    assert response["X-Cache"] == "MISS"
    figure = soup(response).find("figure", class_="figure")
    img = figure.find("img")
    # The original, at the size of the rendition the layout asks for, with its alt text.
    assert (img["src"], img["alt"], img["width"], img["height"]) == (original, "Zwei Beraterinnen", "480", "300")
    assert not img.has_attr("sizes") and not img.has_attr("srcset")
    assert figure.find("source") is None  # no AVIF/WebP claimed for a PNG
    assert client.get(release.url)["X-Cache"] == "HIT"
    # The listing's card and the feed show it too; nobody made a rendition.
    card = soup(client.get(release.get_parent().url)).find("img", src=original)
    assert (card["width"], card["height"], card["alt"]) == ("480", "270", "")
    assert original in client.get(f"{release.get_parent().url}feed/rss/").content.decode()
    assert not image.renditions.exists()
    assert len(worker.queued(image)) == 1  # queued by the upload, not again by each page

    worker.run()

    response = client.get(release.url)
    assert response["X-Cache"] == "MISS"  # purged by the task
    figure = soup(response).find("figure", class_="figure")
    img = figure.find("img")
    assert img["src"] == image.renditions.get(filter_spec="format-jpeg|width-480").url
    assert img["alt"] == "Zwei Beraterinnen"
    assert figure.find("source", type="image/avif") is not None
    assert original not in client.get(release.get_parent().url).content.decode()
    assert client.get(release.url)["X-Cache"] == "HIT"


def test_a_page_showing_an_image_without_renditions_queues_them(client, worker, release_with_new_image):
    """Should the upload's task be lost (the worker's database restored, a
    new size in a template), the first visitor's request queues it again."""
    release, image = release_with_new_image
    DBTaskResult.objects.filter(task_path=TASK).delete()
    from django.core.cache import caches

    caches["pages"].clear()

    assert soup(client.get(release.url)).find("figure", class_="figure").img["src"] == image.file.url
    assert len(worker.queued(image)) == 1
    worker.run()
    assert site_renditions(image) == set(filter_specs())
    assert soup(client.get(release.url)).find("figure", class_="figure").find("source", type="image/avif")


def test_publishing_queues_the_missing_renditions_of_the_pages_images(worker, german):
    with override_settings(PRERENDER_RENDITIONS=False):  # an image from before: nothing queued
        image = ImageFactory()
    assert worker.queued() == []
    release = NewsPageFactory(parent=NewsIndexPage.objects.get(locale=german), lead_image=image, lead_image_alt="Foto")
    release.save_revision().publish()
    assert [task.args_kwargs["args"] for task in worker.queued()] == [[[image.pk]]]
    assert not image.renditions.exists()  # not in the editor's request
    worker.run()
    assert site_renditions(image) == set(filter_specs())


def test_a_new_file_gets_new_renditions_from_the_worker(admin_client, worker):
    image = ImageFactory(title="Austausch", file__width=640, file__height=480)
    worker.run()
    old = image.renditions.get(filter_spec="format-jpeg|width-480").file.name
    buffer = io.BytesIO()
    banner_picture(seed=2, width=900, height=600).save(buffer, "JPEG")
    response = admin_client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "Austausch",
            "file": SimpleUploadedFile("neu.jpg", buffer.getvalue(), content_type="image/jpeg"),
            "collection": image.collection_id,
            "kind": "photo",
            "credit": image.credit,
        },
    )
    assert response.status_code == 302
    assert site_renditions(image) == set()  # the old file's are gone, the new ones not made here
    assert len(worker.queued()) == 1
    worker.run()
    new = image.renditions.get(filter_spec="format-jpeg|width-480")
    assert new.file.name != old and (new.width, new.height) == (480, 320)


def test_the_admin_still_makes_its_own_thumbnails(admin_client, worker):
    image = ImageFactory(title="Vorschau")
    assert admin_client.get("/admin/images/").status_code == 200
    assert image.renditions.filter(filter_spec="max-165x165").exists()
    assert site_renditions(image) == set()


def test_visitors_never_wait_for_a_rendition(background, client, german):
    # The demo was loaded without renditions (quick tests); a site has them.
    for existing in CustomImage.objects.all():
        make_renditions(existing)
    image = ImageFactory()  # the task runs at once with the test settings' queue
    index = NewsIndexPage.objects.get(locale=german)
    release = NewsPageFactory(parent=index, title="Mit Bild", lead_image=image, lead_image_alt="Ein Bild")
    release.save_revision().publish()
    before = CustomRendition.objects.count()
    for path in [release.url, index.url, "/de/"]:
        html = client.get(path).content.decode()
        assert 'type="image/avif"' in html, path
    for path in [f"{index.url}feed/rss/", f"{index.url}feed/atom/", "/de/partner/", "/de/partner/eccar/"]:
        assert client.get(path).status_code == 200, path
    made = list(CustomRendition.objects.order_by("pk")[before:].values_list("filter_spec", "image__title"))
    assert made == []


def test_the_article_image_offers_avif_webp_and_jpeg_sized_for_the_layout(client, german):
    html = client.get("/de/aktuelles/qualifizierungsreihe-gegen-diskriminierung-startet-in-wuppertal/").content.decode()
    figure = html.split('<figure class="figure">', 1)[1].split("</figure>", 1)[0]
    assert figure.index('type="image/avif"') < figure.index('type="image/webp"')
    assert 'sizes="(min-width: 50rem) 48rem, 100vw"' in figure
    assert " 480w" in figure and " 800w" in figure and " 1200w" in figure
    assert 'width="' in figure and 'height="' in figure


def test_a_filter_spec_is_parsed_once_per_process():
    # Wagtail makes a Filter per image tag; parsing its spec each time cost a
    # quarter of a listing's render time (core/images.py shares them).
    first, second = Filter("format-webp|fill-480x270"), Filter("format-webp|fill-480x270")
    assert first.operations is second.operations
    assert [type(op).__name__ for op in first.operations] == ["FormatOperation", "FillOperation"]
    assert Filter("width-800").operations is not first.operations


@pytest.mark.parametrize("name, kind", [("kaputt.png", "PNG"), ("kaputt.jpg", "JPEG"), ("kaputt.webp", "WEBP")])
def test_an_upload_that_does_not_decode_is_still_refused_with_a_message(admin_client, name, kind):
    """The upload no longer decodes every pixel; a truncated file is refused all the same."""
    buffer = io.BytesIO()
    banner_picture(seed=3, width=1600, height=900).save(buffer, kind)
    truncated = buffer.getvalue()[: len(buffer.getvalue()) // 2]
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Kaputt",
            "file": SimpleUploadedFile(name, truncated),
            "collection": Collection.get_first_root_node().pk,
            "kind": "photo",
            "credit": "Foto: Netzwerk",
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not CustomImage.objects.filter(title="Kaputt").exists()
