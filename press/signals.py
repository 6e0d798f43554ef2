"""A press release going live starts its mailing (press.sending).

Only its first publication counts: a release that is unpublished and
published again, or edited and published again, is not sent again (an
editor may choose "send again" with a correction note). A release dated
more than PRESS_MAX_AGE_DAYS back (an archive imported or published late)
is not sent at all; one dated ahead is sent at its date. The mailing is
recorded in the publish's own transaction and handed to the worker once
that has committed; the scheduler's sweep sends it should that hand-over
be lost.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone


def release_published(sender, instance, **kwargs):
    from core import relations

    if not isinstance(instance, relations.model(relations.NEWS_PAGE)):
        return
    if instance.first_published_at is None or instance.first_published_at != instance.last_published_at:
        return  # published before: its mailing (if any) was made then
    now = timezone.now()
    date = instance.date or now
    if date < now - timedelta(days=settings.PRESS_MAX_AGE_DAYS):
        return
    start_mailing(instance, send_after=max(date, now))


def start_mailing(page, send_after=None, edition=0, correction_note="", user=None):
    """Record a mailing of `page` and hand it to the worker after the
    transaction commits. None if that edition exists already."""
    from press.models import Mailing
    from press.tasks import enqueue_mailing

    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(
                page=page,
                edition=edition,
                correction_note=correction_note,
                created_by=user,
                send_after=send_after or timezone.now(),
            )
    except IntegrityError:
        return None
    transaction.on_commit(lambda: enqueue_mailing(mailing))
    return mailing
