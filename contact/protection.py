"""Spam and cross-site defences of the public forms, without a third party,
without JavaScript and without cookies (no CAPTCHA that locks out blind
visitors):

- a honeypot field people never see and are told to leave empty;
- the time the form was rendered, signed: a form sent sooner than
  FORM_MIN_FILL_SECONDS after, or with a stamp that is missing, forged or
  older than FORM_MAX_AGE_SECONDS, is refused;
- at most FORM_RATE_LIMIT submissions per minute from one address;
- cross-site submissions refused by the browser's own Origin and
  Sec-Fetch-Site headers, instead of a CSRF cookie.

A refusal stores nothing and sends nothing; the form is shown again with
the visitor's input and a message saying what to do.
"""

import hashlib
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import django.forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.caching.fragments import cache_key, shared_cache
from core.utils import client_ip

HONEYPOT = "website_url"
STAMP = "form_stamp"
_SALT = "contact.form-rendered"


@dataclass
class Refusal:
    """Why a submission was turned away: the HTTP status, the visitor's message."""

    status: int
    message: str
    headers: dict = field(default_factory=dict)


def min_fill_seconds():
    return getattr(settings, "FORM_MIN_FILL_SECONDS", 3)


def max_age_seconds():
    return getattr(settings, "FORM_MAX_AGE_SECONDS", 24 * 3600)


def rate_limit():
    return getattr(settings, "FORM_RATE_LIMIT", 20)


def _signer(page):
    # Per page: a stamp taken from one form is no good on another.
    return signing.TimestampSigner(salt=f"{_SALT}:{page.pk}")


def new_stamp(page):
    """The value of the hidden field: the page and the time, signed."""
    return _signer(page).sign("rendered")


def guard_fields(page):
    """The honeypot and the signed render time, as fields of a public form
    (the contact forms' and the press list's)."""
    return {
        HONEYPOT: django.forms.CharField(
            label=_("Please leave this field empty"),
            required=False,
            widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        ),
        STAMP: django.forms.CharField(required=False, widget=django.forms.HiddenInput, initial=new_stamp(page)),
    }


def check_stamp(page, stamp):
    """None if the form was rendered long enough ago (and not too long), else a Refusal."""
    signer = _signer(page)
    try:
        signer.unsign(stamp or "", max_age=max_age_seconds())
        rendered = signing.b62_decode(signing.Signer.unsign(signer, stamp).rsplit(signer.sep, 1)[1])
    except signing.SignatureExpired:
        return Refusal(400, _("The form was open for too long. Please check your entries and send it again."))
    except (signing.BadSignature, ValueError, IndexError):
        return Refusal(400, _("The form could not be checked. Please check your entries and send it again."))
    # The stamp counts whole seconds: the form may have been rendered up to
    # a second later than it says.
    if time.time() - (rendered + 1) < min_fill_seconds():
        return Refusal(
            400,
            _("The form was sent very quickly, as automated programs do. Please check your entries and send it again."),
        )
    return None


def check_honeypot(data):
    if (data.get(HONEYPOT) or "").strip():
        return Refusal(
            400,
            _(
                'Your message was not sent because the field "Please leave this field empty" was filled in. '
                "It is empty now: please check your entries and send the form again."
            ),
        )
    return None


def check_rate(request):
    """Count this submission against the visitor's address; a Refusal (429
    with Retry-After) from the limit's next one on, until the minute is over.
    Addresses are kept only as a keyed hash, and only for that minute, in
    the cache every worker process shares (Redis, or files on this machine)."""
    now = time.time()
    window = int(now // 60)
    address = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()[:32]
    key = cache_key("form-rate", address, window)
    shared_cache.add(key, 0, timeout=90)
    try:
        count = shared_cache.incr(key)
    except ValueError:  # expired between add and incr
        shared_cache.set(key, 1, timeout=90)
        count = 1
    if count <= rate_limit():
        return None
    retry_after = max(1, int(60 - now % 60) + 1)
    return Refusal(
        429,
        _("Too many messages were sent from your connection in the last minute. Please wait a minute and try again."),
        {"Retry-After": str(retry_after)},
    )


def check_origin(request):
    """Refuse a submission that a browser sends from another site.

    The forms need no CSRF cookie (the site sets no cookie before a visitor
    asks for one): the form is anonymous, so a forged submission gains an
    attacker nothing a direct one would not, except hiding behind a
    visitor's address. Every current browser tells where a POST comes from:
    Sec-Fetch-Site ("same-origin") or, for older ones, Origin. Either one
    naming another site is refused; a client that sends neither is not a
    browser acting for someone, and meets the other defences instead.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        if fetch_site == "same-origin":
            return None
        return _cross_site()
    origin = request.headers.get("Origin")
    if origin is None:
        return None
    base = urlsplit(settings.BASE_URL)
    allowed = {
        f"{request.scheme}://{request.get_host()}",
        f"{base.scheme}://{base.netloc}",
        *getattr(settings, "CSRF_TRUSTED_ORIGINS", []),
    }
    if origin in allowed:
        return None
    return _cross_site()


def _cross_site():
    return Refusal(403, _("The form was sent from another website. Please use the form on this page."))
