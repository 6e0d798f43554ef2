"""Page routing in two queries, whatever the depth of the page.

Wagtail routes /de/aktuelles/meldung/ by walking the tree: the site, its
root page, the root's translation, then one query for each child and one
for its specific type: a dozen queries for a press release. Here the site
and each language's home page come from the shared cache, and the page is
found by its url_path: one query for the deepest page whose url_path
matches a prefix of the path, one for its specific row. What remains of the
path goes to the page's own route() (RoutablePageMixin sub-routes such as
feed/rss/), so Wagtail's semantics hold: drafts 404, aliases are served,
hooks and view restrictions run as in Wagtail's own serve view.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.wagtail_hooks import check_view_restrictions

from core.caching.fragments import cached_site, frame_cached, frame_get, frame_set
from core.localization import restricted_paths


def localized_home(site, language_code, request=None):
    """The live home page of a language (Wagtail's root_page.localized), kept
    until every page is purged, as publishing or unpublishing a home page does."""

    def load():
        # Plain Page rows: small to cache, enough to route from.
        root = Page.objects.filter(pk=site.root_page_id)
        translation = Page.objects.filter(
            translation_key__in=root.values("translation_key"), locale__language_code=language_code, live=True
        ).first()
        return translation or root.get()

    return frame_cached(request, f"home:{language_code}", load, site_wide=True)


def route(request, path):
    site = cached_site(request)
    if site is None:
        return None
    home = localized_home(site, get_language(), request)
    components = [component for component in path.split("/") if component]
    # Which page serves a path changes only when something is published,
    # moved or deleted: remembered per frame generation, for paths that
    # resolved (so made-up URLs cannot fill the cache).
    route_key = f"route:{home.pk}:{'/'.join(components)}"
    found = frame_get(request, route_key)
    known = found is not None
    if not known:
        candidates = [
            home.url_path + "".join(f"{c}/" for c in components[:depth]) for depth in range(len(components) + 1)
        ]
        found = (
            Page.objects.filter(url_path__in=candidates, path__startswith=home.path)
            .order_by("-depth")
            .values_list("pk", "content_type_id", "depth")
            .first()
        )
        if found is None:
            return None
    pk, content_type_id, depth = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = model.objects.get(pk=pk)
    remaining = components[depth - home.depth :]
    try:
        resolved = page.route(request, remaining)
    except Http404:
        return None
    if not known:
        frame_set(request, route_key, tuple(found))
    return resolved


def may_be_restricted(page, request):
    """Whether Wagtail's view-restriction check (two queries) must run: only
    for pages below a restricted page, and for aliases (their original's
    restrictions apply)."""
    if page.alias_of_id:
        return True
    return any(page.path.startswith(path) for path in restricted_paths(request))


def serve(request, path):
    """Wagtail's serve view (wagtail.views.serve), with the route found as
    above and the view-restriction check skipped where no restriction applies."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    if request._wagtail_route_for_request is None:
        raise Http404
    page, args, kwargs = request._wagtail_route_for_request
    restricted = may_be_restricted(page, request)
    on_serve_chain = wagtail_views.serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is check_view_restrictions and not restricted:
            continue
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    response = on_serve_chain(page, request, args, kwargs)
    if restricted and page.get_view_restrictions().exists():
        # Behind a password, a login or a group: never in a shared cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response
