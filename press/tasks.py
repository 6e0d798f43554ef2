"""The press list's tasks, run by the task worker (`manage.py run_worker`)."""

from django.utils import timezone

from django_tasks import default_task_backend, task


@task()
def send_mailing(mailing_id):
    """Send a release to its subscribers (press.sending.send_mailing)."""
    from press.sending import send_mailing as send

    return send(mailing_id)


@task()
def send_subscription_mail(subscriber_id, kind, language):
    """The confirmation link, or the note to an address already on the list."""
    from press.subscriptions import send_subscription_mail as send

    return send(subscriber_id, kind, language)


def enqueue_mailing(mailing, at=None):
    """Queue the sending of `mailing` (at `at`, or its send_after, if later than now)."""
    at = at or mailing.send_after
    if at > timezone.now() and default_task_backend.supports_defer:
        return send_mailing.using(run_after=at).enqueue(mailing.pk)
    return send_mailing.enqueue(mailing.pk)
