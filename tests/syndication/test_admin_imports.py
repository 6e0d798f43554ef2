"""Member calendar imports in the admin: the last import on the member page
(its German record on the translation too), the report of every city with
failures first and only for those who may edit member pages, and the note
on an imported event's edit view.

The editors' admin is set to English here, so the assertions hold before
and after the German catalogue names these texts."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest

from events.models import EventIndexPage
from members.models import MemberPage
from syndication.models import CalendarImport
from tests.conftest import soup
from tests.factories import EventPageFactory, translate

pytestmark = pytest.mark.django_db

FAILURE = "The calendar's server could not be reached."


@pytest.fixture
def login(client, account, verified_login):
    """The test client, logged in as a demo account with its admin in English."""

    def as_user(username):
        user = account(username)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        return verified_login(client, user)

    return as_user


def member(city, german, calendar="https://example.org/{slug}.ics"):
    """A demo member city (German page), with a calendar address."""
    page = MemberPage.objects.get(locale=german, city=city)
    if calendar:
        page.calendar_url = calendar.format(slug=page.slug)
        page.save_revision().publish()
    return page


def record(page, minutes_ago=10, **fields):
    started = timezone.now() - timedelta(minutes=minutes_ago)
    fields.setdefault("ok", True)
    if fields["ok"]:
        fields.setdefault("succeeded_at", started + timedelta(seconds=3))
    return CalendarImport.objects.create(
        member=page, url=page.calendar_url, started_at=started, finished_at=started + timedelta(seconds=3), **fields
    )


def edit_view(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return soup(response)


def text(element):
    return " ".join(element.get_text(" ").split())


def messages(page):
    return page.select(".messages li")


# The panel on the member page


def test_the_member_page_shows_what_its_last_import_did(login, german):
    bonn = member("Bonn", german)
    imported = record(bonn, added=3, updated=1, cancelled=2, unpublished=0)
    panel = edit_view(login("moderation"), bonn).select_one(".calendar-import")
    assert "3 added, 1 updated, 2 cancelled, 0 unpublished." in text(panel)
    assert "OK" in text(panel) and "failed" not in text(panel)
    times = [time["datetime"] for time in panel.find_all("time")]
    assert times == [imported.finished_at.astimezone().isoformat(), imported.succeeded_at.astimezone().isoformat()]
    assert panel.find("a", href=reverse("syndication_calendar_imports"))


def test_the_member_page_shows_a_failed_import_with_its_error_and_the_last_success(login, german, english):
    bonn = member("Bonn", german)
    last_success = timezone.now() - timedelta(days=2)
    record(bonn, ok=False, error=FAILURE, succeeded_at=last_success)
    client = login("moderation")
    panel = edit_view(client, bonn).select_one(".calendar-import")
    assert "failed" in text(panel) and FAILURE in text(panel)
    assert "added" not in text(panel)
    assert panel.find_all("time")[-1]["datetime"] == last_success.astimezone().isoformat()
    # The English page (the same office), edited in wagtail-localize's
    # editor, is told of the German page's import.
    [message] = [m for m in messages(edit_view(client, bonn.get_translation(english))) if "calendar" in text(m)]
    assert "failed" in text(message) and FAILURE in text(message)
    assert message.find("a", href=reverse("syndication_calendar_imports"))


def test_an_unchanged_calendar_and_a_city_not_imported_yet(login, german):
    bonn, jena = member("Bonn", german), member("Jena", german)
    record(bonn, not_modified=True)
    client = login("moderation")
    assert "HTTP 304" in text(edit_view(client, bonn).select_one(".calendar-import"))
    assert "Not imported yet" in text(edit_view(client, jena).select_one(".calendar-import"))


# The report


def report_rows(client):
    response = client.get(reverse("syndication_calendar_imports"))
    assert response.status_code == 200
    return [[text(cell) for cell in row.find_all("td")] for row in soup(response).select("table tbody tr")]


def test_the_report_lists_every_city_with_a_calendar_failures_first(login, german):
    record(member("Aachen", german), added=4)
    record(member("Bonn", german), ok=False, error=FAILURE)
    member("Jena", german)  # not imported yet
    record(member("Nürnberg", german), minutes_ago=30, ok=False, error="The calendar is larger than 5.0 MB.")
    rows = report_rows(login("moderation"))
    assert [row[0] for row in rows] == ["Bonn", "Nürnberg", "Jena", "Aachen"]
    bonn, _nuernberg, jena, aachen = rows
    assert "example.org/bonn.ics" in bonn and "failed" in bonn and FAILURE in bonn
    assert "not imported yet" in jena
    assert "OK" in aachen and "4 added, 0 updated, 0 cancelled, 0 unpublished" in aachen


def test_the_report_links_each_city_to_its_member_page(login, german):
    bonn = member("Bonn", german)
    response = login("moderation").get(reverse("syndication_calendar_imports"))
    link = soup(response).select_one("table tbody tr td a")
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=[bonn.pk])


def test_the_report_is_for_those_who_edit_member_pages(login, german):
    member("Bonn", german)
    member("Wuppertal", german)
    url = reverse("syndication_calendar_imports")
    for username in ("moderation", "redaktion"):
        client = login(username)
        assert [row[0] for row in report_rows(client)] == ["Bonn", "Wuppertal"]
        assert url in client.get(reverse("wagtailadmin_home")).content.decode()  # under Reports
        client.logout()
    # A city's editors see their own city only.
    client = login("wuppertal")
    assert [row[0] for row in report_rows(client)] == ["Wuppertal"]
    client.logout()
    # Translators edit no German member page.
    client = login("uebersetzung")
    assert client.get(url).status_code in (302, 403)
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()


# The note on an imported event


@pytest.fixture
def imported_event(german):
    bonn = member("Bonn", german)
    index = EventIndexPage.objects.get(locale=german)
    return EventPageFactory(
        parent=index,
        title="Sprechstunde",
        start=timezone.now() + timedelta(days=5),
        host_member=bonn,
        source_member=bonn,
        source_url="https://example.org/bonn/sprechstunde",
    )


def test_an_imported_event_says_where_it_comes_from_and_what_the_import_overwrites(login, imported_event):
    note = edit_view(login("redaktion"), imported_event).find(string=lambda s: "Imported from the calendar of" in s)
    box = note.find_parent("div")
    assert "Antidiskriminierungsstelle der Stadt Bonn (Demo), Bonn" in text(box)
    assert box.find("a", href="https://example.org/bonn/sprechstunde")
    assert "overwritten by the next import" in text(box) and "detach" in text(box)


def test_the_note_on_a_translation_says_its_text_is_its_own(login, imported_event):
    english = translate(imported_event, "en", title="Consultation hour", slug="consultation-hour")
    page = edit_view(login("uebersetzung"), english)
    box = page.find(string=lambda s: "Imported from the calendar of" in s).find_parent("div")
    assert "does not overwrite the text of this translation" in text(box)
    assert "overwritten by the next import" not in text(box)


def test_a_translation_in_the_translation_editor_is_told_the_same(login, imported_event, english):
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(imported_event)
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(publish=True)
    page = edit_view(login("uebersetzung"), imported_event.get_translation(english))
    [message] = [message for message in messages(page) if "Imported from the calendar of" in text(message)]
    assert "Antidiskriminierungsstelle der Stadt Bonn (Demo), Bonn" in text(message)
    assert "does not overwrite the text of this translation" in text(message)


def test_a_detached_event_and_an_event_written_here(login, imported_event, german):
    imported_event.source_detached = True
    imported_event.save_revision().publish()
    client = login("redaktion")
    assert "detached from its source" in text(edit_view(client, imported_event))
    written_here = EventPageFactory(
        parent=EventIndexPage.objects.get(locale=german), title="Fachtag", start=timezone.now() + timedelta(days=9)
    )
    assert "Imported from the calendar of" not in text(edit_view(client, written_here))
