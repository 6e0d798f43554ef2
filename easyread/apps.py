from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EasyReadConfig(AppConfig):
    name = "easyread"
    verbose_name = _("Easy-to-read German (Leichte Sprache)")
    default_auto_field = "django.db.models.BigAutoField"
