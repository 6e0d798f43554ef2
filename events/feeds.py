"""RSS of upcoming events per language, built on django.contrib.syndication.

Every link is absolute on the Site's configured root URL, so Django's Feed
never adds the requesting host to one.
"""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import override

from core.cache import site_settings
from core.localization import absolute_url, language_of, page_url


class UpcomingEventsFeed(Feed):
    def __init__(self, index, filters=None):
        super().__init__()
        self.index = index
        self.filters = filters or {}
        self.language = language_of(index)

    def __call__(self, request, *args, **kwargs):
        self.request = request
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, index):
        return f"{index.title} – {site_settings(self.request).name}"

    def link(self, index):
        return page_url(index, self.request)

    def feed_url(self, index):
        # The feed's own address with its validated filters, whatever else the request carried.
        return absolute_url(self.request, self.request.path) + index.filter_query(self.filters)

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        events = index.apply_filters(index.events(self.request), self.filters).upcoming()
        return list(events.select_related("locale")[:50])

    def item_title(self, item):
        return f"{item.title} ({item.when})"

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.uid.split('@')[0]}"

    item_guid_is_permalink = False

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return timezone.localtime(item.first_published_at or item.start)

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at or item.start)
