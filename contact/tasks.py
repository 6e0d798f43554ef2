"""The form pages' tasks, run by the task worker (`manage.py run_worker`)."""

from django_tasks import task


@task()
def send_submission_mail(submission_id):
    """Mail a submission to the office: one try; a failed one is queued again
    with a growing pause (contact.mail.deliver), and the scheduler's sweep
    (`manage.py retry_submission_mails`) re-queues any the worker lost."""
    from contact.mail import deliver

    return deliver(submission_id)


@task()
def send_confirmation_mail(submission_id):
    """The sender's confirmation of receipt, if they asked for one."""
    from contact.mail import confirm

    return confirm(submission_id)
