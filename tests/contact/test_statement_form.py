"""The barrier report form on the accessibility statement (§ 7 BITV 2.0's
feedback mechanism), in German and in its wagtail-localize translation."""

from wagtail_localize.models import Translation, TranslationSource

import pytest

from contact.models import Submission
from home.models import AccessibilityStatementPage
from tests.conftest import soup
from tests.factories import AccessibilityStatementPageFactory, with_form_fields

pytestmark = pytest.mark.django_db

FIELDS = [
    {"label": "Auf welcher Seite ist die Barriere?", "field_type": "singleline", "required": False},
    {"label": "Was funktioniert nicht?", "field_type": "multiline", "required": True},
    {"label": "E-Mail", "field_type": "email", "required": False, "help_text": "Nur für eine Antwort."},
]
ENGLISH = {
    "Erklärung zur Barrierefreiheit": "Accessibility statement",
    "Auf welcher Seite ist die Barriere?": "On which page is the barrier?",
    "Was funktioniert nicht?": "What does not work?",
    "E-Mail": "E-mail",
    "Nur für eine Antwort.": "Only for a reply.",
    "Redaktion (Test)": "Editorial team (test)",
}
REPORT = {"auf_welcher_seite_ist_die_barriere": "/de/", "was_funktioniert_nicht": "Das Menü ist nicht bedienbar."}


@pytest.fixture
def statement_de(home_de):
    page = AccessibilityStatementPageFactory(parent=home_de, slug="erklaerung-test")
    return with_form_fields(page, FIELDS)


@pytest.fixture
def statement_en(statement_de, english):
    """Translated through wagtail-localize, as a translator does in the admin."""
    source, _ = TranslationSource.get_or_create_from_instance(statement_de)
    translation = Translation.objects.create(source=source, target_locale=english)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = ENGLISH.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)
    page = AccessibilityStatementPage.objects.get(translation_key=statement_de.translation_key, locale=english)
    page.slug = "statement-test"
    page.save_revision().publish()
    return AccessibilityStatementPage.objects.get(pk=page.pk)


def test_the_statement_has_the_report_form_in_its_feedback_section(statement_de, client):
    page = soup(client.get("/de/erklaerung-test/"))
    section = page.find(id="feedback-heading").parent
    form = section.find("form", class_="public-form")
    assert form is not None and form["method"] == "post"
    assert form.find("textarea", attrs={"name": "was_funktioniert_nicht"}).has_attr("required")


def test_a_barrier_report_reaches_the_feedback_address(statement_de, send, mailoutbox):
    response = send("/de/erklaerung-test/", REPORT)
    assert response.status_code == 303 and response["Location"] == "/de/erklaerung-test/danke/"
    [submission] = Submission.objects.filter(page=statement_de)
    assert submission.form_data["was_funktioniert_nicht"] == "Das Menü ist nicht bedienbar."
    [mail] = mailoutbox
    assert mail.to == ["barrieren@example.org"]


def test_the_translated_statement_has_the_form_in_english(statement_en, client):
    form = soup(client.get("/en/statement-test/")).find("form", class_="public-form")
    labels = [label.get_text(" ", strip=True) for label in form.find_all("label")]
    assert "On which page is the barrier?" in labels
    assert any(label.startswith("What does not work?") for label in labels)
    assert "Only for a reply." in form.get_text()
    # The same names as the German fields: both languages' reports share columns.
    assert form.find("textarea")["name"] == "was_funktioniert_nicht"


def test_an_english_report_is_stored_under_the_german_names(statement_en, send, mailoutbox):
    response = send("/en/statement-test/", {**REPORT, "was_funktioniert_nicht": "The menu cannot be used."})
    assert response["Location"] == "/en/statement-test/thank-you/"
    [submission] = Submission.objects.filter(page=statement_en)
    assert submission.form_data["was_funktioniert_nicht"] == "The menu cannot be used."
    assert mailoutbox[0].to == ["barrieren@example.org"]
