from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from core.localization import keep_in_sync
        from members.models import MemberPage

        # Street, postcode, phone and the calendar are the same in every language.
        keep_in_sync(MemberPage, {"street", "postcode", "phone", "calendar_url", "calendar_publish_directly"})

        # A new member city gets its own editors' group when its page is published.
        page_published.connect(member_published, sender=MemberPage, dispatch_uid="members.city_group")


def member_published(sender, instance, **kwargs):
    from wagtail.models import Locale

    from core.roles import ensure_city_group

    if instance.locale_id == Locale.get_default().pk and not instance.alias_of_id:
        ensure_city_group(instance)
