"""What the site's feeds share (django.contrib.syndication): a feed of an
index page, narrowed by the index's filters (core.listing), written in the
index's language whoever asks, every link absolute on the Site's configured
root URL (never the request's Host: Django's Feed adds the requesting host
only to relative links, and there are none)."""

from django.contrib.syndication.views import Feed
from django.utils.translation import override

from core.caching.fragments import site_settings
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
