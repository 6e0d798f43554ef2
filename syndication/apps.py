from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    """Sharing with the member cities both ways: their calendars imported
    (importer), the network's content read by their sites (the read API and
    the embeddable lists)."""

    name = "syndication"
    verbose_name = _("Sharing with members")
    default_auto_field = "django.db.models.BigAutoField"
