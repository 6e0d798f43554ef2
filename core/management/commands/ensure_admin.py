"""Create the first admin account, once, with a password nobody has seen before."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the superuser 'admin' if no superuser exists (password from ADMIN_PASSWORD or random, printed once)."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(16)
        try:
            validate_password(password, User(username="admin", email="admin@example.org"))
        except ValidationError as error:
            raise CommandError("ADMIN_PASSWORD is too weak: " + " ".join(error.messages)) from error
        User.objects.create_superuser("admin", "admin@example.org", password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write("Created the admin account 'admin' with the password from ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(f"Created the admin account 'admin' with the password: {password}\n")
                + "  It is shown only this once: note it down or change it in the admin."
            )
        self.stdout.write(
            "  At the first login the admin sets up a second factor: after the password, scan the QR code\n"
            "  with an authenticator app (FreeOTP, Aegis, Google or Microsoft Authenticator), enter its code\n"
            "  and note the 10 recovery codes. Lost phone: manage.py otp_reset admin"
        )
