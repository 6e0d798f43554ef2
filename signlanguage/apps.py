from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class SignLanguageConfig(AppConfig):
    name = "signlanguage"
    verbose_name = _("Sign language")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents import get_document_model

        from signlanguage.signals import video_document_saved

        post_save.connect(video_document_saved, sender=get_document_model(), dispatch_uid="signlanguage-video-replaced")
