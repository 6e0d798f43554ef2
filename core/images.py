"""Renditions made by the task worker, never while an editor or a visitor waits.

The filter specs below are the ones the templates use (the same strings, so
Wagtail finds the renditions): content figures and lead images in AVIF, WebP
and JPEG at three widths, listing cards at two sizes, the social-media
image, press-kit thumbnails and logos. Uploading an image (or a new file
for it) and publishing a page whose images lack some queue
`core.tasks.make_renditions_task`; until it has run, pages show the original
file at the requested size (CustomImage.get_renditions) and queue it too,
and once it has run it purges the pages that show the image.
tests/core/test_renditions.py checks both and that no request makes one.
"""

import functools
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.db import transaction
from django.db.models import Prefetch

from wagtail.images.fields import WagtailImageField
from wagtail.images.models import Filter, WagtailImageFieldFile

from PIL import Image as PILImage
from willow.plugins.pillow import PillowImage

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


# Uploads: Wagtail reads an image's size through Willow, which decodes every
# pixel, and did so four times per upload (the form's pixel-count check twice,
# the model's width and height twice): 1.2 s of a 16-megapixel PNG's upload.

_willow_dimensions = WagtailImageFieldFile.get_image_dimensions
_check_pixel_size = WagtailImageField.check_image_pixel_size


def header_dimensions(self):
    """Width and height from the file's header (Django's reader), as Pillow
    reports them; Willow for what Pillow cannot read (SVG)."""
    if not self.name.lower().endswith(".svg"):
        close = self.closed
        self.open()
        width, height = get_image_dimensions(self, close=close)
        if width:
            return width, height
    return _willow_dimensions(self)


def check_pixel_size_decoding_once(self, f):
    """Wagtail's check that an upload is an image of at most
    WAGTAILIMAGES_MAX_IMAGE_PIXELS, without decoding every pixel twice:
    PNG and JPEG (nearly every upload) are checked on their header and then
    for integrity, a PNG by the checksums of all its chunks, a JPEG decoded
    at an eighth of its size; any other format is decoded once. A file that
    does not decode is refused with Wagtail's message."""
    source = f.image
    if source.format_name == "svg":
        return _check_pixel_size(self, f)
    invalid = ValidationError(self.error_messages["invalid_image"], code="invalid_image")
    try:
        source.f.seek(0)
        pillow = PILImage.open(source.f)
    except Exception as error:  # noqa: BLE001
        # Too many pixels: Wagtail's check says so; anything else is no image
        # (Wagtail answered a truncated WebP with a server error).
        try:
            return _check_pixel_size(self, f)
        except ValidationError:
            raise
        except Exception:  # noqa: BLE001
            raise invalid from error
    f.image = PillowImage(pillow)  # its size is read from the header
    try:
        _check_pixel_size(self, f)
    finally:
        f.image = source
    try:
        if pillow.format == "PNG":
            pillow.verify()
        elif pillow.format == "JPEG":
            pillow.draft("RGB", (pillow.width // 8, pillow.height // 8))
            pillow.load()
        else:
            pillow.load()
    except Exception as error:  # noqa: BLE001 - any reason a file does not decode
        raise invalid from error
    finally:
        source.f.seek(0)


WagtailImageFieldFile.get_image_dimensions = header_dimensions
WagtailImageField.check_image_pixel_size = check_pixel_size_decoding_once


@functools.cache
def site_specs():
    """The specs the site's pages use: made by the worker, never for a visitor."""
    return frozenset(filter_specs())


def in_background():
    """Renditions of the site's specs come from the task worker (the
    default); with PRERENDER_RENDITIONS off, Wagtail makes them on first use."""
    return getattr(settings, "PRERENDER_RENDITIONS", True)


QUEUED_SECONDS = 10 * 60  # a page asks for the task again after this long


def _queued_key(image_id):
    return f"renditions-queued:{image_id}"


def queue_renditions(image_ids, again=False):
    """Queue the task that makes the site's renditions of these images.

    Pages ask for it whenever they show an image without them; the shared
    cache remembers for a while that it is queued, so a busy page queues it
    once. `again`: an upload or a new file queues it whatever was queued
    before (that task may have run on the old file).
    """
    from core.tasks import make_renditions_task

    cache = caches["pages"]
    ids = sorted(set(image_ids))
    if again:
        cache.set_many({_queued_key(pk): True for pk in ids}, QUEUED_SECONDS)
    else:
        ids = [pk for pk in ids if cache.add(_queued_key(pk), True, QUEUED_SECONDS)]
    if not ids:
        return
    try:
        make_renditions_task.enqueue(ids)
    except Exception:  # the queue is the database: a page must render anyway; the next view asks again
        cache.delete_many([_queued_key(pk) for pk in ids])
        logger.exception("Could not queue the renditions of images %s", ids)


def make_renditions(image):
    """Make every rendition the templates may ask for (existing ones are
    kept); the worker's part. Returns the specs it made."""
    made = image.make_renditions(*filter_specs())
    caches["pages"].delete(_queued_key(image.pk))
    return sorted(made)


def missing_renditions(images):
    """The images among these that lack one of the site's renditions."""
    from core.models import CustomRendition

    images = list(images)
    have = set(
        CustomRendition.objects.filter(image__in=images, filter_spec__in=site_specs()).values_list(
            "image_id", "filter_spec", "focal_point_key"
        )
    )
    filters = [Filter(spec) for spec in filter_specs()]
    return [image for image in images if any((image.pk, f.spec, f.get_cache_key(image)) not in have for f in filters)]


def image_saved(sender, instance, created, update_fields=None, **kwargs):
    """A new image, or a new file for one: queue its renditions once the
    upload is saved (after Wagtail has deleted those of the old file)."""
    if kwargs.get("raw") or not instance.file or not in_background():
        return
    if update_fields is not None and "file" not in update_fields:
        return
    if created or instance.file_changed():
        instance._loaded_file = instance.file.name  # queued once per new file
        pk = instance.pk
        transaction.on_commit(lambda: queue_renditions([pk], again=True))


def page_published(sender, instance, **kwargs):
    """The images a page shows (its lead image, logo and those in its body)
    that lack a rendition: queued, not made while the editor waits."""
    from wagtail.models import ReferenceIndex

    from core.models import CustomImage

    if not in_background():
        return
    # From the page's content: the reference index is updated by the worker, later.
    image_type = ReferenceIndex._get_base_content_type(CustomImage).pk
    ids = {
        int(object_id)
        for type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(instance)
        if type_id == image_type
    }
    if ids:
        missing = [image.pk for image in missing_renditions(CustomImage.objects.filter(pk__in=ids))]
        if missing:
            transaction.on_commit(lambda: queue_renditions(missing))


def connect_signals():
    from django.db.models.signals import post_save

    from wagtail.signals import page_published as published

    from core.models import CustomImage

    post_save.connect(image_saved, sender=CustomImage, dispatch_uid="images.queue_renditions")
    published.connect(page_published, dispatch_uid="images.queue_renditions_published")
