from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.localization import keep_in_sync
        from events.models import EventPage

        # A postal address is the same in every language; so are being
        # cancelled and where an imported event came from.
        keep_in_sync(EventPage, {"venue_address", "cancelled", "source_detached"})
