"""The German admin reads as German: each role walks the screens it works in,
and no English UI word or broken German phrase shows (upstream catalogues
are corrected in site/locale-overrides)."""

import re

import pytest
from bs4 import BeautifulSoup
from bs4.element import NavigableString, TemplateString

from events.models import EventPage
from members.models import MemberPage
from news.models import NewsIndexPage, NewsPage, Topic
from tests.workflow.test_media_roles import photo_upload

pytestmark = pytest.mark.django_db

# English UI words and the broken German of upstream catalogues, as found.
NOT_GERMAN = [
    r"\bLocales?\b",
    r"\bMore actions\b",
    r"\bseconds? ago\b",
    r"\bminutes? ago\b",
    r"\bCancel workflow\b",
    r"\bUpdate\b",
    r"\bSubmit to\b",
    r"\bSave draft\b",
    r"\bChoose\b",
    r"\w+-Objekt\b",
    r"\bIn Redaktionelle\b",
    r"\b(auf|in) English\b",
    r"\bWorkflow abbrechen\b",
]
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")


def ui_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style"]):
        element.decompose()
    # Text inside <template> (rows to add, teleported status) counts too.
    texts = [soup.get_text(" ", strip=True, types=(NavigableString, TemplateString))]
    for attribute in ATTRIBUTES:
        texts += [element[attribute] for element in soup.find_all(attrs={attribute: True})]
    return " ".join(texts)


# Headings that put the verb before its object ("Auswählen Thema").
BROKEN_HEADINGS = r"^(Auswählen|Bearbeiten|Hinzufügen) [A-ZÄÖÜ]"


def english_in(html):
    text = ui_text(html)
    found = {match.group(0) for pattern in NOT_GERMAN for match in re.finditer(pattern, text)}
    for heading in BeautifulSoup(html, "html.parser").find_all(["h1", "h2"]):
        match = re.match(BROKEN_HEADINGS, heading.get_text(" ", strip=True))
        if match:
            found.add(match.group(0))
    return sorted(found)


@pytest.fixture
def screens(german, english, account):
    news_index = NewsIndexPage.objects.get(locale=german)
    release = NewsPage.objects.filter(locale=german).order_by("path").first()
    # A change in review: its status ("Gesendet an … vor 3 Sekunden") shows.
    editor = account("redaktion")
    release.save_revision(user=editor)
    release.get_workflow().start(release, editor)
    release_en = NewsPage.objects.get(locale=english, translation_key=release.translation_key)
    event = EventPage.objects.filter(locale=german).order_by("path").first()
    wuppertal = MemberPage.objects.get(locale=german, city="Wuppertal")
    topic = Topic.objects.filter(locale=german).first()
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{news_index.pk}/",
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        f"/admin/pages/{release.pk}/edit/",
        f"/admin/pages/{release_en.pk}/edit/",
        f"/admin/pages/{release.pk}/history/",
        f"/admin/pages/{event.pk}/edit/",
        f"/admin/pages/{wuppertal.pk}/edit/",
        f"/admin/localize/submit/page/{release.pk}/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/snippets/news/topic/",
        f"/admin/snippets/news/topic/edit/{topic.pk}/",
        "/admin/snippets/choose/news/topic/",
        "/admin/translations/",
        "/admin/workflows/list/",
        "/admin/reports/locked/",
        "/admin/account/",
    ]


@pytest.mark.parametrize("username", ["redaktion", "moderation", "uebersetzung", "wuppertal"])
def test_each_role_sees_the_admin_in_german(login, account, screens, username):
    from wagtail.users.models import UserProfile

    # The demo translator prefers the English admin; here everyone reads German.
    profile = UserProfile.get_for_user(account(username))
    profile.preferred_language = "de"
    profile.save()
    client = login(username)
    shown = 0
    found = {}
    for url in screens:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
        if response.status_code != 200:
            continue  # a screen this role may not open
        shown += 1
        if response["Content-Type"].startswith("application/json"):
            html = response.json().get("html", "")  # a chooser modal
        else:
            html = response.content.decode()
        words = english_in(html)
        if words:
            found[url] = words
    assert shown >= 5  # a city editor opens fewer screens than the newsroom
    assert found == {}, found


def test_an_upload_answers_in_german(login):
    """The multiple upload's answer (its edit form with "Update")."""
    client = login("redaktion")
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": photo_upload()},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 200
    form = response.json().get("form", "")
    assert form
    assert english_in(form) == []


def test_the_check_finds_english():
    """The check itself: it would find what the admin once showed."""
    assert english_in("<p>Gesendet an Moderation 3 seconds ago</p>") == ["seconds ago"]
    assert english_in('<button aria-label="More actions">…</button>') == ["More actions"]
    assert english_in("<h1>Auswählen Thema</h1><p>Dieses Seite-Objekt</p>") == ["Auswählen T", "Seite-Objekt"]
    assert english_in("<p>Entwurf speichern, Thema auswählen</p>") == []
