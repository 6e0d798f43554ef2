from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "twofactor"
    verbose_name = _("Two-factor authentication")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from twofactor import policy

        user_logged_in.connect(policy.clear_failures_after_password, dispatch_uid="twofactor.clear_failures")
