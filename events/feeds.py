"""RSS of upcoming events per language, built on django.contrib.syndication.

Every link is absolute on the Site's configured root URL, so Django's Feed
never adds the requesting host to one.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.feeds import IndexFeed


class UpcomingEventsFeed(IndexFeed):
    def title(self, index):
        return f"{index.title} – {self.site_name()}"

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        events = index.apply_filters(index.events(self.request), self.filters).upcoming()
        return list(events.select_related("locale")[:50])

    def item_title(self, item):
        title = f"{item.title} ({item.when})"
        # Feed readers show the title only: a cancellation has to be in it.
        return _("Cancelled: %(title)s") % {"title": title} if item.cancelled else title

    def item_pubdate(self, item):
        return timezone.localtime(item.first_published_at or item.start)

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at or item.start)
