"""The press list's tests: a real mail server on localhost (tests/smtp.py),
the demo's sign-up pages, releases published as the admin publishes them."""

import email
import email.policy
import re
import time

import pytest
import time_machine

from news.models import NewsIndexPage, NewsPage, NewsPageTopic
from press.models import PressListPage, Subscriber
from tests.smtp import smtp_fixture  # noqa: F401 - the fixture `smtp`


@pytest.fixture
def list_de(db):
    return PressListPage.objects.get(locale__language_code="de")


@pytest.fixture
def list_en(db):
    return PressListPage.objects.get(locale__language_code="en")


@pytest.fixture
def newsroom_de(db):
    return NewsIndexPage.objects.get(locale__language_code="de")


def stamp_of(response):
    match = re.search(r'name="form_stamp" value="([^"]+)"', response.content.decode())
    assert match, "the form carries no stamp"
    return match.group(1)


@pytest.fixture
def sign_up(client):
    """Fill in the sign-up form as a person does: open it, wait, fill in, agree, send."""

    def submit(page, address, language="de", topics=(), cities=(), waited=10, consent=True, environ=None, **extra):
        with time_machine.travel(time.time() - waited, tick=False):
            stamp = stamp_of(client.get(page.url))
        data = {"form_stamp": stamp, "website_url": "", "email": address, "language": language, **extra}
        data["topics"], data["cities"] = list(topics), list(cities)
        if consent:
            data["privacy_consent"] = "on"
        return client.post(page.url, data, **(environ or {}))

    return submit


def parsed(raw):
    """A mail as the test server received it."""
    return email.message_from_bytes(raw.encode(), policy=email.policy.default)


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def link_in(message, part):
    match = re.search(rf"https?://\S+/{part}/\S+/", text_of(message))
    assert match, f"no {part} link in:\n{text_of(message)}"
    return match.group(0)


def subscriber(address, language="de", topics=(), cities=(), confirmed=True):
    from django.utils import timezone

    return Subscriber.objects.create(
        email=address,
        language=language,
        topics=[str(key) for key in topics],
        cities=[str(key) for key in cities],
        confirmed_at=timezone.now() if confirmed else None,
        consent_text="Test",
    )


def publish_release(index, topics=(), **fields):
    """A new release published as the admin publishes it (page_published)."""
    fields.setdefault("title", "Netzwerk fordert mehr Beratung")
    fields.setdefault("slug", "netzwerk-fordert-mehr-beratung")
    fields.setdefault("lead", "Das Netzwerk fordert mehr Beratungsstellen in allen Städten.")
    fields.setdefault("dateline", "Köln")
    page = index.add_child(instance=NewsPage(live=False, **fields))
    for topic in topics:
        NewsPageTopic.objects.create(page=page, topic=topic, locale=page.locale)
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)
