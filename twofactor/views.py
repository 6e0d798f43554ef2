"""The second step of the admin login, its setup, and each user's own devices."""

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import JavaScriptCatalog

import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import CompleteCredentialAuthenticationView

from core.views import locked_out
from twofactor import policy
from twofactor.forms import CodeForm, SetupForm

LOGIN_FRAME = "twofactor/login_frame.html"
ADMIN_FRAME = "twofactor/admin_frame.html"


def next_url(request):
    """Where the login goes on: the admin page first asked for, never another host."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def qr_code_svg(text):
    """The QR code as inline SVG, drawn here: the secret never leaves the site."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


def match_code(user, code):
    """The device (authenticator app or recovery code) that accepts the code, if any.
    A recovery code is used up by this."""
    with transaction.atomic():
        for model in (TOTPDevice, StaticDevice):
            for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
                if device.verify_token(code):
                    return device
    return None


def complete_login(request, device):
    otp_login(request, device)
    policy.clear_failures(request, request.user)


@never_cache
def verify(request):
    """After the password: a code from the app, a recovery code or a passkey."""
    user = request.user
    step = policy.pending_step(user)
    if step is None:
        return redirect(next_url(request))
    if step == policy.SETUP:
        return redirect(f"{reverse('twofactor_setup')}?{request.GET.urlencode()}")

    credentials = {"username": user.get_username()}
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if not AxesProxyHandler.is_allowed(request, credentials):
            logout(request)
            return locked_out(request)
        if form.is_valid():
            device = match_code(user, form.cleaned_data["code"])
            if device is not None:
                complete_login(request, device)
                if isinstance(device, StaticDevice):
                    left = policy.remaining_recovery_codes(user)
                    messages.warning(
                        request,
                        _(
                            "You used a recovery code; %(count)s are left. Create new ones under Two-factor authentication."
                        )
                        % {"count": left},
                    )
                return redirect(next_url(request))
        # A wrong code counts like a wrong password (django-axes): five, and
        # the account is locked for everyone for the cool-off time.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return locked_out(request)
        form.add_error(None, _("This code is not valid. Try again with the current code."))

    return TemplateResponse(
        request,
        "twofactor/verify.html",
        {
            "frame": LOGIN_FRAME,
            "title": _("Second step of the login"),
            "form": form,
            "next": next_url(request),
            "has_passkey": WebAuthnCredential.objects.filter(user=user, confirmed=True).exists(),
        },
    )


@never_cache
def setup(request):
    """Add an authenticator app: a new secret as QR code and text, confirmed by
    a code from the app. On first setup, ten recovery codes are shown once."""
    user = request.user
    step = policy.pending_step(user)
    if step == policy.VERIFY:
        return redirect(f"{reverse('twofactor_verify')}?{request.GET.urlencode()}")

    # One pending (unconfirmed) secret per user, kept until it is confirmed,
    # so that reloading the page does not invalidate a scanned code.
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)

    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            if not user.is_verified():
                complete_login(request, device)
            if policy.remaining_recovery_codes(user) == 0:
                return show_recovery_codes(request, policy.new_recovery_codes(user), next_url(request))
            messages.success(request, _("The authenticator app is set up."))
            return redirect(next_url(request))
        form.add_error("code", _("This code is not valid. Check the time on your phone and enter the current code."))

    secret = b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "twofactor/setup.html",
        {
            # Before the first setup the admin's menus lead nowhere: the login's frame.
            "frame": LOGIN_FRAME if step == policy.SETUP else ADMIN_FRAME,
            "title": _("Set up an authenticator app"),
            "page_title": _("Set up an authenticator app"),
            "header_icon": "key",
            "required": step == policy.SETUP,
            "form": form,
            "qr_code": qr_code_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": next_url(request),
        },
    )


def show_recovery_codes(request, codes, continue_url):
    return TemplateResponse(
        request,
        "twofactor/recovery_codes.html",
        {
            "frame": ADMIN_FRAME,
            "title": _("Your recovery codes"),
            "page_title": _("Your recovery codes"),
            "header_icon": "key",
            "codes": codes,
            "continue_url": continue_url,
        },
    )


@never_cache
def manage(request):
    """The user's own second factors: authenticator apps, passkeys, recovery codes."""
    user = request.user
    return TemplateResponse(
        request,
        "twofactor/manage.html",
        {
            "frame": ADMIN_FRAME,
            "page_title": _("Two-factor authentication"),
            "header_icon": "key",
            "required": policy.is_required(user),
            "apps": TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk"),
            "passkeys": WebAuthnCredential.objects.devices_for_user(user, confirmed=True).order_by("pk"),
            "recovery_codes_left": policy.remaining_recovery_codes(user),
            "has_authenticator": policy.has_authenticator(user),
        },
    )


@require_POST
def remove(request, kind, pk):
    """Remove an authenticator app or a passkey; never the last one of an account that must have one."""
    model = {"app": TOTPDevice, "passkey": WebAuthnCredential}[kind]
    device = get_object_or_404(model, pk=pk, user=request.user, confirmed=True)
    others = [other for other in policy.authenticators(request.user) if other != device]
    if not others and policy.is_required(request.user):
        messages.error(request, _("Your account needs a second factor: add another one before removing this one."))
        return redirect("twofactor_manage")
    device.delete()
    if not others:
        # Without an app or passkey there is no second factor left to recover.
        StaticDevice.objects.filter(user=request.user).delete()
    messages.success(request, _("Removed."))
    return redirect("twofactor_manage")


@require_POST
def new_recovery_codes(request):
    if not policy.has_authenticator(request.user):
        return redirect("twofactor_manage")
    return show_recovery_codes(request, policy.new_recovery_codes(request.user), reverse("twofactor_manage"))


class PasskeyLoginView(CompleteCredentialAuthenticationView):
    """django-otp-webauthn's passkey check as the second step: it also clears
    the account's failed attempts and continues to the admin."""

    def complete_auth(self, device):
        super().complete_auth(device)
        policy.clear_failures(self.request, device.user)

    def get_success_url(self):
        return next_url(self.request)


# The passkey script's own strings, in the user's admin language.
passkey_js_catalog = JavaScriptCatalog.as_view(packages=["django_otp_webauthn"])
