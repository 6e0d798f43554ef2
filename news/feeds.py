"""RSS 2.0 and Atom feeds of press releases, per language and per topic.

Built on django.contrib.syndication. Every link is absolute on the Site's
configured root URL (never the request's Host: Django's Feed adds the
requesting host only to relative links, and there are none); dates are
given in Europe/Berlin; each item carries its lead image as enclosure and,
in the Media RSS namespace, its credit.
"""

import mimetypes

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.feeds import IndexFeed
from core.images import FEED_SPECS
from core.localization import absolute_url
from core.models import credit_name
from news.models import FEED_SIZE

MEDIA_NS = "http://search.yahoo.com/mrss/"
ENCLOSURE_FILTER = FEED_SPECS


class MediaCreditMixin:
    """Adds <media:content> with <media:credit> for the lead image."""

    def root_attributes(self):
        attrs = super().root_attributes()
        attrs["xmlns:media"] = MEDIA_NS
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("image")
        if image:
            handler.startElement(
                "media:content",
                {"url": image["url"], "type": "image/jpeg", "medium": "image", "width": str(image["width"])},
            )
            if image["credit"]:
                handler.addQuickElement("media:credit", image["credit"])
            if image["alt"]:
                handler.addQuickElement("media:description", image["alt"])
            handler.endElement("media:content")


class RssWithMedia(MediaCreditMixin, Rss201rev2Feed):
    pass


class AtomWithMedia(MediaCreditMixin, Atom1Feed):
    pass


class NewsRssFeed(IndexFeed):
    feed_type = RssWithMedia

    def __init__(self, index, filters):
        super().__init__(index, filters)
        self.topic = filters.get("topic")
        self.member = filters.get("city")

    def title(self, index):
        site_name = self.site_name()
        narrowed = ", ".join(
            name for name in (getattr(self.topic, "name", ""), getattr(self.member, "city", "")) if name
        )
        if narrowed:
            return f"{index.title}: {narrowed} – {site_name}"
        return f"{index.title} – {site_name}"

    def description(self, index):
        return index.intro or _("Press releases of the Network of Municipal Anti-Discrimination Offices")

    def items(self, index):
        return index.latest(FEED_SIZE, self.topic, self.member, FEED_SPECS)

    def item_title(self, item):
        return item.title

    def item_pubdate(self, item):
        return timezone.localtime(item.date)

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at or item.date)

    def item_categories(self, item):
        return [topic.name for topic in item.topics]

    def item_author_name(self, item):
        return self.site_name()

    def _rendition(self, item):
        if not item.lead_image:
            return None
        return item.lead_image.get_rendition(ENCLOSURE_FILTER)

    def item_enclosures(self, item):
        rendition = self._rendition(item)
        if rendition is None:
            return []
        size = rendition.file.size if rendition.file.storage.exists(rendition.file.name) else 0
        # The original file stands in until the worker has made the JPEG.
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [Enclosure(absolute_url(self.request, rendition.url), str(size), mime_type)]

    def item_extra_kwargs(self, item):
        rendition = self._rendition(item)
        if rendition is None:
            return {}
        return {
            "image": {
                "url": absolute_url(self.request, rendition.url),
                "width": rendition.width,
                "credit": credit_name(item.lead_image.credit),
                "alt": item.lead_image_alt,
            }
        }


class NewsAtomFeed(NewsRssFeed):
    feed_type = AtomWithMedia
    subtitle = NewsRssFeed.description
