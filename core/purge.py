"""Which cached URLs an edit touches, and purging them (page cache and CDN).

Publishing, unpublishing, moving or deleting a page purges, once the
transaction has committed:

- the page and its fixed sub-routes (feeds, calendars, iCal, vCard), in
  every language;
- its ancestors in every language with theirs: the listings it appears on
  (with all their ?page=/?topic= variants), the home pages;
- pages it names (member cities, partners, the host city of an event) and
  pages that link to it (related releases, call-to-action blocks), found in
  Wagtail's reference index, in every language;
- the children of a page that is not a top-level section (an event series:
  its modules show its title);
- the sitemap.

A page at the top of the tree (home page or a section in the main menu)
shows in every page's header, footer or breadcrumbs: changing one purges
the whole page cache. The same purge goes to Wagtail's frontend cache
backends (CDN, Varnish) when WAGTAILFRONTENDCACHE configures one.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_delete

from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core import page_cache

logger = logging.getLogger(__name__)

TOP_LEVEL_DEPTH = 3  # home pages (2) and the sections below them (3)


def sub_route_paths(page):
    """Paths of a routable page's sub-routes that take no arguments."""
    if not hasattr(page, "get_subpage_urls"):
        return []
    paths = []
    for route in page.get_subpage_urls():
        if "<" in str(route.pattern) or "(" in str(route.pattern) or not route.name:
            continue
        try:
            paths.append(page.reverse_subpage(route.name))
        except Exception:  # noqa: S112 - a route that cannot be reversed has no fixed URL
            continue
    return paths


def page_urls(pages):
    """Full URLs of pages and their fixed sub-routes."""
    urls = set()
    for page in pages:
        page = page.specific_deferred if type(page) is Page else page
        parts = page.get_url_parts()
        if parts is None:
            continue
        _site_id, root_url, path = parts
        urls.add(f"{root_url}{path}")
        for sub_path in sub_route_paths(page):
            urls.add(f"{root_url}{path}{sub_path.lstrip('/')}")
    return urls


def related_pages(page):
    """Every page whose rendering shows this page (see the module docstring)."""
    versions = list(Page.objects.filter(translation_key=page.translation_key))
    found = {p.pk: p for p in versions}
    for version in versions:
        for ancestor in version.get_ancestors().filter(depth__gte=2):
            found.setdefault(ancestor.pk, ancestor)
    ids = [p.pk for p in versions]
    outbound = ReferenceIndex.objects.filter(
        base_content_type_id=ReferenceIndex._get_base_content_type(page).pk, object_id__in=[str(i) for i in ids]
    ).values_list("to_content_type_id", "to_object_id")
    inbound = ReferenceIndex.objects.filter(
        to_content_type_id=ReferenceIndex._get_base_content_type(page).pk, to_object_id__in=[str(i) for i in ids]
    ).values_list("base_content_type_id", "object_id")
    page_type = ReferenceIndex._get_base_content_type(page).pk
    linked_ids = {int(object_id) for type_id, object_id in [*outbound, *inbound] if type_id == page_type}
    if linked_ids:
        keys = Page.objects.filter(pk__in=linked_ids).values("translation_key")
        for linked in Page.objects.filter(translation_key__in=keys):
            found.setdefault(linked.pk, linked)
    if page.depth > TOP_LEVEL_DEPTH:
        for version in versions:
            for child in version.get_children():
                found.setdefault(child.pk, child)
    return list(found.values())


def affects_every_page(page):
    return page.depth <= TOP_LEVEL_DEPTH


def urls_for(page):
    """(purge everything?, the URLs to purge) for an edit of this page."""
    urls = page_urls(related_pages(page))
    sitemaps = sitemap_paths()
    for url in list(urls):
        parts = urlsplit(url)
        urls.update(f"{parts.scheme}://{parts.netloc}{path}" for path in sitemaps)
    return affects_every_page(page), urls


def sitemap_paths():
    """The sitemap index and every file of the sitemap (core/sitemaps.py)."""
    from core.sitemaps import MultilingualSitemap

    files = Page.objects.live().count() // MultilingualSitemap.limit + 1
    return ["/sitemap.xml", "/sitemap-pages.xml"] + [f"/sitemap-pages.xml?p={number}" for number in range(2, files + 1)]


def purge(everything, urls):
    if everything:
        page_cache.purge_all()
    page_cache.purge_paths(urlsplit(url).path for url in urls)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        if everything:
            urls = urls | page_urls(Page.objects.live().filter(depth__gte=2).specific(defer=True))
        try:
            purge_urls_from_cache(sorted(urls))
        except Exception:  # a CDN outage must not fail the editor's publish
            logger.exception("Purging the frontend cache failed")


def purge_after_commit(page):
    everything, urls = urls_for(page)
    transaction.on_commit(lambda: purge(everything, urls))


def on_publish_or_unpublish(sender, instance, **kwargs):
    purge_after_commit(instance)


def before_move(sender, instance, **kwargs):
    # The old URLs must go as well: compute them before the move.
    instance._purge_before_move = urls_for(instance)


def after_move(sender, instance, **kwargs):
    everything, urls = getattr(instance, "_purge_before_move", (False, set()))
    new_everything, new_urls = urls_for(instance)
    transaction.on_commit(lambda: purge(everything or new_everything, urls | new_urls))


def before_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.depth and instance.depth >= 2:
        purge_after_commit(instance)


def frame_changed(sender, instance=None, **kwargs):
    """Settings and footer snippets show on every page."""
    if getattr(sender, "_frame_relevant", False):
        transaction.on_commit(lambda: purge(True, set()))


def connect_signals():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="purge.published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="purge.unpublished")
    pre_page_move.connect(before_move, dispatch_uid="purge.pre_move")
    post_page_move.connect(after_move, dispatch_uid="purge.post_move")
    pre_delete.connect(before_delete, dispatch_uid="purge.pre_delete")
    post_save.connect(frame_changed, dispatch_uid="purge.frame")
