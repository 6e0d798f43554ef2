from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware without the guess-a-prefix redirect on 404.

    Wagtail's catch-all page route makes every prefixed path "valid", so
    Django would answer /fr/ or /xyz/ with a redirect to /de/fr/ that only
    404s later. Here unknown paths answer 404 at once; the root URL has its
    own view that redirects by Accept-Language (core.views.root_redirect).
    """

    def process_response(self, request, response):
        if response.status_code == 404 and not get_language_from_path(request.path_info):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
