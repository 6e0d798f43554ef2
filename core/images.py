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
from django.db.models import Prefetch

from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

CARD_SPECS = "format-{avif,webp,jpeg} fill-{480x270,960x540}"  # news/includes/release_card.html
PARTNER_CARD_SPECS = "max-240x120 format-webp"  # partners/partner_index_page.html
FEED_SPECS = "width-1200|format-jpeg"  # news/feeds.py: enclosure and media:content
PHOTO_SPECS = [
    "format-{avif,webp,jpeg} width-{480,800,1200}",  # components/figure.html
    CARD_SPECS,
    FEED_SPECS,
    "fill-1200x630 format-jpeg",  # base.html: og:image
    "fill-1200x675|format-jpeg",  # news/structured_data.py: JSON-LD image
    "fill-240x160 format-webp",  # news/news_page.html: press kit
]
LOGO_SPECS = [
    "max-200x80 format-png",  # components/funding_notice.html
    "max-320x160 format-webp",  # partners/partner_page.html
    PARTNER_CARD_SPECS,
]


def filter_specs():
    """Every spec: any image may become a lead image or a logo."""
    return [spec for pattern in [*PHOTO_SPECS, *LOGO_SPECS] for spec in Filter.expand_spec(pattern)]


def prefetch_renditions(image_field, *patterns):
    """Prefetch, for a listing, only the renditions its cards show.

    A prefetched image answers `{% image %}`/`{% picture %}` from the
    prefetched list without a query; fetching every rendition of every image
    (about twenty each) would make listings slower to load and to cache.
    """
    from wagtail.images import get_image_model

    specs = [spec for pattern in patterns for spec in Filter.expand_spec(pattern)]
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch(f"{image_field}__renditions", queryset=renditions)


_operations = {}
_parse_operations = Filter.operations.func


def shared_operations(self):
    """Filter.operations, parsed once per spec and process instead of once per
    image tag: Wagtail builds a new Filter for each tag and parses its spec
    with `inspect` each time, which took a quarter of a listing's render time.
    The operations only hold the parsed arguments, so they can be shared."""
    try:
        return _operations[self.spec]
    except KeyError:
        return _operations.setdefault(self.spec, _parse_operations(self))


Filter.operations = property(shared_operations)


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
