"""Renditions made ahead of time: on upload and on publish, never for a visitor.

The filter specs below are the ones the templates use (the same strings, so
Wagtail finds the renditions): content figures and lead images in AVIF, WebP
and JPEG at three widths, listing cards at two sizes, the social-media
image, press-kit thumbnails and logos. tests/core/test_renditions.py renders
every page type and fails if a visitor's request had to make one.
"""

import logging

from django.conf import settings
from django.db import transaction

from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

PHOTO_SPECS = [
    "format-{avif,webp,jpeg} width-{480,800,1200}",  # components/figure.html
    "format-{avif,webp,jpeg} fill-{480x270,960x540}",  # news/includes/release_card.html
    "fill-1200x630 format-jpeg",  # base.html: og:image
    "fill-1200x675|format-jpeg",  # news/structured_data.py: JSON-LD image
    "fill-240x160 format-webp",  # news/news_page.html: press kit
]
LOGO_SPECS = [
    "max-200x80 format-png",  # components/funding_notice.html
    "max-320x160 format-webp",  # partners/partner_page.html
    "max-240x120 format-webp",  # partners/partner_index_page.html
]


def filter_specs():
    """Every spec: any image may become a lead image or a logo."""
    return [spec for pattern in [*PHOTO_SPECS, *LOGO_SPECS] for spec in Filter.expand_spec(pattern)]


def prerender(image):
    """Make every rendition the templates may ask for (existing ones are kept)."""
    if image is None or not getattr(settings, "PRERENDER_RENDITIONS", True):
        return
    try:
        image.get_renditions(*filter_specs())
    except Exception:  # a broken upload must not break saving; the request would try again
        logger.exception("Could not make the renditions of image %s", image.pk)


def image_saved(sender, instance, created, **kwargs):
    if kwargs.get("raw") or not instance.file:
        return
    transaction.on_commit(lambda: prerender(instance))


def page_published(sender, instance, **kwargs):
    """The images a page shows: its lead image, logo and those in its body."""
    from wagtail.models import ReferenceIndex

    from core.models import CustomImage

    image_type = ReferenceIndex._get_base_content_type(CustomImage).pk
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_for_object(instance)
        .filter(to_content_type_id=image_type)
        .values_list("to_object_id", flat=True)
    }
    if ids:
        images = list(CustomImage.objects.filter(pk__in=ids))
        transaction.on_commit(lambda: [prerender(image) for image in images])


def connect_signals():
    from django.db.models.signals import post_save

    from wagtail.signals import page_published as published

    from core.models import CustomImage

    post_save.connect(image_saved, sender=CustomImage, dispatch_uid="images.prerender")
    published.connect(page_published, dispatch_uid="images.prerender_published")
