"""The links mailed to a subscriber, signed so that nobody can make one for
another address: confirm (valid PRESS_CONFIRM_DAYS), manage and
unsubscribe (valid until the address unsubscribes: each carries the
subscriber's secret, which is then renewed)."""

import base64

from django.conf import settings
from django.core import signing

from press.models import Subscriber

CONFIRM_SALT = "press.confirm"
MANAGE_SALT = "press.manage"


def _value(subscriber):
    return f"{subscriber.pk}.{subscriber.secret}"


def _encode(signed):
    # Wagtail routes only path segments of letters, digits, "-" and "_".
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def _decode(token):
    if len(token) > 300:
        raise signing.BadSignature("too long")
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (ValueError, UnicodeDecodeError) as error:
        raise signing.BadSignature("not a token") from error


def confirm_token(subscriber):
    return _encode(signing.TimestampSigner(salt=CONFIRM_SALT).sign(_value(subscriber)))


def manage_token(subscriber):
    return _encode(signing.Signer(salt=MANAGE_SALT).sign(_value(subscriber)))


def _subscriber(value):
    pk, _, secret = value.partition(".")
    if not pk.isascii() or not pk.isdigit() or len(pk) > 18:
        return None
    subscriber = Subscriber.objects.filter(pk=int(pk)).first()
    if subscriber is None or not signing.constant_time_compare(subscriber.secret, secret):
        return None
    return subscriber


def subscriber_to_confirm(token):
    """The subscriber a confirmation link names, or None (forged, expired, unsubscribed since)."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            _decode(token), max_age=settings.PRESS_CONFIRM_DAYS * 24 * 3600
        )
    except signing.BadSignature:
        return None
    return _subscriber(value)


def subscriber_to_manage(token):
    """The subscriber a manage or unsubscribe link names, or None."""
    try:
        value = signing.Signer(salt=MANAGE_SALT).unsign(_decode(token))
    except signing.BadSignature:
        return None
    return _subscriber(value)


def list_page(language):
    """The live press list page of a language (of the other language if it has none), or None."""
    from press.models import PressListPage

    pages = PressListPage.objects.live().public().select_related("locale")
    found = {page.locale.language_code: page for page in pages}
    return found.get(language) or found.get(settings.LANGUAGE_CODE) or next(iter(found.values()), None)


def route_url(page, name, *args):
    from core.localization import page_url

    return page_url(page, None) + page.reverse_subpage(name, args=args)
