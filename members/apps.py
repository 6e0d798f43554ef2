from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published
        from wagtail_localize.fields import SynchronizedField, get_translatable_fields

        from members.models import MemberPage

        # Street, postcode and phone are the same in every language: keep them
        # in sync instead of offering them for translation.
        MemberPage.translatable_fields = [
            SynchronizedField(field.field_name) if field.field_name in {"street", "postcode", "phone"} else field
            for field in get_translatable_fields(MemberPage)
        ]

        # A new member city gets its own editors' group when its page is published.
        page_published.connect(member_published, sender=MemberPage, dispatch_uid="members.city_group")


def member_published(sender, instance, **kwargs):
    from wagtail.models import Locale

    from core.roles import ensure_city_group

    if instance.locale_id == Locale.get_default().pk and not instance.alias_of_id:
        ensure_city_group(instance)
