"""Who needs a second factor, and what stands between a password and the admin.

Superusers and the members of Moderation (who put content live) must have a
second factor; every other account may add one. An account with a second
factor is asked for it after the password, whoever it belongs to.
"""

from django.contrib.auth import get_user_model

from axes.handlers.proxy import AxesProxyHandler
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from core.roles import MODERATORS

RECOVERY_CODE_COUNT = 10

VERIFY = "verify"
SETUP = "setup"


def is_required(user):
    """Superusers and Moderation: they may publish, so a stolen password must not be enough."""
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def authenticators(user):
    """The confirmed devices that stand on their own: authenticator apps and passkeys
    (recovery codes are only a way back in, not a factor to set up with)."""
    return [
        *TOTPDevice.objects.devices_for_user(user, confirmed=True),
        *WebAuthnCredential.objects.devices_for_user(user, confirmed=True),
    ]


def has_authenticator(user):
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    )


def pending_step(user):
    """What a logged-in user has to do before the admin opens: VERIFY (enter a
    code or use a passkey), SETUP (a required second factor is missing), or None."""
    if not user.is_authenticated or user.is_verified():
        return None
    if has_authenticator(user):
        return VERIFY
    if is_required(user):
        return SETUP
    return None


def new_recovery_codes(user):
    """Replace the user's recovery codes by RECOVERY_CODE_COUNT fresh ones and return them
    (the only time they are shown: the database keeps them, the page does not)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset(user):
    """Remove every second factor of the account (`manage.py otp_reset`): the
    next login starts over (with setup, for those who must have one)."""
    removed = 0
    for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
        count, _ = model.objects.filter(user=user).delete()
        removed += count
    return removed


def clear_failures(request, user):
    """Forget the failed attempts of this account and address (django-axes):
    the login is complete."""
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.get_implementation().reset_user_attempts(request, {"username": user.get_username()})


def clear_failures_after_password(sender, request, user, **kwargs):
    """After the password: the count of failures is cleared only if no second
    step follows, else a thief with the password could clear it between guesses
    of the code (AXES_RESET_ON_SUCCESS is off for that reason)."""
    if request is None or not isinstance(user, get_user_model()):
        return
    if not has_authenticator(user) and not is_required(user):
        clear_failures(request, user)
