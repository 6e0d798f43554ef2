from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core import admin_language, images, translation_review
        from core.caching import purge
        from core.db import analyze_after_migrate

        purge.connect_signals()
        images.connect_signals()
        translation_review.install()
        admin_language.install()
        post_migrate.connect(analyze_after_migrate, sender=self, dispatch_uid="core.analyze")
