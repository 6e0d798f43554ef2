"""Lists of an index page for other websites: a member city shows the
network's newest releases or next events (its own, with ?city=) in an
iframe on its website, each linking to the page here.

An `embed/` route of the index page, like its feeds (core.feeds): the same
filters, validated the same way, plus `count` and, for releases, `lead`. The
page is small and of its own (site/templates/core/embed/): no header, menu,
script or cookie, its own stylesheet, links that open in the embedding page
(target="_parent"); any web origin may frame it (core.csp.let_any_site_frame)
and search engines leave it out (X-Robots-Tag). A value the list does not
understand answers 400, a page that still fits into the frame.

The page cache keeps it like any page, varying on the parameters understood;
publishing below the index purges it with the index's other fixed routes
(core.models.BasePage.get_cached_paths).
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import override

from wagtail.contrib.routable_page.models import path

from core.caching.fragments import site_settings
from core.caching.page_cache import vary_on
from core.csp import let_any_site_frame
from core.listing import Filters
from core.localization import language_of, page_url
from core.utils import ascii_int, query_param

DEFAULT_COUNT = 5
MAX_COUNT = 20


class BadEmbedRequest(Exception):  # noqa: N818 - answered, not raised to the visitor
    """A parameter of an embedded list that it does not understand."""


def read_count(request):
    """?count=1…20 (DEFAULT_COUNT without it)."""
    text = query_param(request, "count")
    if not text:
        return DEFAULT_COUNT
    count = ascii_int(text, max_digits=2)
    if count is None or not 1 <= count <= MAX_COUNT:
        raise BadEmbedRequest
    vary_on(request, count=count)
    return count


def read_switch(request, name, default=True):
    """?<name>=1 or 0 (default without it)."""
    text = query_param(request, name)
    if not text:
        return default
    if text not in ("0", "1"):
        raise BadEmbedRequest
    vary_on(request, **{name: text})
    return text == "1"


class EmbedRoutes:
    """The `embed/` route of an index page (a RoutablePageMixin page).

    A page names its template (`embed_template`, extending
    core/embed/base.html) and gives the items (`embed_items`); the filters
    are those of its feeds (`feed_filters`, core.feeds.FeedRoutes), since a
    list on another website is its feed shown as a page.
    """

    embed_template = None
    # Whether the list offers ?lead=0 (releases show their lead by default).
    embed_leads = False

    @path("embed/", name="embed")
    def embed_view(self, request):
        # The index's language, whoever asks (as its feeds are).
        with override(language_of(self)):
            try:
                filters = self.feed_filters(request)
                count = read_count(request)
                leads = read_switch(request, "lead") if self.embed_leads else False
            except (Http404, BadEmbedRequest):
                return self.embed_response(request, "core/embed/bad_request.html", {}, status=400)
            context = {
                "items": self.embed_items(request, filters, count),
                "filters": filters,
                "city": filters.get("city"),
                "leads": leads,
            }
            return self.embed_response(request, self.embed_template, context)

    def embed_response(self, request, template, context, status=200):
        context.update(
            {
                "page": self,
                "site_name": site_settings(request).name,
                # The listing on this site with the same filters ("All news of …").
                "listing_url": page_url(self, request) + context.get("filters", Filters()).query,
            }
        )
        response = render(request, template, context, status=status)
        response["X-Robots-Tag"] = "noindex"
        return let_any_site_frame(request, response)

    def embed_items(self, request, filters, count):
        """The first `count` items of the list with these filters, each with
        what the template shows; may limit the page's life
        (core.caching.fragments.limit_page_life) where the list changes with time."""
        raise NotImplementedError
