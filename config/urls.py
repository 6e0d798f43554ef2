from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtail_document_serve

from core import csp as core_csp
from core import documents as core_documents
from core import routing as core_routing
from core import translation_review, translation_workflow, workflow_messages
from core import views as core_views
from syndication.api import api_router

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    # Before the admin's own URLs: wagtail-localize's sync view, with
    # "publish immediately" limited to those who may publish.
    path(
        "admin/localize/update/<int:translation_source_id>/",
        translation_review.reviewed_update_translations,
        name="reviewed_update_translations",
    ),
    # wagtail-localize's "convert to alias page", for those who may publish the page.
    path(
        "admin/localize/page/<int:page_id>/convert_to_alias/",
        translation_review.convert_to_alias,
        name="reviewed_convert_to_alias",
    ),
    # wagtail-localize's "Translate this page", which German-only page types refuse.
    path(
        "admin/localize/submit/page/<int:page_id>/",
        translation_workflow.submit_page_translation,
        name="submit_page_translation",
    ),
    # Wagtail's workflow actions (approve, request changes), with a confirmation.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        workflow_messages.workflow_action,
        name="confirmed_workflow_action",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms of private documents and pages, throttled.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        core_views.throttled_password_view(wagtail_document_serve.authenticate_with_password, "collection"),
        name="wagtaildocs_authenticate_with_password",
    ),
    # Wagtail's document view (privacy checks and all), answering byte ranges
    # (206) so that videos can be sought and Safari plays them.
    re_path(r"^documents/(\d+)/(.*)$", core_documents.serve, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", core_views.sitemap_section, name="sitemap-section"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # For load balancers; plain HTTP allowed (SECURE_REDIRECT_EXEMPT).
    path("healthz", core_views.healthz, name="healthz"),
    # Content-Security-Policy violation reports from browsers (core/csp.py).
    path("csp-report/", core_csp.csp_report, name="csp_report"),
    # The read API for the member cities' sites: JSON in either language
    # (?locale=), outside the language prefixes (syndication/api.py).
    path("api/v2/", api_router.urls),
]

if settings.SERVE_MEDIA:
    # Uploaded images and their renditions; a deployment with object storage
    # or a web server in front turns this off with SERVE_MEDIA=0. Documents
    # are not among them: they are served only by Wagtail's document view
    # (/documents/<id>/<name>), which checks their collection's privacy.
    urlpatterns += [re_path(r"^media/(?P<path>(?:images|original_images)/[^/]+)$", core_views.media_file)]

# Everything a visitor reads lives under /de/ or /en/; the search before
# Wagtail's catch-all page route.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        core_views.throttled_password_view(wagtail_views.authenticate_with_password, "page"),
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's page serving, routed in two queries (core/routing.py).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", core_routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
