"""Nothing is lost: a submission is stored whatever the mail server does,
and mailed to the office exactly once when the server is back."""

import time
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from contact.models import Submission

pytestmark = pytest.mark.django_db

URL_DE = "/de/kontakt-test/"
MESSAGE = {"name": "Ada Muster", "e_mail_adresse": "ada@example.org", "nachricht": "Bitte rufen Sie zurück."}


def test_with_the_mail_server_down_the_submission_is_kept_and_mailed_once_when_it_is_back(contact_de, send, smtp):
    server = smtp(refuse=1000)
    response = send(URL_DE, MESSAGE)
    assert response.status_code == 303  # the visitor is told it arrived: it is stored
    [submission] = Submission.objects.filter(page=contact_de)
    assert submission.form_data["nachricht"] == "Bitte rufen Sie zurück."
    assert submission.mail_status == Submission.MailStatus.RETRYING
    assert submission.mail_attempts == 1 and submission.mail_error == "SMTPConnectError"
    assert submission.mail_next_try > timezone.now()
    assert server.delivered == []

    # Not due yet: the sweep leaves it.
    call_command("retry_submission_mails", verbosity=0)
    assert Submission.objects.get().mail_attempts == 1

    server.refuse = 0  # the server is back
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        call_command("retry_submission_mails", verbosity=0)
        call_command("retry_submission_mails", verbosity=0)
    submission.refresh_from_db()
    assert submission.mail_status == Submission.MailStatus.SENT
    assert submission.mail_attempts == 2 and submission.mail_error == ""
    [(recipients, text)] = server.delivered
    assert recipients == ["buero@example.org"]
    assert "Bitte rufen Sie zur=C3=BCck." in text or "Bitte rufen Sie zurück." in text


def test_the_worker_tries_again_later_by_itself(contact_de, send, smtp, task_queue, settings):
    """With the production queue, a failed mail is queued again with a pause,
    and sent by the worker once the pause is over and the server answers."""
    server = smtp(refuse=1000)
    send(URL_DE, MESSAGE)
    task_queue.run()
    submission = Submission.objects.get()
    assert submission.mail_status == Submission.MailStatus.RETRYING
    assert len(task_queue.waiting("contact.tasks.send_submission_mail")) == 1

    server.refuse = 0
    with time_machine.travel(submission.mail_next_try + timedelta(seconds=1)):
        task_queue.run()
        # The sweep finds nothing left to do.
        call_command("retry_submission_mails", verbosity=0)
        task_queue.run()
    submission.refresh_from_db()
    assert submission.mail_status == Submission.MailStatus.SENT
    assert len(server.delivered) == 1


def test_a_mail_that_never_goes_out_is_marked_failed_and_shown_so(contact_de, send, smtp, settings):
    settings.FORM_MAIL_RETRY_MINUTES = [1]
    smtp(refuse=1000)
    send(URL_DE, MESSAGE)
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        call_command("retry_submission_mails", verbosity=0)
    submission = Submission.objects.get()
    assert submission.mail_status == Submission.MailStatus.FAILED
    assert submission.mail_next_try is None
    assert "SMTPConnectError" in submission.get_data()["mail_status"]


def test_the_submission_is_stored_before_anything_is_mailed(contact_de, send, monkeypatch):
    """A mail server that raises anything at all leaves the submission in place."""
    from django.core.mail import EmailMessage

    def broken(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(EmailMessage, "send", broken)
    assert send(URL_DE, MESSAGE).status_code == 303
    assert Submission.objects.get().mail_status == Submission.MailStatus.RETRYING


def test_old_submissions_are_deleted_and_nothing_else(contact_de, home_de):
    from tests.factories import ContactPageFactory

    other = ContactPageFactory(parent=home_de, slug="anderes-formular", retention_days=365)
    contact_de.retention_days = 30
    contact_de.save_revision().publish()
    now = timezone.now()

    def submission(page, days_ago):
        made = Submission.objects.create(page=page, form_data={"nachricht": f"{days_ago} Tage"})
        Submission.objects.filter(pk=made.pk).update(submit_time=now - timedelta(days=days_ago))
        return made.pk

    old = submission(contact_de, 31)
    recent = submission(contact_de, 29)
    others = [submission(other, 31), submission(other, 300)]
    other_old = submission(other, 366)
    call_command("delete_old_submissions", verbosity=0)
    kept = set(Submission.objects.values_list("pk", flat=True))
    assert old not in kept and other_old not in kept
    assert {recent, *others} <= kept


def test_the_scheduler_runs_the_clean_up_daily_and_the_sweep_often():
    from core.management.commands.run_scheduler import DAILY, Command

    jobs = dict(Command.jobs)
    assert jobs["delete_old_submissions"] == DAILY
    assert jobs["retry_submission_mails"] <= 10 * 60


def test_the_stamp_is_not_valid_for_ever(contact_de, client, mailoutbox, settings):
    from tests.contact.conftest import stamp_of

    with time_machine.travel(time.time() - settings.FORM_MAX_AGE_SECONDS - 60, tick=False):
        stamp = stamp_of(client.get(URL_DE))
    response = client.post(URL_DE, {**MESSAGE, "privacy_consent": "on", "form_stamp": stamp})
    assert response.status_code == 400
    assert not Submission.objects.exists() and mailoutbox == []
