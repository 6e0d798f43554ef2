"""A translator's text reaches the English site through review: save a draft,
submit it, Moderation is notified, compares it with the German original,
approves or sends it back with a comment, and the translator hears back."""

from django.core import mail

from wagtail.models import WorkflowState

import pytest
from bs4 import BeautifulSoup

from core import translation_status
from tests.workflow.conftest import translate_title

pytestmark = pytest.mark.django_db

ENGLISH_TITLE = "Counselling week in forty cities"


@pytest.fixture
def translated(account, english, release_pair):
    """The translator has typed a new English title (saved as they type)."""
    source, target = release_pair
    return translate_title(source, english, ENGLISH_TITLE, account("uebersetzung"))


def status_in_overview(english, page):
    rows = {row.translation.pk: row for row in translation_status.overview(english) if row.translation}
    return rows[page.pk].status if page.pk in rows else translation_status.CURRENT


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_the_translation_editor_offers_a_translator_draft_and_review_but_not_publish(login, release_pair, translated):
    source, target = release_pair
    page = BeautifulSoup(login("uebersetzung").get(f"/admin/pages/{target.pk}/edit/").content, "html.parser")
    bar = page.find("section", class_="nka-translation-review")
    assert bar is not None
    buttons = {button["value"] for button in bar.find_all("button")}
    assert buttons == {"submit", "save"}
    assert bar.find("form")["action"] == f"/admin/translations/{translated.pk}/save/"


def test_moderation_sees_no_submit_button_but_the_review(login, release_pair, translated):
    source, target = release_pair
    page = BeautifulSoup(login("moderation").get(f"/admin/pages/{target.pk}/edit/").content, "html.parser")
    bar = page.find("section", class_="nka-translation-review")
    assert {button["value"] for button in bar.find_all("button")} == {"save"}
    assert bar.find("a", href=f"/admin/translations/{translated.pk}/review/")


def test_saving_a_draft_keeps_the_live_page_and_starts_no_review(login, release_pair, translated):
    source, target = release_pair
    live_title = target.title
    response = login("uebersetzung").post(f"/admin/translations/{translated.pk}/save/", {"action": "save"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.title == live_title
    assert target.get_latest_revision_as_object().title == ENGLISH_TITLE
    assert target.has_unpublished_changes
    assert not WorkflowState.objects.for_instance(target).exists()


def test_translate_submit_approve_live(login, account, client, english, release_pair, translated):
    source, target = release_pair
    moderator, translator = account("moderation"), account("uebersetzung")
    mail.outbox.clear()

    response = login("uebersetzung").post(f"/admin/translations/{translated.pk}/save/", {"action": "submit"})
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(target).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == translator
    assert status_in_overview(english, target) == translation_status.IN_REVIEW
    # Moderation is told, with a link into the admin.
    notice = mails_to(moderator)
    assert notice, [message.to for message in mail.outbox]
    assert f"/admin/pages/{target.pk}/" in notice[-1].body
    # Nothing changed for visitors yet.
    client.logout()
    assert ENGLISH_TITLE not in client.get(target.url).content.decode()

    # Moderation compares the texts side by side, then approves.
    review = login("moderation").get(f"/admin/translations/{translated.pk}/review/")
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in BeautifulSoup(review.content, "html.parser").select("tbody tr")
    ]
    assert [source.title, ENGLISH_TITLE] in [row[1:] for row in rows]
    mail.outbox.clear()
    response = login("moderation").post(f"/admin/translations/{translated.pk}/review/", {"action": "approve"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.title == ENGLISH_TITLE and not target.has_unpublished_changes
    assert mails_to(translator), "the translator hears that the translation was approved"
    assert status_in_overview(english, target) == translation_status.CURRENT
    client.logout()
    assert ENGLISH_TITLE in client.get(target.url).content.decode()


def test_moderation_sends_a_translation_back_with_a_comment(login, account, english, release_pair, translated):
    source, target = release_pair
    translator = account("uebersetzung")
    login("uebersetzung").post(f"/admin/translations/{translated.pk}/save/", {"action": "submit"})
    moderation = login("moderation")

    # A request for changes needs a comment.
    moderation.post(f"/admin/translations/{translated.pk}/review/", {"action": "reject", "comment": ""})
    assert WorkflowState.objects.for_instance(target).get().status == WorkflowState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    moderation.post(
        f"/admin/translations/{translated.pk}/review/",
        {"action": "reject", "comment": "Bitte „Beratung“ mit counselling übersetzen."},
    )
    assert WorkflowState.objects.for_instance(target).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert status_in_overview(english, target) == translation_status.CHANGES_REQUESTED
    assert mails_to(translator)
    target.refresh_from_db()
    assert target.title != ENGLISH_TITLE

    # The translator works the comment in and submits again.
    login("uebersetzung").post(f"/admin/translations/{translated.pk}/save/", {"action": "submit"})
    assert WorkflowState.objects.for_instance(target).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


@pytest.mark.parametrize("username", ["uebersetzung", "redaktion"])
def test_only_reviewers_may_approve(login, release_pair, translated, username):
    source, target = release_pair
    login("uebersetzung").post(f"/admin/translations/{translated.pk}/save/", {"action": "submit"})
    client = login(username)
    response = client.post(f"/admin/translations/{translated.pk}/review/", {"action": "approve"})
    # Wagtail's admin answers a refusal with its dashboard and a message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    target.refresh_from_db()
    assert target.title != ENGLISH_TITLE
    assert WorkflowState.objects.for_instance(target).get().status == WorkflowState.STATUS_IN_PROGRESS
    # The review itself they may read (a translator compares their own text).
    assert client.get(f"/admin/translations/{translated.pk}/review/").status_code == 200


def test_review_urls_refuse_bad_input(login):
    client = login("moderation")
    assert client.get("/admin/translations/999999/review/").status_code == 404
    assert client.post("/admin/translations/999999/save/", {"action": "submit"}).status_code == 404
    assert client.get("/admin/translations/1/save/").status_code in (404, 405)
