"""The one place the forms leave Django's CSRF check: POSTs to a form page
(and to pages that say `accepts_public_posts`, the press list's)."""

from core import routing


class FormPageCsrfExemption:
    """Exempt POSTs to pages with a public form (contact.models.FormPageMixin)
    from Django's CSRF middleware, which would need a CSRF cookie that the
    site never sets for visitors. Those pages check where a submission comes
    from themselves (contact.protection.check_origin). Every other view,
    the admin's included, keeps Django's check. Put it before
    django.middleware.csrf.CsrfViewMiddleware.

    The page is routed here the way core.routing.serve routes it, which then
    reuses the result: no second lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from contact.models import FormPageMixin

        if request.method != "POST" or view_func is not routing.serve:
            return None
        if not hasattr(request, "_wagtail_route_for_request"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = routing.route(request, path)
        found = request._wagtail_route_for_request
        if found is not None and (
            isinstance(found[0], FormPageMixin) or getattr(found[0], "accepts_public_posts", False)
        ):
            # What Django's csrf_exempt does for a view, for this request only.
            request._dont_enforce_csrf_checks = True
        return None
