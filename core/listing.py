"""What the index pages share: intro, pagination, and one vocabulary of
filters for listings, feeds and calendars.

A filter is read from the query string (`?topic=…&city=…`), validated (an
unknown value answers 404, never 500), and then written back the same way
everywhere: in the links of the listing, its feeds and calendars, in the
keys of cached documents and in what the page cache varies on.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core import relations
from core.caching.page_cache import vary_on
from core.localization import real_pages
from core.models import BasePage
from core.utils import ascii_int, query_param


class LazyItems:
    """A page's items, known by their primary keys; the objects are loaded
    (from the cache) only when something iterates them. A list fragment keyed
    by the keys (core_tags.pk_list) that is already cached never needs them."""

    def __init__(self, pks, load):
        self.pks, self._load, self._items = pks, load, None

    def _all(self):
        if self._items is None:
            self._items = self._load()
        return self._items

    def __len__(self):
        return len(self.pks)

    def __iter__(self):
        return iter(self._all())

    def __getitem__(self, index):
        return self._all()[index]


def paginate(request, keys, per_page, load=None):
    """A Paginator page over keys already in listing order (from a
    precomputed index, or search results): any page number costs the same.
    With `load`, the objects of the page are loaded with `load(keys)` only
    if something iterates them (cached cards do not). The page number it
    resolved is what the page cache varies on; `elided_range` is what the
    pagination component shows."""
    number = query_param(request, "page")
    paginator = Paginator(keys, per_page)
    page = paginator.get_page(number)
    vary_on(request, page=str(page.number) if number else None)
    if load is not None:
        page_keys = list(page.object_list)
        page.object_list = LazyItems(page_keys, lambda: load(page_keys))
    page.elided_range = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return paginator, page


class Filters(dict):
    """The validated filters of a listing, feed or calendar: name → value
    (a page or snippet with a slug, or a plain value such as a year)."""

    @staticmethod
    def _text(value):
        return str(getattr(value, "slug", value))

    @property
    def query(self):
        """ "?topic=…&city=…" for links to the listing, its feeds and calendars ("" without filters)."""
        return f"?{urlencode({name: self._text(value) for name, value in self.items()})}" if self else ""

    @property
    def key(self):
        """What a cached document built for these filters is kept under."""
        return ":".join(f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(self.items()))

    def without(self, *names):
        return Filters({name: value for name, value in self.items() if name not in names})


def read_filters(request, **parsers):
    """The filters of the request that `parsers` understand: name → function
    turning the query-string text into its value, or raising Http404. The
    page cache varies on exactly these."""
    filters = Filters()
    for name, parse in parsers.items():
        text = query_param(request, name)
        if text:
            filters[name] = parse(text)
    vary_on(request, **{name: Filters._text(value) for name, value in filters.items()})
    return filters


def city_filter(locale_id, request):
    """?city=<slug of a member page in this language>: a member city."""

    def parse(slug):
        member = real_pages(
            relations.model(relations.MEMBER_PAGE).objects.filter(locale_id=locale_id, slug=slug), request
        )
        member = member.first()
        if member is None:
            raise Http404("Unknown member city")
        return member

    return parse


def topic_filter(locale_id):
    """?topic=<slug of a topic in this language>."""

    def parse(slug):
        topic = relations.model(relations.TOPIC).objects.filter(locale_id=locale_id, slug=slug).first()
        if topic is None:
            raise Http404("Unknown topic")
        return topic

    return parse


def year_filter(text):
    """?year=2024."""
    year = ascii_int(text, max_digits=4)
    if year is None or not 1900 < year < 3000:
        raise Http404("Unknown year")
    return year


def choice_filter(choices):
    """?format=online: one of a TextChoices' values."""

    def parse(value):
        if value not in choices.values:
            raise Http404("Unknown value")
        return value

    return parse


class IndexPage(BasePage):
    """A section's index (news, events, members, partners): one per
    language, below the home page, with an introduction that is also its
    description where no summary is given."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    description_fields = ("search_description", "listing_summary", "intro")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        """The live index of this type in the visitor's language, from the
        frame cache (None where the section is not published)."""
        from django.utils.translation import get_language

        from core.caching.fragments import frame_cached

        language = get_language()
        return frame_cached(
            request,
            f"index:{cls._meta.label_lower}:{language}",
            lambda: real_pages(cls.objects.filter(locale__language_code=language), request).first(),
            site_wide=True,  # a main section: publishing it purges every page
        )

    @classmethod
    def teasers(cls, request, count):
        """(the index in the visitor's language, the first `count` of its
        teaser_items), for the home pages; the items are kept in the frame
        cache, at most TIME_BOUND seconds (an event ends, a release dated
        ahead appears)."""
        from core.caching.fragments import TIME_BOUND, frame_cached

        index = cls.for_request(request)
        if index is None:
            return None, []
        items = frame_cached(
            request, f"teasers:{index.pk}:{count}", lambda: index.teaser_items(request, count), timeout=TIME_BOUND
        )
        return index, items

    def teaser_items(self, request, count):
        """The section's first `count` items as the home page shows them."""
        return []
