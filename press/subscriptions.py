"""Signing up, confirming, changing and leaving the press list.

Double opt-in: a sign-up stores the address as unconfirmed and mails it a
link; only the click on "confirm" on that page (a POST: a mail scanner
following the link confirms nothing) puts it on the list. The answer to a
sign-up is the same whether the address is new, waiting or on the list
already (no one can find out who is subscribed): a new or waiting
address gets the link, one on the list a note with its manage link
instead. At most one such mail per address per PRESS_MAIL_INTERVAL_MINUTES,
however often the form is sent with it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.mail import mask, send_with_retries
from press import tokens
from press.models import Subscriber, new_secret

logger = logging.getLogger(__name__)

CONFIRM, ALREADY = "confirm", "already"


def normalized(email):
    """Addresses compared without regard to case (the domain is case-blind,
    and no mail server of note treats the local part otherwise)."""
    return email.strip().lower()


def sign_up(email, language, topics, cities, consent_text, page_language):
    """Store a sign-up (or renew a waiting one) and queue the mail it needs."""
    from press.tasks import send_subscription_mail

    email = normalized(email)
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.filter(email=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email, language=language, topics=topics, cities=cities, consent_text=consent_text
                    )
            except IntegrityError:  # the same address sent twice at once
                subscriber = Subscriber.objects.get(email=email)
        elif not subscriber.confirmed:
            subscriber.language, subscriber.topics, subscriber.cities = language, topics, cities
            subscriber.consent_text, subscriber.created_at = consent_text, now
            subscriber.save(update_fields=["language", "topics", "cities", "consent_text", "created_at"])
        interval = timedelta(minutes=settings.PRESS_MAIL_INTERVAL_MINUTES)
        if subscriber.last_mailed_at is not None and subscriber.last_mailed_at > now - interval:
            return subscriber
        Subscriber.objects.filter(pk=subscriber.pk).update(last_mailed_at=now)
        kind = ALREADY if subscriber.confirmed else CONFIRM
        pk = subscriber.pk
        transaction.on_commit(lambda: send_subscription_mail.enqueue(pk, kind, page_language))
    return subscriber


def confirm(subscriber):
    if subscriber.confirmed_at is None:
        Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
        subscriber.refresh_from_db()
    return subscriber


def change(subscriber, language, topics, cities):
    subscriber.language, subscriber.topics, subscriber.cities = language, topics, cities
    subscriber.save(update_fields=["language", "topics", "cities"])


def unsubscribe(subscriber):
    """Off the list: the address and what was sent to it are deleted
    (nothing of it is kept that the network would not need)."""
    Subscriber.objects.filter(pk=subscriber.pk).delete()


def expire_unconfirmed():
    """Delete sign-ups not confirmed within PRESS_CONFIRM_DAYS; returns how many."""
    cutoff = timezone.now() - timedelta(days=settings.PRESS_CONFIRM_DAYS)
    deleted, _ = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted


def send_subscription_mail(subscriber_id, kind, language):
    """The confirmation link (CONFIRM) or the note to an address on the list (ALREADY)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return "gone"
    page = tokens.list_page(language)
    if page is None:
        logger.error("No live press list page: the mail to %s is not sent", mask(subscriber.email))
        return "no press list page"
    language = page.locale.language_code
    with translation.override(language):
        from core.caching.fragments import site_settings

        context = {"site_name": site_settings(None).name, "days": settings.PRESS_CONFIRM_DAYS}
        if kind == CONFIRM:
            context["url"] = tokens.route_url(page, "confirm", tokens.confirm_token(subscriber))
            subject = translation.gettext("Please confirm your subscription to our press releases")
        else:
            context["url"] = tokens.route_url(page, "manage", tokens.manage_token(subscriber))
            subject = translation.gettext("You are already subscribed to our press releases")
        body = render_to_string(f"press/mail/{kind}.txt", context)
    message = EmailMessage(subject, body, to=[subscriber.email], headers={"Auto-Submitted": "auto-generated"})
    send_with_retries(message)
    return "sent"


def renew_secret(subscriber):
    subscriber.secret = new_secret()
    subscriber.save(update_fields=["secret"])
