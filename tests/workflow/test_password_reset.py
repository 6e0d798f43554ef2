"""Password reset: the same answer for every address, the mail sent by the
task worker, its link on the site's own address."""

from unittest import mock

from django.core import mail

import pytest

pytestmark = pytest.mark.django_db


def ask(client, email, **extra):
    return client.post("/admin/password_reset/", {"email": email}, **extra)


def test_known_and_unknown_addresses_get_the_same_answer_and_the_same_work(client, account):
    account("redaktion")  # redaktion@example.org
    with mock.patch("core.tasks.send_password_reset") as task:
        known = ask(client, "redaktion@example.org")
        unknown = ask(client, "niemand@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert task.enqueue.call_count == 2  # the request never looks the address up


def test_the_mail_reaches_the_account_and_links_to_the_sites_address(client, account, settings):
    account("redaktion")
    settings.ALLOWED_HOSTS = ["*"]
    ask(client, "redaktion@example.org", HTTP_HOST="evil.example")
    ask(client, "niemand@example.org")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redaktion@example.org"]
    assert "http://testserver/admin/password_reset/confirm/" in message.body
    assert "evil.example" not in message.body
