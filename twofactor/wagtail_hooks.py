from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("2fa/", include("twofactor.urls"))]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("twofactor_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Authenticator apps, passkeys and recovery codes for your login."),
    }
