"""A release going live reaches exactly the subscribers who want it, once,
whatever the mail server does (a real one on localhost)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from news.models import NewsPage, Topic
from press.models import Delivery, Mailing
from tests.factories import translate
from tests.press.conftest import html_of, link_in, parsed, publish_release, subscriber, text_of

pytestmark = pytest.mark.django_db


def delivered_to(server):
    return sorted(recipients[0] for recipients, _raw in server.delivered)


@pytest.fixture
def topics(db):
    german = Topic.objects.filter(locale__language_code="de").order_by("pk")
    return german[0], german[1]


def test_a_release_reaches_exactly_the_matching_confirmed_subscribers_once(client, newsroom_de, topics, smtp):
    server = smtp(refuse=0)
    wanted, other = topics
    subscriber("alle@example.org")
    subscriber("beide@example.org", language="both")
    subscriber("thema@example.org", topics=[wanted.translation_key])
    subscriber("englisch@example.org", language="en")
    subscriber("anderes-thema@example.org", topics=[other.translation_key])
    subscriber("unbestaetigt@example.org", confirmed=False)

    release = publish_release(newsroom_de, topics=[wanted])
    assert delivered_to(server) == ["alle@example.org", "beide@example.org", "thema@example.org"]
    mail = parsed(server.delivered[0][1])
    assert mail["Subject"] == release.title
    text = text_of(mail)
    assert release.lead in text and "Köln" in text
    assert f"http://localhost{release.url}" in text or release.full_url in text
    assert release.title in html_of(mail)
    # RFC 2369 / RFC 8058: the mail program's "unsubscribe" works with one POST.
    unsubscribe = mail["List-Unsubscribe"].strip().strip("<>")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe == link_in(mail, "unsubscribe")
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 3

    # Unpublished and published again, edited and published again: no second mail.
    release.unpublish()
    NewsPage.objects.get(pk=release.pk).save_revision().publish()
    release = NewsPage.objects.get(pk=release.pk)
    release.lead = "Ergänzt."
    release.save_revision().publish()
    call_command("send_press_mail", verbosity=0)
    assert len(server.delivered) == 3

    # The one-click unsubscribe of that mail takes the address off the list.
    path = unsubscribe.split("://", 1)[1].split("/", 1)[1]
    response = client.post("/" + path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200


def test_the_english_version_goes_to_english_readers_when_it_goes_live(newsroom_de, smtp, english):
    server = smtp(refuse=0)
    subscriber("de@example.org")
    subscriber("en@example.org", language="en")
    subscriber("beide@example.org", language="both")
    release = publish_release(newsroom_de)
    assert delivered_to(server) == ["beide@example.org", "de@example.org"]
    server.delivered.clear()
    translation = translate(release, "en", title="Network calls for more counselling", lead="More offices.")
    translation.save_revision().publish()
    assert delivered_to(server) == ["beide@example.org", "en@example.org"]
    assert parsed(server.delivered[0][1])["Subject"] == "Network calls for more counselling"


def test_with_the_mail_server_down_every_mail_arrives_exactly_once_when_it_is_back(newsroom_de, smtp):
    server = smtp(refuse=10_000)
    for number in range(5):
        subscriber(f"person{number}@example.org")
    publish_release(newsroom_de)
    assert server.delivered == []
    assert Delivery.objects.filter(status=Delivery.Status.QUEUED, attempts=1).count() == 5

    # An hour of outage: the sweep keeps trying as the pauses come due.
    start = timezone.now()
    for minutes in (2, 5, 12, 25, 50, 65):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            call_command("send_press_mail", verbosity=0)
    assert server.delivered == []
    assert not Delivery.objects.exclude(status=Delivery.Status.QUEUED).exists()

    server.refuse = 0
    with time_machine.travel(start + timedelta(hours=3)):
        call_command("send_press_mail", verbosity=0)
        call_command("send_press_mail", verbosity=0)
    assert delivered_to(server) == [f"person{number}@example.org" for number in range(5)]
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 5


def test_an_address_the_server_refuses_for_good_is_marked_failed_with_its_answer(newsroom_de, smtp, monkeypatch):
    import smtplib

    server = smtp(refuse=0)
    subscriber("gut@example.org")
    bad = subscriber("gibtsnicht@example.org")
    original = smtplib.SMTP.sendmail

    def sendmail(self, from_addr, to_addrs, msg, *args, **kwargs):
        if to_addrs == [bad.email]:
            raise smtplib.SMTPRecipientsRefused({bad.email: (550, b"5.1.1 No such user")})
        return original(self, from_addr, to_addrs, msg, *args, **kwargs)

    monkeypatch.setattr(smtplib.SMTP, "sendmail", sendmail)
    publish_release(newsroom_de)
    assert delivered_to(server) == ["gut@example.org"]
    failed = Delivery.objects.get(subscriber=bad)
    assert failed.status == Delivery.Status.FAILED and "550" in failed.error


def test_a_scheduled_release_is_sent_when_it_goes_live_not_before(newsroom_de, smtp):
    server = smtp(refuse=0)
    subscriber("ada@example.org")
    go_live = timezone.now() + timedelta(hours=2)
    page = newsroom_de.add_child(
        instance=NewsPage(live=False, title="Sperrfrist", slug="sperrfrist", lead="Erst um zwölf.", dateline="Bonn")
    )
    page.go_live_at = go_live
    page.save_revision().publish()
    call_command("send_press_mail", verbosity=0)
    assert server.delivered == [] and not Mailing.objects.exists()
    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    assert delivered_to(server) == ["ada@example.org"]


def test_a_private_release_and_an_archived_one_are_not_sent(newsroom_de, smtp):
    from wagtail.models import PageViewRestriction

    server = smtp(refuse=0)
    subscriber("ada@example.org")
    publish_release(newsroom_de, slug="alt", date=timezone.now() - timedelta(days=30))
    page = newsroom_de.add_child(instance=NewsPage(live=False, title="Intern", slug="intern", lead="Nur intern."))
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    page.save_revision().publish()
    assert server.delivered == []
    assert Mailing.objects.get().cancelled == "private"


def test_the_worker_sends_it_not_the_editors_request(newsroom_de, smtp, task_queue):
    server = smtp(refuse=0)
    subscriber("ada@example.org")
    publish_release(newsroom_de)
    assert server.delivered == []  # the publish only queued it
    assert len(task_queue.waiting("press.tasks.send_mailing")) == 1
    task_queue.run()
    assert delivered_to(server) == ["ada@example.org"]
    # The sweep does not queue it again while its task waits, nor once it is sent.
    call_command("send_press_mail", verbosity=0)
    assert task_queue.waiting("press.tasks.send_mailing") == []


def test_a_server_that_is_not_running_at_all_gets_every_mail_once_it_runs(newsroom_de, smtp):
    import threading

    from tests.smtp import SMTPServer

    server = smtp(refuse=0)
    port = server.port
    server.shutdown()
    server.server_close()  # nothing listens on the port now
    subscriber("ada@example.org")
    subscriber("ben@example.org")
    publish_release(newsroom_de)
    [error] = set(Delivery.objects.values_list("error", flat=True))
    assert "ConnectionRefusedError" in error

    started = SMTPServer(refuse=0, port=port)
    threading.Thread(target=started.serve_forever, daemon=True).start()
    try:
        with time_machine.travel(timezone.now() + timedelta(minutes=2)):
            call_command("send_press_mail", verbosity=0)
        assert delivered_to(started) == ["ada@example.org", "ben@example.org"]
    finally:
        started.shutdown()
        started.server_close()


def test_mails_a_stopped_worker_had_taken_are_sent_once_by_the_next(newsroom_de, smtp):
    server = smtp(refuse=0)
    for number in range(3):
        subscriber(f"person{number}@example.org")
    server.refuse = 10_000
    publish_release(newsroom_de)
    # As a worker leaves them when it is stopped in the middle of a batch.
    Delivery.objects.update(status=Delivery.Status.SENDING, claim="gone", claimed_at=timezone.now())
    server.refuse = 0
    call_command("send_press_mail", verbosity=0)
    assert server.delivered == []  # taken by another worker a moment ago: left to it
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        call_command("send_press_mail", verbosity=0)
        call_command("send_press_mail", verbosity=0)
    assert delivered_to(server) == ["person0@example.org", "person1@example.org", "person2@example.org"]


def test_the_mail_carries_photo_credit_and_press_contact(newsroom_de, smtp):
    from news.models import PressContact
    from tests.factories import ImageFactory

    server = smtp(refuse=0)
    subscriber("ada@example.org")
    photo = ImageFactory(credit="Stadt Köln/Erika Muster")
    contact = PressContact.objects.filter(locale__language_code="de").first()
    publish_release(newsroom_de, lead_image=photo, lead_image_alt="Menschen im Rathaus", press_contact=contact)
    mail = parsed(server.delivered[0][1])
    text, html = text_of(mail), html_of(mail)
    assert "Foto: Stadt Köln/Erika Muster – http" in text
    assert contact.name in text and contact.email in text
    assert 'alt="Menschen im Rathaus"' in html and "Foto: Stadt Köln/Erika Muster</figcaption>" in html
    assert "width-1200" in html  # a rendition, not the original
