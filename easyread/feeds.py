"""RSS 2.0 and Atom feeds of the Leichte Sprache pages, newest first
(core.feeds.IndexFeed: German, absolute links, stable GUIDs)."""

from django.db.models import F
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.feeds import IndexFeed


class EasyReadRssFeed(IndexFeed):
    feed_type = Rss201rev2Feed

    def title(self, index):
        return f"{index.title} – {self.site_name()}"

    def description(self, index):
        return " ".join(index.intro_lines) or index.title

    def items(self, index):
        from easyread.models import FEED_SIZE

        newest = F("first_published_at").desc(nulls_last=True)
        return index.explanations(self.request).order_by(newest, "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.meta_description

    def item_pubdate(self, item):
        return timezone.localtime(item.first_published_at) if item.first_published_at else None

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at) if item.last_published_at else None

    def item_author_name(self, item):
        return self.site_name()


class EasyReadAtomFeed(EasyReadRssFeed):
    feed_type = Atom1Feed
    subtitle = EasyReadRssFeed.description
