from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Forms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from contact.models import ContactPage
        from core.localization import keep_in_sync

        # The office's addresses are the same in every language.
        keep_in_sync(ContactPage, {"to_address"})
