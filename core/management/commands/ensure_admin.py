"""Create the first admin account, once, with a password nobody has seen before."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the superuser 'admin' if no superuser exists (password from ADMIN_PASSWORD or random, printed once)."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write("Created the admin account 'admin' with the password from ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                self.style.WARNING(f"Created the admin account 'admin' with the password: {password}\n")
                + "  It is shown only this once: note it down or change it in the admin."
            )
