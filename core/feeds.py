"""What the site's feeds share (django.contrib.syndication): a feed of an
index page, narrowed by the index's filters (core.listing), written in the
index's language whoever asks, every link absolute on the Site's configured
root URL (never the request's Host: Django's Feed adds the requesting host
only to relative links, and there are none)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.module_loading import import_string
from django.utils.translation import override

from wagtail.contrib.routable_page.models import path

from core.caching.fragments import cached_document, site_settings
from core.listing import Filters
from core.localization import absolute_url, language_of, page_url, stable_uuid


class IndexFeed(Feed):
    item_guid_is_permalink = False

    def __init__(self, index, filters):
        super().__init__()
        self.index = index
        self.filters = filters
        self.language = language_of(index)

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Strings (and dates) in the language of the index, whoever asks.
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    def site_name(self):
        return site_settings(self.request).name

    def link(self, index):
        """The listing the feed follows, with the same filters."""
        return page_url(index, self.request) + self.filters.query

    def feed_url(self, index):
        # The feed's own address with its validated filters, whatever else the request carried.
        return absolute_url(self.request, self.request.path) + self.filters.query

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        """Stable across edits and moves (core.localization.stable_uuid)."""
        return f"urn:uuid:{stable_uuid(item)}"

    def item_description(self, item):
        return item.lead


class FeedRoutes:
    """RSS and Atom routes of an index page (a RoutablePageMixin page):
    `feed/rss/` and `feed/atom/`, each built once per generation (and
    filter) by cached_document.

    A page names its feed classes by dotted path (`rss_feed_class`,
    `atom_feed_class`: imported when first asked for, so that a feeds
    module may import its models) and narrows them by `feed_filters()`.
    """

    rss_feed_class = None
    atom_feed_class = None

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return self.feed(request, self.rss_feed_class, "rss")

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        if not self.atom_feed_class:
            raise Http404
        return self.feed(request, self.atom_feed_class, "atom")

    def feed_filters(self, request):
        """The filters the feeds follow (core.listing.read_filters); none by default."""
        return Filters()

    def feed(self, request, feed_class, kind):
        filters = self.feed_filters(request)
        feed_class = import_string(feed_class)
        key = f"{self._meta.label_lower}-{kind}:{self.pk}:{filters.key}"
        return cached_document(request, key, lambda: feed_class(self, filters)(request))
