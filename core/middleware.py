from django.db import transaction
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


class AtomicAdminWritesMiddleware:
    """Every change made in the admin happens whole or not at all.

    Wagtail creates a page, saves its revision and publishes it in separate
    commits: when publishing failed (a busy database, a lost connection) an
    editor was left with a half-created draft, which a second try then
    duplicated. Here each admin request that may write (POST, PUT, PATCH,
    DELETE) runs in one transaction, rolled back if the view fails (5xx); purges,
    tasks and mails queued with on_commit go out only after it commits.
    Public requests are not wrapped: on SQLite a transaction takes the write
    lock when it begins (config/settings/base.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD", "OPTIONS") or not request.path_info.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                # The view raised (Django made the 500 page of it) or failed.
                transaction.set_rollback(True)
            return response


ADMIN_PREFIX = "/admin/"
