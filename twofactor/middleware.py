from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from twofactor import policy

# What a user between password and second factor may reach in the admin: the
# second step itself, the passkey ceremony, what the admin serves to anyone
# (icons, JavaScript translations), logging in again and out.
OPEN_URL_NAMES = (
    "twofactor_verify",
    "twofactor_setup",
    "wagtailadmin_sprite",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
)


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware: an account that has a second factor,
    or must have one, reaches the admin only after the second step. Until then
    every admin page sends it to that step, and outside the admin (private
    pages and documents, previews) it counts as not logged in."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None
        self._open_paths = None

    def open_paths(self):
        if self._open_paths is None:
            self._admin_prefix = reverse("wagtailadmin_home")
            self._open_paths = {reverse(name) for name in OPEN_URL_NAMES}
        return self._open_paths

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # Nobody logged in: leave the session alone (no Vary: Cookie on
            # /healthz and cacheable pages).
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified():
            step = policy.pending_step(user)
            if step is not None:
                open_paths = self.open_paths()
                if not request.path.startswith(self._admin_prefix):
                    request.user = AnonymousUser()
                elif request.path not in open_paths:
                    target = reverse("twofactor_verify" if step == policy.VERIFY else "twofactor_setup")
                    next_url = request.get_full_path() if request.method == "GET" else self._admin_prefix
                    return redirect(f"{target}?{urlencode({'next': next_url})}")
        return self.get_response(request)
