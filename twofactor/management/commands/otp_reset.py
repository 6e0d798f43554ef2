"""Remove a user's second factor, e.g. after a lost phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twofactor import policy


class Command(BaseCommand):
    help = (
        "Remove every second factor (authenticator apps, passkeys, recovery codes) of an account. "
        "At the next login it logs in with the password alone, or, if it must have a second factor, sets one up."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No account named {username!r}.") from error
        removed = policy.reset(user)
        then = "sets up a new one" if policy.is_required(user) else "needs only the password"
        self.stdout.write(f"Removed {removed} second-factor device(s) of {username!r}; at the next login it {then}.")
