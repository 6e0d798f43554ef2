"""Renditions are made on upload and publish, never while a visitor waits."""

from django.test import override_settings

from wagtail.images.models import Filter

import pytest

from core.images import filter_specs, prerender
from core.models import CustomImage, CustomRendition
from news.models import NewsIndexPage
from tests.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def prerendering():
    with override_settings(PRERENDER_RENDITIONS=True):
        yield


def test_an_uploaded_image_has_every_rendition_at_once(prerendering, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(filter_specs())
    assert {"format-avif|width-800", "format-webp|width-800", "format-jpeg|width-800"} <= made


def test_visitors_never_wait_for_a_rendition(prerendering, client, german, django_capture_on_commit_callbacks):
    # The demo was loaded without renditions (quick tests); a site has them.
    for existing in CustomImage.objects.all():
        prerender(existing)
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
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
