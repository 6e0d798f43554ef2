"""The press list in the admin: counts for every editor, addresses only for
Moderation and administrators; export, import with consent dates, erasure,
and sending a correction again."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from press.models import Delivery, Subscriber
from tests.press.conftest import parsed, publish_release, subscriber, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, account, verified_login):
    def as_user(username):
        return verified_login(client, account(username))

    return as_user


@pytest.fixture
def people(db):
    from news.models import Topic

    topic = Topic.objects.filter(locale__language_code="de").order_by("name").first()
    return [
        subscriber("ada@example.org"),
        subscriber("ben@example.org", language="en", topics=[topic.translation_key]),
        subscriber("cem@example.org", language="both"),
        subscriber("offen@example.org", confirmed=False),
    ], topic


def test_an_editor_sees_the_counts_but_no_address(login, people):
    _subscribers, topic = people
    client = login("redaktion")
    page = client.get(reverse("press_overview"))
    html = page.content.decode()
    assert page.status_code == 200
    assert topic.name in html and "example.org" not in html
    assert "3 bestätigte Adressen erhalten die Pressemitteilungen" in " ".join(html.split())
    assert client.get(reverse("press_subscribers:index")).status_code in (302, 403)
    assert client.get(reverse("press_import")).status_code in (302, 403)


def test_moderation_lists_exports_and_erases_addresses(login, people, newsroom_de, smtp):
    smtp(refuse=0)
    client = login("moderation")
    listing = client.get(reverse("press_subscribers:index"))
    assert listing.status_code == 200 and "ada@example.org" in listing.content.decode()
    export = client.get(reverse("press_subscribers:index") + "?export=csv")
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert any("ben@example.org" in row for row in rows) and len(rows) == 5
    ada = Subscriber.objects.get(email="ada@example.org")
    publish_release(newsroom_de)
    assert Delivery.objects.filter(subscriber=ada).exists()
    # Erasure on request: the address and what was sent to it.
    response = client.post(reverse("press_subscribers:delete", args=[ada.pk]))
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="ada@example.org").exists()
    assert not Delivery.objects.filter(subscriber_id=ada.pk).exists()
    assert not ModelLogEntry.objects.filter(label__contains="ada@example.org").exists()


def test_an_import_takes_rows_with_a_consent_date_and_leaves_known_addresses(login, people):
    _subscribers, topic = people
    client = login("moderation")
    text = (
        "email,language,consent_date,topics\n"
        f"Neu@Example.org,en,2026-03-01,{topic.name}\n"
        "ada@example.org,en,2026-03-01,\n"
        "ohne@example.org,de,,\n"
    )
    response = client.post(
        reverse("press_import"), {"file": SimpleUploadedFile("liste.csv", text.encode(), content_type="text/csv")}
    )
    assert response.status_code == 302
    new = Subscriber.objects.get(email="neu@example.org")
    assert timezone.localtime(new.confirmed_at).date().isoformat() == "2026-03-01" and new.source == "import"
    assert new.topics == [str(topic.translation_key)] and new.language == "en"
    assert Subscriber.objects.get(email="ada@example.org").language == "de"
    assert not Subscriber.objects.filter(email="ohne@example.org").exists()


def test_a_moderator_sends_a_correction_again_with_the_note_on_top(login, people, newsroom_de, smtp):
    server = smtp(refuse=0)
    release = publish_release(newsroom_de)
    first = len(server.delivered)
    assert first == 2  # ada (de) and cem (both)
    client = login("moderation")
    response = client.post(
        reverse("press_send_again", args=[release.pk]), {"correction_note": "Die Zahl im Vorspann war falsch."}
    )
    assert response.status_code == 302
    assert len(server.delivered) == 4
    mail = parsed(server.delivered[-1][1])
    assert mail["Subject"].startswith("Korrektur:")
    assert text_of(mail).startswith("Korrektur: Die Zahl im Vorspann war falsch.")
    assert login("redaktion").post(
        reverse("press_send_again", args=[release.pk]), {"correction_note": "x"}
    ).status_code in (302, 403)
    assert len(server.delivered) == 4
