"""Sending a release to the press list, in the task worker.

`send_mailing()` lists the recipients once (confirmed subscribers whose
language and filters match the release: `prepare()`), then sends in
batches over one SMTP connection each: a batch is claimed first (so that a
second run of the task, after a worker restart, never sends the same mail),
each mail is recorded as sent the moment the server has taken it. When the
server cannot be reached, the unsent mails wait with growing pauses
(PRESS_MAIL_RETRY_MINUTES) and the task comes back for them; an address the
server refuses for good (5xx) is marked failed with its answer. The
scheduler's sweep (`manage.py send_press_mail`) re-queues any mailing whose
task was lost.

The mail is rendered once per mailing: only the subscriber's own links
differ from one mail to the next.
"""

import contextlib
import logging
import smtplib
import uuid
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from core.localization import absolute_url, page_url
from press import tokens
from press.models import Delivery, Mailing, Subscriber

logger = logging.getLogger(__name__)

BATCH = 200
# A batch claimed by a worker that died is taken up again after this long.
CLAIM_SECONDS = 300
# The places in a rendered mail where each subscriber's own links go.
MANAGE_MARK = "press-manage-url-9d41c2"
UNSUBSCRIBE_MARK = "press-unsubscribe-url-9d41c2"


def retry_minutes():
    """Pauses after each failed try (about sixteen hours in all), then the mail is marked failed."""
    return settings.PRESS_MAIL_RETRY_MINUTES


def sendable(page):
    """Why the release cannot go out (not live any more, or private), or ''."""
    page.refresh_from_db(fields=["live"])
    if not page.live:
        return "not live"
    if page.get_view_restrictions().exists():
        return "private"
    return ""


def prepare(mailing_id):
    """List the recipients of a mailing, once: a delivery for each confirmed
    subscriber who wants the release (language, topics, cities)."""
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().select_related("page", "page__locale").get(pk=mailing_id)
        if mailing.prepared_at is not None:
            return mailing
        page = mailing.page
        mailing.cancelled = sendable(page)
        if not mailing.cancelled:
            language = page.locale.language_code
            topics = [str(key) for key in page.topic_links.values_list("topic__translation_key", flat=True)]
            cities = [str(key) for key in page.member_links.values_list("member__translation_key", flat=True)]
            subscribers = Subscriber.objects.filter(confirmed_at__isnull=False).only(
                "pk", "language", "topics", "cities"
            )
            wanted = [s.pk for s in subscribers.iterator(chunk_size=2000) if s.wants(language, topics, cities)]
            Delivery.objects.bulk_create(
                [Delivery(mailing=mailing, subscriber_id=pk) for pk in wanted], batch_size=500, ignore_conflicts=True
            )
        mailing.prepared_at = timezone.now()
        mailing.save(update_fields=["prepared_at", "cancelled"])
        return mailing


class ReleaseMail:
    """The mail of a mailing, rendered once in the release's language."""

    def __init__(self, mailing):
        page = mailing.page.specific
        self.language = page.locale.language_code
        with translation.override(self.language):
            context = release_context(mailing, page)
            self.subject = context["subject"]
            self.text = render_to_string("press/mail/release.txt", context)
            self.html = render_to_string("press/mail/release.html", context)
        host = settings.BASE_URL.split("://", 1)[-1].split("/")[0].split(":")[0]
        self.list_id = f"<press-{self.language}.{host}>"
        self.list_page = tokens.list_page(self.language)

    def message(self, subscriber, connection):
        token = tokens.manage_token(subscriber)
        manage = tokens.route_url(self.list_page, "manage", token)
        unsubscribe = tokens.route_url(self.list_page, "unsubscribe", token)

        def personal(text):
            return text.replace(MANAGE_MARK, manage).replace(UNSUBSCRIBE_MARK, unsubscribe)

        message = EmailMultiAlternatives(
            self.subject,
            personal(self.text),
            to=[subscriber.email],
            connection=connection,
            headers={
                # RFC 2369 and RFC 8058: mail programs offer "unsubscribe",
                # and may do it with one POST, without a visit.
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": self.list_id,
                "Auto-Submitted": "auto-generated",
                "Precedence": "bulk",
            },
        )
        message.attach_alternative(personal(self.html), "text/html")
        return message


def release_context(mailing, page):
    from core.images import FEED_SPECS
    from core.models import credit_name

    request = None
    when = page.date or page.first_published_at or timezone.now()
    image = page.lead_image
    photo = None
    if image is not None:
        rendition = image.get_rendition(FEED_SPECS)
        photo = SimpleNamespace(
            url=absolute_url(request, rendition.url),
            width=min(rendition.width, 600),
            height=round(rendition.height * min(rendition.width, 600) / rendition.width),
            alt=page.lead_image_alt,
            credit=credit_name(image.credit),
            kind=image.kind,
        )
    from core.caching.fragments import site_settings

    settings_ = site_settings(None)
    subject = page.title
    if mailing.correction_note:
        subject = translation.gettext("Correction: %(title)s") % {"title": page.title}
    return {
        "page": page,
        "subject": subject,
        "site_name": settings_.name,
        "url": page_url(page, request),
        "dateline": page.dateline,
        "date": date_format(timezone.localtime(when), "DATE_FORMAT"),
        "lead": page.lead,
        "photo": photo,
        "contact": page.press_contact,
        "correction_note": mailing.correction_note,
        "manage_url": MANAGE_MARK,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
    }


def _due(now):
    return Q(status=Delivery.Status.QUEUED, next_try__lte=now) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=now - timedelta(seconds=CLAIM_SECONDS)
    )


def claim(mailing, size=BATCH):
    """Deliveries of the mailing that are due, taken for this run."""
    now = timezone.now()
    ids = list(mailing.deliveries.filter(_due(now)).order_by("pk").values_list("pk", flat=True)[:size])
    if not ids:
        return []
    token = uuid.uuid4().hex
    Delivery.objects.filter(pk__in=ids).filter(_due(now)).update(
        status=Delivery.Status.SENDING, claim=token, claimed_at=now
    )
    return list(Delivery.objects.filter(claim=token, status=Delivery.Status.SENDING).select_related("subscriber"))


def _later(deliveries, error):
    """Back in the queue, each after its next pause; failed after the last."""
    pauses = retry_minutes()
    now = timezone.now()
    for delivery in deliveries:
        attempts = delivery.attempts + 1
        if attempts > len(pauses):
            Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(
                status=Delivery.Status.FAILED, attempts=attempts, error=error[:500], claim=""
            )
        else:
            Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(
                status=Delivery.Status.QUEUED,
                attempts=attempts,
                error=error[:500],
                next_try=now + timedelta(minutes=pauses[attempts - 1]),
                claim="",
            )


def _error_text(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = list(error.recipients.values())
        if answers:
            code, text = answers[0]
            return code, f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        return (
            error.smtp_code,
            f"{error.smtp_code} {text.decode(errors='replace') if isinstance(text, bytes) else text}",
        )
    return None, f"{type(error).__name__}: {error}"


def send_batch(mail, batch):
    """Send a claimed batch over one connection. False if the server could
    not be reached (the rest of the batch is queued again)."""
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        _later(batch, _error_text(error)[1])
        return False
    try:
        for number, delivery in enumerate(batch):
            try:
                connection.send_messages([mail.message(delivery.subscriber, connection)])
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as error:
                code, text = _error_text(error)
                if code is not None and 500 <= code < 600 and not isinstance(error, smtplib.SMTPSenderRefused):
                    Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(
                        status=Delivery.Status.FAILED, attempts=delivery.attempts + 1, error=text[:500], claim=""
                    )
                    continue
                _later(batch[number:], text)
                return False
            except (OSError, smtplib.SMTPException) as error:
                _later(batch[number:], _error_text(error)[1])
                return False
            Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(
                status=Delivery.Status.SENT,
                sent_at=timezone.now(),
                attempts=delivery.attempts + 1,
                error="",
                claim="",
            )
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            connection.close()
    return True


def send_mailing(mailing_id):
    """Send what is due of a mailing; come back for what has to wait."""
    from press.tasks import enqueue_mailing

    mailing = Mailing.objects.filter(pk=mailing_id).select_related("page").first()
    if mailing is None:
        return "gone"
    if mailing.send_after > timezone.now():
        enqueue_mailing(mailing)
        return "not yet"
    mailing = prepare(mailing_id)
    if mailing.cancelled:
        return f"not sent: {mailing.cancelled}"
    if sendable(mailing.page):
        # Unpublished or made private while it was being sent: the rest waits.
        return "stopped"
    mail = ReleaseMail(mailing)
    if mail.list_page is None:
        # No page to manage or leave the list from: nothing goes out without that link.
        logger.error("Mailing %s waits: there is no live press list page", mailing.pk)
        return "no press list page"
    sent = 0
    while batch := claim(mailing):
        if not send_batch(mail, batch):
            break
        sent += len(batch)
    waiting = mailing.deliveries.filter(status=Delivery.Status.QUEUED).aggregate(first=Min("next_try"))["first"]
    if waiting is not None:
        enqueue_mailing(mailing, at=max(waiting, timezone.now()))
    return f"{sent} sent"
