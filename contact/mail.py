"""The mails of a submission: to the office (tried until it is sent, with
growing pauses, its status kept on the submission) and, if the sender asked
for it, a confirmation that repeats nothing of what they wrote (so the form
cannot be used to send anyone a text of a spammer's choosing)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from django_tasks import default_task_backend

from contact.forms import CONFIRMATION
from contact.models import Submission
from core.mail import mask, send_with_retries

logger = logging.getLogger(__name__)

# A worker that took a mail and died is assumed gone after this long (far
# longer than EMAIL_TIMEOUT); the mail is then tried again.
CLAIM_SECONDS = 300


def retry_minutes():
    """Pauses after each failed try; after the last the mail is given up
    (and stays visible as failed next to the submission in the admin)."""
    return getattr(settings, "FORM_MAIL_RETRY_MINUTES", [1, 5, 15, 60, 180, 720])


class NoRecipient(Exception):
    """Neither the page nor the site settings name an address."""


def _text(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return "" if value is None else str(value)


def office_message(submission):
    """The submission for the office, in the site's main language; Reply-To
    the sender's address if they gave one."""
    page = submission.page.specific
    with translation.override(settings.LANGUAGE_CODE):
        fields = [(name, label) for name, label in page.get_data_fields() if name not in ("submit_time", "mail_status")]
        lines = [f"{label}:\n{_text(submission.form_data.get(name))}\n" for name, label in fields]
        when = date_format(timezone.localtime(submission.submit_time), "DATETIME_FORMAT")
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailforms:list_submissions", args=[page.pk]
        )
        body = "\n".join(
            [
                _("A new message was sent through the form on the page “%(title)s” (%(language)s) on %(when)s.")
                % {"title": page.title, "language": submission.language, "when": when},
                "",
                *lines,
                _("All submissions of this form: %(url)s") % {"url": admin_url},
            ]
        )
        subject = _("Form “%(title)s”: new message") % {"title": page.title}
    sender_field = page.sender_field()
    sender = submission.form_data.get(sender_field.clean_name) if sender_field else None
    recipients = page.mail_recipients()
    if not recipients:
        raise NoRecipient(f"The page {page.pk} names no address to send submissions to")
    return EmailMessage(subject, body, to=recipients, reply_to=[sender] if sender else None)


def confirmation_message(submission):
    """The sender's confirmation, in the language they wrote in: the date and
    the page only, never their text."""
    page = submission.page.specific
    sender_field = page.sender_field()
    address = submission.form_data.get(sender_field.clean_name) if sender_field else None
    if not address or not submission.form_data.get(CONFIRMATION):
        return None
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        when = date_format(timezone.localtime(submission.submit_time), "DATETIME_FORMAT")
        subject = _("We have received your message")
        body = "\n\n".join(
            [
                _("Thank you. Your message sent through the form “%(title)s” on %(when)s has arrived.")
                % {"title": page.title, "when": when},
                _("You receive this e-mail because you asked for a confirmation. It does not repeat your message."),
                _("If you did not write to us, please ignore this e-mail."),
            ]
        )
    return EmailMessage(subject, body, to=[address])


def deliver(submission_id):
    """Try once to mail a submission to the office, if it is due and no
    other worker has it; on failure, note why and when to try again (and
    queue that try where the task backend can defer)."""
    from contact import tasks

    now = timezone.now()
    due = Submission.objects.filter(
        pk=submission_id, mail_status__in=[Submission.MailStatus.QUEUED, Submission.MailStatus.RETRYING]
    ).filter(Q(mail_next_try__isnull=True) | Q(mail_next_try__lte=now))
    free = Q(mail_claimed_at__isnull=True) | Q(mail_claimed_at__lt=now - timedelta(seconds=CLAIM_SECONDS))
    if not due.filter(free).update(mail_claimed_at=now):
        return "not due"
    submission = Submission.objects.select_related("page").get(pk=submission_id)
    attempts = submission.mail_attempts + 1
    try:
        message = office_message(submission)
        message.send()
    except Exception as error:  # noqa: BLE001 - every failure is recorded and tried again
        pauses = retry_minutes()
        # The error's text may quote an address; its kind is enough.
        kind = type(error).__name__[:100]
        recipients = ", ".join(mask(address) for address in submission.page.specific.mail_recipients())
        if attempts > len(pauses):
            logger.error(
                "Submission %s to %s not mailed after %d tries (%s)", submission.pk, recipients, attempts, kind
            )
            update = {"mail_status": Submission.MailStatus.FAILED, "mail_next_try": None}
        else:
            next_try = now + timedelta(minutes=pauses[attempts - 1])
            logger.warning("Submission %s to %s not mailed (%s), try %d", submission.pk, recipients, kind, attempts)
            update = {"mail_status": Submission.MailStatus.RETRYING, "mail_next_try": next_try}
        Submission.objects.filter(pk=submission.pk).update(
            mail_attempts=attempts, mail_error=kind, mail_claimed_at=None, **update
        )
        if update["mail_next_try"] and default_task_backend.supports_defer:
            tasks.send_submission_mail.using(run_after=update["mail_next_try"]).enqueue(submission.pk)
        return f"failed ({kind})"
    Submission.objects.filter(pk=submission.pk).update(
        mail_status=Submission.MailStatus.SENT,
        mail_attempts=attempts,
        mail_error="",
        mail_next_try=None,
        mail_sent_at=timezone.now(),
        mail_claimed_at=None,
    )
    return "sent"


def confirm(submission_id):
    """Send the sender's confirmation (tried a few times, core.mail); a
    confirmation that cannot be sent is logged, the submission is safe."""
    submission = Submission.objects.select_related("page").filter(pk=submission_id).first()
    message = submission and confirmation_message(submission)
    if not message:
        return "none asked for"
    return "sent" if send_with_retries(message) else "failed"


def overdue():
    """Submissions whose mail should have been tried by now but was not (the
    worker was down, or restarted while it held them)."""
    now = timezone.now()
    grace = now - timedelta(minutes=5)
    waiting = Submission.objects.filter(
        mail_status__in=[Submission.MailStatus.QUEUED, Submission.MailStatus.RETRYING]
    ).filter(Q(mail_next_try__lte=grace) | Q(mail_next_try__isnull=True, submit_time__lte=grace))
    free = Q(mail_claimed_at__isnull=True) | Q(mail_claimed_at__lt=now - timedelta(seconds=CLAIM_SECONDS))
    return waiting.filter(free)
