"""The contact form as visitors, bots and the office meet it: a submission
lands in the admin and in the office's mail in both languages; bots and
cross-site posts are refused with a clear message and leave nothing
behind; no cookie is set; errors are announced and linked to their
fields; the page is never cached."""

import time

from django.utils.translation import gettext as _
from django.utils.translation import override

import pytest
import time_machine

from contact import protection
from contact.models import Submission
from tests.conftest import soup
from tests.contact.conftest import stamp_of
from tests.factories import CONTACT_FIELDS, ContactPageFactory, with_form_fields

pytestmark = pytest.mark.django_db

URL_DE = "/de/kontakt-test/"
URL_EN = "/en/contact-test/"
MESSAGE = {"name": "Ada Muster", "e_mail_adresse": "ada@example.org", "nachricht": "Der Link im Menü fehlt."}


def nothing_stored(mailoutbox):
    return not Submission.objects.exists() and mailoutbox == []


def refusal_text(refusal):
    with override("de"):
        return str(refusal.message)


def summary_of(response):
    summary = soup(response).select_one(".error-summary")
    assert summary is not None, "no error summary"
    return summary


def test_a_german_submission_lands_in_the_submissions_and_in_the_offices_mail(contact_de, send, mailoutbox):
    response = send(URL_DE, MESSAGE)
    assert response.status_code == 303
    assert response["Location"] == f"{URL_DE}danke/"
    [submission] = Submission.objects.filter(page=contact_de)
    assert submission.form_data["nachricht"] == "Der Link im Menü fehlt."
    assert submission.form_data["privacy_consent"] is True
    assert "form_stamp" not in submission.form_data and "website_url" not in submission.form_data
    assert submission.mail_status == Submission.MailStatus.SENT
    [mail] = mailoutbox
    assert mail.to == ["buero@example.org"]
    assert mail.reply_to == ["ada@example.org"]
    assert "Der Link im Menü fehlt." in mail.body and "Kontakt (Test)" in mail.subject


def test_the_confirmation_shows_the_editors_text_and_nothing_of_the_message(contact_de, send, client):
    contact_de.thank_you_text = "<p>Wir melden uns binnen einer Woche.</p>"
    contact_de.save_revision().publish()
    response = send(URL_DE, MESSAGE)
    page = client.get(response["Location"])
    assert page.status_code == 200
    text = soup(page).find("main").get_text(" ", strip=True)
    assert "Wir melden uns binnen einer Woche." in text
    assert "Der Link im Menü fehlt." not in page.content.decode()


def test_an_english_submission_has_the_same_columns_as_the_german_ones(contact_en, send, mailoutbox):
    response = send(URL_EN, {"name": "Ada", "nachricht": "The menu link is missing."})
    assert response["Location"] == f"{URL_EN}thank-you/"
    [submission] = Submission.objects.filter(page=contact_en)
    assert submission.form_data["nachricht"] == "The menu link is missing."
    assert submission.language == "en"
    assert "The menu link is missing." in mailoutbox[0].body
    assert [name for name, _ in contact_en.get_data_fields()][:4] == [
        "submit_time",
        "name",
        "e_mail_adresse",
        "nachricht",
    ]


def test_the_english_form_is_labelled_in_english(contact_en, client):
    form = soup(client.get(URL_EN)).find("form", class_="public-form")
    labels = [label.get_text(" ", strip=True) for label in form.find_all("label")]
    assert "Message (required)" in labels
    assert "E-mail address" in labels and "Name" in labels


def test_a_filled_honeypot_is_refused_and_nothing_is_kept(contact_de, send, mailoutbox):
    response = send(URL_DE, {**MESSAGE, "website_url": "http://spam.example"})
    assert response.status_code == 400
    assert refusal_text(protection.check_honeypot({"website_url": "x"})) in summary_of(response).get_text()
    assert nothing_stored(mailoutbox)
    # What the visitor typed is still there.
    assert "Der Link im Menü fehlt." in soup(response).find("textarea").get_text()


def test_a_form_sent_within_three_seconds_is_refused(contact_de, send, mailoutbox):
    response = send(URL_DE, MESSAGE, waited=1)
    assert response.status_code == 400
    too_fast = protection.check_stamp(contact_de, protection.new_stamp(contact_de))
    assert refusal_text(too_fast) in summary_of(response).get_text()
    assert nothing_stored(mailoutbox)


@pytest.mark.parametrize("stamp", ["", "gefälscht", "rendered:1a2b3c:abcdefghijklmnopqrstuvwxyz1"])
def test_a_missing_or_forged_stamp_is_refused(contact_de, client, mailoutbox, stamp):
    data = {**MESSAGE, "privacy_consent": "on", "form_stamp": stamp, "website_url": ""}
    response = client.post(URL_DE, data)
    assert response.status_code == 400
    assert summary_of(response)
    assert nothing_stored(mailoutbox)


def test_a_stamp_of_another_form_is_refused(contact_de, home_de, client, mailoutbox):
    other = ContactPageFactory(parent=home_de, slug="anderes-formular")
    with time_machine.travel(time.time() - 10, tick=False):
        stamp = stamp_of(client.get(other.url))
    response = client.post(URL_DE, {**MESSAGE, "privacy_consent": "on", "form_stamp": stamp})
    assert response.status_code == 400
    assert nothing_stored(mailoutbox)


def test_the_21st_submission_in_a_minute_from_one_address_is_refused(contact_de, send, mailoutbox, same_minute):
    for _attempt in range(20):
        assert send(URL_DE, MESSAGE).status_code == 303
    response = send(URL_DE, MESSAGE)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    assert summary_of(response).li.get_text(strip=True)
    assert Submission.objects.count() == 20 and len(mailoutbox) == 20
    # Another address is not held up.
    assert send(URL_DE, MESSAGE, REMOTE_ADDR="192.0.2.7").status_code == 303


def test_a_post_from_another_site_is_refused(contact_de, send, mailoutbox):
    response = send(URL_DE, MESSAGE, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = send(URL_DE, MESSAGE, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert nothing_stored(mailoutbox)
    same = send(URL_DE, MESSAGE, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://testserver")
    assert same.status_code == 303


def test_the_form_sets_no_cookie_and_is_never_cached(contact_de, send, client):
    response = client.get(URL_DE)
    assert response.cookies == {} and "Set-Cookie" not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Two visitors get two stamps: the page is not served from the cache.
    assert 'name="form_stamp"' in response.content.decode()
    sent = send(URL_DE, MESSAGE)
    assert sent.status_code == 303 and sent.cookies == {}
    assert client.get(sent["Location"]).cookies == {}
    assert client.cookies == {}


def test_errors_are_summarised_announced_and_linked_to_their_fields(contact_de, send, mailoutbox):
    response = send(URL_DE, {"name": "Ada", "e_mail_adresse": "keine-adresse"}, consent=False)
    assert response.status_code == 200
    page = soup(response)
    with override("de"):
        assert page.title.get_text().startswith(_("Error:") + " ")
    summary = summary_of(response)
    assert summary["role"] == "alert" and summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    links = {link["href"]: link.get_text() for link in summary.find_all("a")}
    assert set(links) == {"#id_e_mail_adresse", "#id_nachricht", "#id_privacy_consent"}
    message = page.find(id="id_nachricht")
    assert message["aria-invalid"] == "true"
    error = page.find(id=message["aria-describedby"].split()[-1])
    assert error.get_text(strip=True).endswith(links["#id_nachricht"])
    # Required fields say so in words; name and e-mail can be filled in by the browser.
    required = [label.get_text(" ", strip=True) for label in page.select("label:has(.form-field__required)")]
    assert any(label.startswith("Nachricht") for label in required)
    assert not any(label.startswith(("Name", "E-Mail-Adresse")) for label in required)
    assert page.find(id="id_name")["autocomplete"] == "name"
    assert page.find(id="id_e_mail_adresse")["autocomplete"] == "email"
    assert nothing_stored(mailoutbox)


def test_the_consent_links_the_privacy_policy(contact_de, client):
    from core.models import SiteSettings

    privacy = SiteSettings.objects.first().privacy_page
    label = soup(client.get(URL_DE)).find("label", attrs={"for": "id_privacy_consent"})
    assert label.a["href"] == privacy.url


def test_the_honeypot_is_labelled_to_stay_empty_and_out_of_the_tab_order(contact_de, client):
    trap = soup(client.get(URL_DE)).find(id="id_website_url")
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    label = soup(client.get(URL_DE)).find("label", attrs={"for": "id_website_url"}).get_text()
    with override("de"):
        assert label == str(_("Please leave this field empty"))


def test_the_confirmation_mail_repeats_nothing_of_the_message(contact_de, send, mailoutbox):
    send(URL_DE, {**MESSAGE, "send_confirmation": "on"})
    office, confirmation = mailoutbox
    assert confirmation.to == ["ada@example.org"]
    assert "Der Link im Menü fehlt." not in confirmation.body + confirmation.subject
    assert "Kontakt (Test)" in confirmation.body


def test_a_confirmation_needs_an_email_address(contact_de, send, mailoutbox):
    response = send(URL_DE, {"nachricht": "Hallo", "send_confirmation": "on"})
    assert response.status_code == 200
    assert "#id_e_mail_adresse" in {link["href"] for link in summary_of(response).find_all("a")}
    assert nothing_stored(mailoutbox)


def test_the_form_page_costs_the_same_queries_with_more_fields_and_submissions(contact_de, flat_queries):
    def grow():
        fields = [{"label": f"Feld {n}", "field_type": "singleline", "required": False} for n in range(10)]
        with_form_fields(contact_de, CONTACT_FIELDS + fields)
        Submission.objects.bulk_create(Submission(page=contact_de, form_data={"nachricht": "x"}) for _ in range(30))

    flat_queries(URL_DE, grow)


def test_the_form_needs_no_csrf_cookie_but_other_views_keep_the_check(contact_de, send, home_de):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert send(URL_DE, MESSAGE, client=strict).status_code == 303
    # A page without a form still refuses a POST without a CSRF token.
    assert strict.post("/de/", {"q": "x"}).status_code == 403
    assert strict.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 403
