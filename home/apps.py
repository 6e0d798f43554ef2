from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and standard pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.localization import keep_in_sync
        from home.models import AccessibilityStatementPage

        # The name of the standard, a phone number and the addresses barrier
        # reports go to are the same in every language; the Leichte Sprache
        # summary is German on every page.
        keep_in_sync(AccessibilityStatementPage, {"standard", "feedback_phone", "easy_read_summary", "to_address"})
