"""RSS 2.0 and Atom feeds of the sign-language videos, each item with its
video file as enclosure (address, length in bytes, MIME type), so that
podcast and feed readers can fetch it."""

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.feeds import IndexFeed
from core.localization import absolute_url
from signlanguage.models import FEED_SIZE


class SignLanguageRssFeed(IndexFeed):
    def title(self, index):
        return f"{index.title} – {self.site_name()}"

    def description(self, index):
        return index.intro or _("Videos in German Sign Language (DGS)")

    def items(self, index):
        return list(index.videos(self.request).order_by("-first_published_at", "-pk")[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or Truncator(strip_tags(item.transcript)).words(60)

    def item_pubdate(self, item):
        return timezone.localtime(item.first_published_at)

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at or item.first_published_at)

    def item_author_name(self, item):
        return self.site_name()

    def item_enclosures(self, item):
        if item.video is None:
            return []
        return [Enclosure(absolute_url(self.request, item.video.url), str(item.download_size), item.video_type)]


class SignLanguageAtomFeed(SignLanguageRssFeed):
    feed_type = Atom1Feed
    subtitle = SignLanguageRssFeed.description
