"""What an edit purges (docs/developers/caching.md).

Every model is covered by default: saving or deleting any object (or
changing its many-to-many links) purges, once the transaction commits,

- for a **page** that is or was live: the page and its fixed sub-routes in
  every language (and its paths in the read API, api_paths), its ancestors
  (listings, home pages), the pages it names and the pages that name it
  (Wagtail's reference index, before and after the change), the children
  of a page below the top level (a series' modules show its title), and
  the sitemap; a page at the top of the tree (home pages and the main
  sections) or a changed URL purges every page;
- for an object the **reference index** tracks (images, documents,
  snippets): the pages that show it, followed through other objects (an
  image in a snippet in a page) up to pages; a setting on the way means
  every page;
- for **anything else** (settings, locales, sites, collections, view
  restrictions, redirects and any model added later): every page.

Models no public page shows are listed in NEVER_PUBLIC. Draft saves of a
page (revisions, autosave, locking) purge nothing. Every purge also starts a
new generation of the fragment cache (core.caching.fragments). CDN purges (Wagtail's
frontend cache) run on the task worker, off the editor's request.
"""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.caching import page_cache, precomputed, redis_cache
from core.caching.fragments import new_generation

logger = logging.getLogger(__name__)

TOP_LEVEL_DEPTH = 3  # home pages (2) and the sections below them (3)

# Apps and models whose rows no public page shows, with the reason.
NEVER_PUBLIC = {
    # Accounts, permissions, sessions and admin state.
    "auth": "users, groups and permissions (editors only)",
    "sessions": "sessions",
    "contenttypes": "content types",
    "wagtailusers": "admin preferences",
    "wagtailadmin": "admin state",
    "wagtailcore.GroupPagePermission": "permissions",
    "wagtailcore.GroupCollectionPermission": "permissions",
    "wagtailcore.PageSubscription": "comment notifications",
    "wagtailcore.Comment": "admin comments",
    "wagtailcore.CommentReply": "admin comments",
    # History and moderation.
    "wagtailcore.Revision": "drafts; publishing saves the page itself",
    "wagtailcore.PageLogEntry": "audit log",
    "wagtailcore.ModelLogEntry": "audit log",
    "wagtailcore.Workflow": "moderation",
    "wagtailcore.WorkflowPage": "moderation",
    "wagtailcore.WorkflowContentType": "moderation",
    "wagtailcore.WorkflowTask": "moderation",
    "wagtailcore.Task": "moderation",
    "wagtailcore.GroupApprovalTask": "moderation",
    "wagtailcore.WorkflowState": "moderation",
    "wagtailcore.TaskState": "moderation",
    "wagtailcore.UploadedFile": "uploads not yet saved as images or documents",
    "wagtailcore.ReferenceIndex": "the index itself",
    "wagtail_localize": "translation state; a translation reaches readers as a saved page",
    "wagtailsearch": "the search index, updated with the pages it indexes",
    "wagtailsearchpromotions.Query": "search statistics",
    "wagtailsearchpromotions.QueryDailyHits": "search statistics",
    "wagtailforms.FormSubmission": "form submissions",
    "press.Subscriber": "the press list's addresses",
    "press.Mailing": "the press list's sendings",
    "press.Delivery": "the press list's deliveries",
    "wagtailembeds": "answers of video providers, filled while pages render",
    "django_tasks_database": "the task queue",
    "wagtailcore.GroupSitePermission": "permissions",
    "wagtailcore.APIToken": "admin tokens",
    "taggit": "image and document tags (admin only)",
    "core.CustomRendition": "made from an image; the image's own save purges",
    # Login defences: written by every failed login, which must not purge.
    "axes": "login attempts and lockouts",
    "otp_totp": "second factors of admin accounts",
    "otp_static": "recovery codes of admin accounts",
    "django_otp_webauthn": "passkeys of admin accounts",
}


def never_public(model):
    meta = model._meta
    return meta.app_label in NEVER_PUBLIC or meta.label in NEVER_PUBLIC


class Purge:
    """What one transaction's edits purge; run once, after it commits."""

    def __init__(self, everything=False):
        self.everything = everything
        self.pages = set()  # ids of pages that changed
        self.paths = set()  # (site id, path) found before the change (moves, deletions)
        self.linked = set()  # ids of pages that were linked before the change
        self.deleted = set()  # ids of pages whose deletion was seen
        self.affected = set()  # ids of pages found to show the changes (before them)

    def add(self, everything=False, pages=(), paths=(), linked=(), affected=()):
        self.everything = self.everything or everything
        self.pages.update(pages)
        self.paths.update(paths)
        self.linked.update(linked)
        self.affected.update(affected)

    def plan(self):
        """(every page?, the (site id, path) pairs to purge)."""
        pages = list(Page.objects.filter(pk__in=self.pages).specific(defer=True))
        everything = self.everything or any(affects_every_page(page) for page in pages)
        if not everything and pages:
            named = pages_named_in_settings()
            everything = any(page.translation_key in named for page in pages)
        # The changed pages themselves, also when unpublished (no longer among
        # the live pages a purge of everything lists for a CDN).
        paths = set(self.paths) | page_paths(pages)
        self.affected.update(page.pk for page in pages)
        if not everything:
            related = related_pages(pages, self.linked)
            self.affected.update(page.pk for page in related)
            paths |= page_paths(related)
            for site_id in {site_id for site_id, _path in paths}:
                paths |= {(site_id, path) for path in sitemap_paths()}
        return everything, paths

    def run(self):
        if not (self.everything or self.pages or self.paths):
            return
        everything, paths = self.plan()
        new_generation()
        if everything:
            page_cache.purge_all()
        by_site = {}
        for site_id, path in paths:
            by_site.setdefault(site_id, set()).add(path)
        for site_id, site_paths in by_site.items():
            page_cache.purge_paths(site_id, site_paths)
        # Listings' precomputed order and counts, for the next visitor.
        if everything:
            precomputed.renew(everything=True)
        else:
            precomputed.renew(Page.objects.filter(pk__in=self.affected).specific(defer=True), changed=self.affected)
        purge_frontend_cache(everything, paths)

    def run_safely(self):
        failed_before = redis_cache.failures()
        try:
            self.run()
        except Exception:  # the edit is saved: never leave readers with stale pages
            logger.exception("Purging the changed pages failed; purging every page instead")
            new_generation()
            page_cache.purge_all()
            precomputed.renew(everything=True)
        if redis_cache.failures() != failed_before:
            # The shared cache missed (some of) this purge: once it is back it
            # would serve pages from before the edit. The worker purges
            # every page as soon as it answers again (a task in the database).
            from core.tasks import purge_everything_when_the_cache_is_back

            purge_everything_when_the_cache_is_back.enqueue()


_bulk = threading.local()


@contextmanager
def bulk():
    """Many edits at once (loading content): one purge of everything at the
    end instead of one per transaction."""
    outer = getattr(_bulk, "active", False)
    _bulk.active = True
    try:
        yield
    finally:
        _bulk.active = outer
        if not outer:
            Purge(everything=True).run_safely()


def schedule(**changes):
    """Purge after the current transaction commits (at once outside one);
    all edits of a transaction make one purge, a rollback none."""
    if getattr(_bulk, "active", False):
        return Purge()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        purge = Purge()
        purge.add(**changes)
        if changes:
            purge.run_safely()
        return purge
    purge = getattr(connection, "_pending_purge", None)
    # Still waiting for this transaction? (gone once run or rolled back)
    if purge is not None and any(func == purge.run_safely for _sids, func, _robust in connection.run_on_commit):
        purge.add(**changes)
        return purge
    purge = connection._pending_purge = Purge()
    purge.add(**changes)
    transaction.on_commit(purge.run_safely)
    return purge


def purge_everything():
    schedule(everything=True)


# Pages ---------------------------------------------------------------------


def affects_every_page(page):
    """Home pages and main sections (the news, event and member indexes can
    only be main sections) show in every page's header, footer, feed links
    or breadcrumbs; so do pages of a type that says `shown_on_every_page`
    (the press list's sign-up page, linked from every footer)."""
    return page.depth <= TOP_LEVEL_DEPTH or getattr(page, "shown_on_every_page", False)


def named_in_settings():
    """(base content type id, object id) of every object the settings name
    (the footer's pages, the funding notice), read from the settings
    themselves (Wagtail's reference index leaves settings out): every page
    shows them."""
    from django.apps import apps

    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    named = set()
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            for setting in model._default_manager.all():
                for type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(setting):
                    named.add((type_id, str(object_id)))
    return named


def pages_named_in_settings():
    """Translation keys of the pages the settings name."""
    ids = [int(object_id) for type_id, object_id in named_in_settings() if type_id == _page_type_id()]
    return set(Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True))


def page_paths(pages):
    """(site id, path) of each page and its cached sub-routes (Page.get_cached_paths)."""
    paths = set()
    for page in pages:
        page = page.specific_deferred if type(page) is Page else page
        parts = page.get_url_parts()
        if parts is None:
            continue
        site_id, _root_url, path = parts
        for sub_path in page.get_cached_paths():
            paths.add((site_id, f"{path}{sub_path.lstrip('/')}"))
        paths.update((site_id, api_path) for api_path in api_paths(page))
    return paths


API_ROOT = "/api/v2/"


def api_paths(page):
    """The read API's paths showing a page (syndication/api.py): the list of
    its type, named after its app (every language and filter of it), and
    the page's own. Page types with `api_fields` are the ones it serves."""
    if not getattr(type(page), "api_fields", None):
        return []
    endpoint = f"{API_ROOT}{page._meta.app_label}/"
    return [endpoint, f"{endpoint}{page.pk}/"]


def _page_type_id():
    return ReferenceIndex._get_base_content_type(Page).pk


def linked_page_ids(page_ids):
    """Pages the given pages name, as the reference index has it now."""
    rows = ReferenceIndex.objects.filter(
        base_content_type_id=_page_type_id(), object_id__in=[str(pk) for pk in page_ids]
    ).values_list("to_content_type_id", "to_object_id")
    return {int(object_id) for type_id, object_id in rows if type_id == _page_type_id()}


def referring_page_ids(page_ids):
    rows = ReferenceIndex.objects.filter(
        to_content_type_id=_page_type_id(), to_object_id__in=[str(pk) for pk in page_ids]
    ).values_list("base_content_type_id", "object_id")
    return {int(object_id) for type_id, object_id in rows if type_id == _page_type_id()}


def named_in(page):
    """Pages a page's current content names (not yet in the index if the
    index is updated on the task worker)."""
    ids = set()
    for type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(page):
        if type_id == _page_type_id():
            ids.add(int(object_id))
    return ids


def related_pages(pages, linked_before=()):
    """Every page whose rendering shows one of these pages (module docstring)."""
    keys = {page.translation_key for page in pages}
    versions = list(Page.objects.filter(translation_key__in=keys))
    found = {p.pk: p for p in versions}
    ids = list(found)
    for version in versions:
        for ancestor in version.get_ancestors().filter(depth__gte=2):
            found.setdefault(ancestor.pk, ancestor)
    linked = set(linked_before) | linked_page_ids(ids) | referring_page_ids(ids)
    for page in pages:
        linked |= named_in(page)
    if linked:
        linked_keys = Page.objects.filter(pk__in=linked).values("translation_key")
        for page in Page.objects.filter(translation_key__in=linked_keys):
            found.setdefault(page.pk, page)
    for version in versions:
        if version.depth > TOP_LEVEL_DEPTH:
            for child in version.get_children():
                found.setdefault(child.pk, child)
    return list(found.values())


def sitemap_paths():
    """The sitemap index and every file of the sitemap (core/sitemaps.py)."""
    from core.sitemaps import MultilingualSitemap

    files = Page.objects.live().count() // MultilingualSitemap.limit + 1
    return ["/sitemap.xml", "/sitemap-pages.xml"] + [f"/sitemap-pages.xml?p={number}" for number in range(2, files + 1)]


# Fields a draft save, a lock or a workflow step writes: nothing public.
DRAFT_FIELDS = {
    "draft_title",
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "approved_go_live_at",
}


def draft_only(update_fields):
    return update_fields is not None and set(update_fields) <= DRAFT_FIELDS


def page_before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    """Note what a save changes that only the row as it was can tell: links
    the page had, whether it was live, whether its URL changes."""
    if raw or not instance.pk or draft_only(update_fields):
        return
    before = Page.objects.filter(pk=instance.pk).values("live", "url_path", "live_revision_id").first()
    if before is None or not (before["live"] or instance.live):
        return
    instance._purge_was_live = before["live"]
    instance._purge_linked_before = linked_page_ids([instance.pk])
    # The page and its descendants moving to new URLs: every page.
    instance._purge_moved = before["url_path"] != instance.url_path
    # Publishing and unpublishing send their own signal once the page is
    # saved whole (with its child rows): that one purges.
    instance._purge_on_signal = (
        before["live"] != instance.live or before["live_revision_id"] != instance.live_revision_id
    )


def purge_page(page):
    schedule(
        pages=[page.pk],
        linked=getattr(page, "_purge_linked_before", ()),
        everything=getattr(page, "_purge_moved", False),
    )


def page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or draft_only(update_fields) or getattr(instance, "_purge_on_signal", False):
        return
    if instance.live or getattr(instance, "_purge_was_live", False):
        purge_page(instance)


def page_changed(sender, instance, **kwargs):
    """Published, unpublished: the same purge as a save, whatever was saved."""
    purge_page(instance)


def before_move(sender, instance, **kwargs):
    # The old URLs must go as well: found before the move.
    page = instance.specific_deferred
    related = related_pages([page])
    schedule(everything=affects_every_page(page), paths=page_paths(related), affected=[p.pk for p in related])


def after_move(sender, instance, **kwargs):
    purge_page(instance)


def page_before_delete(instance):
    purge = schedule()
    if instance.pk in purge.deleted:
        return  # a page's specific and base rows are deleted one after the other
    purge.deleted.add(instance.pk)
    if instance.depth and instance.depth >= 2:
        page = instance.specific_deferred
        related = related_pages([page])
        schedule(everything=affects_every_page(page), paths=page_paths(related), affected=[p.pk for p in related])


# Everything else -------------------------------------------------------------


def shown_where_referenced(model):
    """Images, documents and snippets show on the pages that choose them
    (recorded in Wagtail's reference index); anything else may show anywhere."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return (
        model in (get_image_model(), get_document_model())
        or model in get_snippet_models()
        or ReferenceIndex.is_indexed(model)
    )


def pages_showing(instance, seen=None, depth=0):
    """(every page?, ids of pages) that show an object, through the
    reference index: pages referring to it, or to objects referring to it."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    seen = seen if seen is not None else set()
    model = type(instance)
    if not shown_where_referenced(model) or depth > 5:
        return True, set()
    key = (model._meta.label, instance.pk)
    if key in seen:
        return False, set()
    seen.add(key)
    translations = [instance]
    if getattr(instance, "translation_key", None) is not None:
        translations = list(model._default_manager.filter(translation_key=instance.translation_key))
    if {(ReferenceIndex._get_base_content_type(model).pk, str(obj.pk)) for obj in translations} & named_in_settings():
        return True, set()
    page_ids = set()
    for reference in ReferenceIndex.get_references_to_in_bulk(translations).select_related("base_content_type"):
        referrer_model = reference.base_content_type.model_class()
        if referrer_model is None:
            continue
        if issubclass(referrer_model, Page):
            page_ids.add(int(reference.object_id))
            continue
        if issubclass(referrer_model, BaseSiteSetting | BaseGenericSetting):
            return True, set()
        referrer = referrer_model._default_manager.filter(pk=reference.object_id).first()
        if referrer is None:
            continue
        everything, more = pages_showing(referrer, seen, depth + 1)
        if everything:
            return True, set()
        page_ids |= more
    return False, page_ids


def owner(instance):
    """A child row (an inline of a page or snippet) counts as its parent."""
    from modelcluster.fields import ParentalKey

    for _ in range(5):
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        parent = getattr(instance, keys[0].name, None)
        if parent is None:
            return instance
        instance = parent
    return instance


def object_changed(instance, deleting=False):
    from wagtail.models import PageViewRestriction

    row = instance
    instance = owner(row)
    if never_public(type(instance)):
        return
    if isinstance(instance, Page):
        # A page's own rows change when it is published: page signals purge.
        if deleting and instance is row:
            page_before_delete(instance)
        return
    if isinstance(instance, PageViewRestriction):
        # Privacy first: the page, its descendants and every list that
        # showed them, in every language, at once.
        purge_everything()
        return
    everything, page_ids = pages_showing(instance)
    schedule(everything=everything, pages=page_ids)


def saved(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        return
    object_changed(instance)


def deleting(sender, instance, **kwargs):
    # Before the row (and its references) are gone.
    object_changed(instance, deleting=True)


def links_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        object_changed(instance)


def page_pre_save(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_before_save(sender, instance, **kwargs)


def page_post_save(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_saved(sender, instance, **kwargs)


def purge_frontend_cache(everything, paths):
    """Send the purge to a CDN or Varnish (WAGTAILFRONTENDCACHE), on the task worker."""
    from django.conf import settings

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from core.tasks import purge_frontend_cache_task

    try:
        purge_frontend_cache_task.enqueue(everything, sorted(paths))
    except Exception:  # the queue is the database: reported, the edit stands
        logger.exception("Queueing the frontend-cache purge failed")


def search_index_updated(sender, task_result, **kwargs):
    """The worker indexed a page for the search: cached search results are
    renewed (pages themselves were purged when they were saved)."""
    from modelsearch.tasks import insert_or_update_object_task

    if task_result.task.func is insert_or_update_object_task.func:
        new_generation()


def connect_signals():
    from django_tasks.signals import task_finished

    task_finished.connect(search_index_updated, dispatch_uid="purge.search_index")
    page_published.connect(page_changed, dispatch_uid="purge.published")
    page_unpublished.connect(page_changed, dispatch_uid="purge.unpublished")
    pre_page_move.connect(before_move, dispatch_uid="purge.pre_move")
    post_page_move.connect(after_move, dispatch_uid="purge.post_move")
    pre_save.connect(page_pre_save, dispatch_uid="purge.page_pre_save")
    post_save.connect(page_post_save, dispatch_uid="purge.page_post_save")
    post_save.connect(saved, dispatch_uid="purge.saved")
    pre_delete.connect(deleting, dispatch_uid="purge.deleting")
    m2m_changed.connect(links_changed, dispatch_uid="purge.links")
