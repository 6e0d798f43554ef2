from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_localize.fields import SynchronizedField, get_translatable_fields

        from events.models import EventPage

        # A postal address is the same in every language.
        EventPage.translatable_fields = [
            SynchronizedField(field.field_name) if field.field_name == "venue_address" else field
            for field in get_translatable_fields(EventPage)
        ]
