"""Signing up (double opt-in), confirming, changing and leaving the press
list, with a real mail server on localhost."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from press.models import Subscriber
from tests.conftest import soup
from tests.press.conftest import link_in, parsed, subscriber, text_of

pytestmark = pytest.mark.django_db


def test_a_journalist_signs_up_confirms_by_the_link_and_is_on_the_list(client, list_de, sign_up, smtp):
    server = smtp(refuse=0)
    response = sign_up(list_de, "Redaktion@Example.org", language="both")
    assert response.status_code == 303
    assert response["Location"] == list_de.url + "sent/"
    assert "Posteingang" in client.get(response["Location"]).content.decode()
    waiting = Subscriber.objects.get()
    assert waiting.email == "redaktion@example.org" and not waiting.confirmed
    assert waiting.language == "both" and "Pressemitteilungen" in waiting.consent_text
    [(recipients, raw)] = server.delivered
    assert recipients == ["redaktion@example.org"]
    mail = parsed(raw)
    assert "bestätigen" in mail["Subject"]
    link = link_in(mail, "confirm")

    # Opening the link (as a mail scanner does) confirms nothing: a button does.
    page = client.get(link)
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assert soup(page).select_one("main form[method=post] button")
    assert not Subscriber.objects.get().confirmed
    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert "Sie sind angemeldet" in confirmed.content.decode()
    assert Subscriber.objects.get().confirmed_at is not None
    assert not response.cookies and not page.cookies and not confirmed.cookies


def test_the_answer_is_the_same_for_a_new_and_a_subscribed_address(client, list_de, sign_up, smtp):
    server = smtp(refuse=0)
    subscriber("bekannt@example.org", language="en")
    new = sign_up(list_de, "neu@example.org")
    known = sign_up(list_de, "bekannt@example.org", language="de")
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    # The known address is told it is on the list, with its manage link; nothing about it changed.
    mails = {recipients[0]: parsed(raw) for recipients, raw in server.delivered}
    assert "/confirm/" in text_of(mails["neu@example.org"])
    assert "/manage/" in text_of(mails["bekannt@example.org"])
    assert "/confirm/" not in text_of(mails["bekannt@example.org"])
    assert Subscriber.objects.get(email="bekannt@example.org").language == "en"


def test_signing_up_again_and_again_sends_one_mail_in_ten_minutes(list_de, sign_up, smtp):
    server = smtp(refuse=0)
    for _ in range(3):
        assert sign_up(list_de, "ada@example.org").status_code == 303
    assert len(server.delivered) == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        sign_up(list_de, "ada@example.org")
    assert len(server.delivered) == 2
    assert Subscriber.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "waited", "status", "message"),
    [
        ({"website_url": "http://spam.example"}, 10, 400, "leer"),
        ({}, 1, 400, "sehr schnell"),
    ],
)
def test_bots_are_refused_and_nothing_is_stored_or_sent(list_de, sign_up, smtp, extra, waited, status, message):
    server = smtp(refuse=0)
    response = sign_up(list_de, "bot@example.org", waited=waited, **extra)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Subscriber.objects.exists() and server.delivered == []


def test_the_21st_sign_up_in_a_minute_from_one_address_is_refused(list_de, sign_up, smtp, same_minute):
    smtp(refuse=0)
    statuses = [sign_up(list_de, f"person{n}@example.org").status_code for n in range(21)]
    assert statuses[:20] == [303] * 20 and statuses[20] == 429
    assert Subscriber.objects.count() == 20


def test_without_consent_the_form_says_so_and_nothing_is_stored(list_de, sign_up, smtp):
    server = smtp(refuse=0)
    response = sign_up(list_de, "ada@example.org", consent=False)
    assert response.status_code == 200
    summary = soup(response).select_one(".error-summary")
    assert summary and "stimmen Sie zu" in summary.text
    assert not Subscriber.objects.exists() and server.delivered == []


def test_the_short_form_elsewhere_leads_to_the_full_form_with_the_address(client, list_de):
    response = client.post(list_de.url, {"short": "1", "email": "ada@example.org"}, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200
    field = soup(response).select_one("input[name=email]")
    assert field["value"] == "ada@example.org"
    assert soup(response).select_one("input[name=form_stamp]")
    assert not Subscriber.objects.exists()


def test_a_sign_up_from_another_website_is_refused(client, list_de, sign_up):
    response = sign_up(list_de, "ada@example.org", environ={"HTTP_SEC_FETCH_SITE": "cross-site"})
    assert response.status_code == 403 and not Subscriber.objects.exists()


def test_an_unconfirmed_sign_up_expires_after_seven_days_and_its_link_with_it(client, list_de, sign_up, smtp):
    server = smtp(refuse=0)
    sign_up(list_de, "spaet@example.org")
    subscriber("treu@example.org")
    link = link_in(parsed(server.delivered[0][1]), "confirm")
    with time_machine.travel(timezone.now() + timedelta(days=7, hours=1)):
        assert client.get(link).status_code == 404
        call_command("send_press_mail", verbosity=0)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["treu@example.org"]


def test_the_manage_link_changes_language_and_topics(client, list_de, smtp):
    from news.models import Topic
    from press import tokens

    person = subscriber("ada@example.org")
    topic = Topic.objects.filter(locale__language_code="de").first()
    url = list_de.url + f"manage/{tokens.manage_token(person)}/"
    page = client.get(url)
    assert page.status_code == 200 and "ada@example.org" in page.content.decode()
    response = client.post(url, {"language": "en", "topics": [str(topic.translation_key)]})
    assert response.status_code == 200 and "gespeichert" in response.content.decode()
    person.refresh_from_db()
    assert (person.language, person.topics) == ("en", [str(topic.translation_key)])
    # Unsubscribing there deletes the address.
    assert client.post(url, {"unsubscribe": "1"}).status_code == 200
    assert not Subscriber.objects.exists()
    assert client.get(url).status_code == 404


def test_one_click_unsubscribe_by_post_as_mail_programs_do_it(client, list_de):
    from press import tokens

    person = subscriber("ada@example.org")
    url = list_de.url + f"unsubscribe/{tokens.manage_token(person)}/"
    # RFC 8058: a POST with this body, no cookie, no Origin, no visit.
    response = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert (
        client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded").status_code
        == 200
    )


@pytest.mark.parametrize("route", ["confirm", "manage"])
def test_a_forged_link_is_not_found(client, list_de, route):
    person = subscriber("ada@example.org")
    import base64

    forged = base64.urlsafe_b64encode(f"{person.pk}.{person.secret}:falsch".encode()).decode().rstrip("=")
    assert client.get(list_de.url + f"{route}/{forged}/").status_code == 404
    assert client.post(list_de.url + f"{route}/{forged}x/").status_code == 404
    assert client.get(list_de.url + f"{route}/{'A' * 400}/").status_code == 404


def test_the_english_page_answers_in_english(client, list_en, sign_up, smtp):
    server = smtp(refuse=0)
    page = client.get(list_en.url)
    assert page.status_code == 200 and soup(page).html["lang"] == "en"
    sign_up(list_en, "reporter@example.org", language="en")
    mail = parsed(server.delivered[0][1])
    assert "confirm" in mail["Subject"].lower() and "/en/" in link_in(mail, "confirm")


@pytest.mark.parametrize(("language", "path"), [("de", "/de/"), ("en", "/en/")])
def test_every_footer_links_the_press_list_and_the_newsroom_has_the_short_form(client, language, path, db):
    from press.models import PressListPage

    press_list = PressListPage.objects.get(locale__language_code=language)
    footer = soup(client.get(path)).select_one("footer")
    assert footer.find("a", string=press_list.title)["href"] == press_list.url
    newsroom = soup(client.get(press_list.get_parent().url))
    form = newsroom.select_one(".press-signup form")
    assert form["action"] == press_list.url and form.select_one("input[type=email][name=email]")
    assert newsroom.select_one(f"label[for={form.select_one('input[type=email]')['id']}]")


def test_an_unpublished_press_list_leaves_every_footer_at_the_next_request(client, list_de):
    assert "presseverteiler" in client.get("/de/").content.decode()  # cached now
    list_de.unpublish()
    assert "presseverteiler" not in client.get("/de/").content.decode()
    assert "press-signup" not in client.get(list_de.get_parent().url).content.decode()


def test_the_sign_up_page_costs_the_same_queries_with_a_hundred_more_topics_and_cities(flat_queries, list_de):
    from members.models import MemberIndexPage
    from news.models import Topic
    from tests.factories import MemberPageFactory

    def grow():
        german = list_de.locale
        Topic.objects.bulk_create([Topic(name=f"Thema {n}", slug=f"thema-{n}", locale=german) for n in range(100)])
        index = MemberIndexPage.objects.get(locale=german)
        for number in range(100):
            MemberPageFactory(parent=index, title=f"Neustadt {number}", slug=f"neustadt-{number}")

    response = flat_queries(list_de.url, grow)
    html = response.content.decode()
    assert "Thema 99" in html and "Neustadt 99" in html
