"""Mail sent by the task worker: a mail server that hiccups is tried again,
one that keeps failing is logged at ERROR, never dropped in silence."""

import logging
import time

from django.conf import settings

logger = logging.getLogger(__name__)


def mask(address):
    """An address as the log may show it: enough to tell an administrator
    whose mail failed (first letter and domain), not the address itself."""
    local, _, domain = address.rpartition("@")
    return f"{local[:1]}***@{domain}" if local else "***"


def send_with_retries(message):
    """Send an EmailMessage, waiting EMAIL_RETRY_DELAYS seconds between tries
    when the server cannot be reached or refuses it (OSError covers both
    smtplib's errors and the connection's). Returns whether it was sent."""
    recipients = ", ".join(mask(address) for address in message.recipients())
    delays = list(settings.EMAIL_RETRY_DELAYS)
    for attempt in range(1, len(delays) + 2):
        try:
            message.send()
        except OSError as error:
            # The error's text may quote the address; its kind is enough.
            reason = type(error).__name__
            if attempt > len(delays):
                logger.error("Mail to %s not sent after %d tries (%s)", recipients, attempt, reason)
                return False
            delay = delays[attempt - 1]
            logger.warning("Mail to %s failed (%s), try %d, again in %s s", recipients, reason, attempt, delay)
            time.sleep(delay)
        else:
            return True
