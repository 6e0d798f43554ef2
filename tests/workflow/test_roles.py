"""Roles: who may edit and publish what, as the admin enforces it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Page, Workflow

import pytest

from core import roles
from demo.accounts import DEMO_ACCOUNTS
from members.models import MemberIndexPage, MemberPage
from news.models import NewsPage
from tests.factories import MemberPageFactory

pytestmark = pytest.mark.django_db


def test_the_demo_creates_the_groups_and_one_group_per_member_city():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Redaktion", "Moderation", "Übersetzung"} <= names
    cities = MemberPage.objects.filter(locale__language_code="de").values_list("city", flat=True)
    assert {f"Stadtredaktion {city}" for city in cities} <= names
    # Wagtail's starter groups would give the whole tree to anyone put in them.
    assert not names & {"Editors", "Moderators"}


def test_one_demo_account_per_role_with_its_admin_language():
    users = get_user_model().objects.filter(username__in=[a[0] for a in DEMO_ACCOUNTS])
    by_name = {user.username: user for user in users.prefetch_related("groups").select_related("wagtail_userprofile")}
    assert set(by_name) == {"redaktion", "moderation", "uebersetzung", "wuppertal"}
    assert [g.name for g in by_name["wuppertal"].groups.all()] == ["Stadtredaktion Wuppertal"]
    assert by_name["uebersetzung"].wagtail_userprofile.preferred_language == "en"
    assert by_name["redaktion"].wagtail_userprofile.preferred_language == "de"
    assert not any(user.is_superuser or user.is_staff for user in by_name.values())
    # Passwords are random, never a known default.
    assert not any(user.check_password(user.username) for user in by_name.values())


def test_setup_roles_is_idempotent_and_repairs_removed_permissions():
    editors = Group.objects.get(name="Redaktion")
    count = editors.page_permissions.count()
    editors.page_permissions.all().delete()
    roles.ensure_roles()
    roles.ensure_roles()
    assert editors.page_permissions.count() == count


def test_a_new_member_city_gets_its_own_editors_group(german):
    index = MemberIndexPage.objects.get(locale=german)
    member = MemberPageFactory(parent=index, title="Teststadt am See")
    member.save_revision().publish()
    group = Group.objects.get(name="Stadtredaktion Teststadt am See")
    assert {p.page_id for p in group.page_permissions.filter(permission__codename="change_page")} == {member.pk}


def test_review_workflow_covers_news_and_events_in_both_languages(news_index_de, event_index_de, english):
    workflow = Workflow.objects.get(name="Redaktionelle Prüfung")
    assert workflow.active
    assert [task.specific.groups.get().name for task in workflow.tasks] == ["Moderation"]
    release = NewsPage.objects.filter(locale__language_code="de").first()
    english_release = NewsPage.objects.filter(locale=english).first()
    for page in (release, english_release, event_index_de.get_children().first(), news_index_de):
        assert page.get_workflow() == workflow, page


@pytest.mark.parametrize(
    ("username", "edit", "publish"),
    [("redaktion", True, False), ("moderation", True, True), ("uebersetzung", False, False)],
)
def test_page_rights_on_german_pages(account, news_index_de, username, edit, publish):
    user = account(username)
    release = news_index_de.get_children().first()
    perms = release.permissions_for_user(user)
    assert perms.can_edit() is edit
    assert perms.can_publish() is publish


def test_translators_edit_english_pages_only(login, english, german):
    client = login("uebersetzung")
    german_release = NewsPage.objects.filter(locale=german).first()
    english_release = NewsPage.objects.get(translation_key=german_release.translation_key, locale=english)
    assert client.get(f"/admin/pages/{english_release.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{german_release.pk}/edit/")
    assert response.status_code == 302  # the admin sends them back: permission denied
    response = client.post(f"/admin/pages/{german_release.pk}/edit/", {"title": "Geändert"})
    assert response.status_code == 302
    german_release.refresh_from_db()
    assert german_release.title != "Geändert"
    assert german_release.get_latest_revision().user is None


def test_city_editors_edit_only_their_own_city(login, wuppertal, german):
    client = login("wuppertal")
    assert client.get(f"/admin/pages/{wuppertal.pk}/edit/").status_code == 200
    english_wuppertal = MemberPage.objects.get(translation_key=wuppertal.translation_key, locale__language_code="en")
    assert client.get(f"/admin/pages/{english_wuppertal.pk}/edit/").status_code == 200
    other = MemberPage.objects.filter(locale=german).exclude(pk=wuppertal.pk).first()
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 302
    user = get_user_model().objects.get(username="wuppertal")
    assert not other.permissions_for_user(user).can_edit()
    assert not wuppertal.permissions_for_user(user).can_publish()


def test_city_editors_cannot_edit_releases_of_others(account, news_index_de):
    user = account("wuppertal")
    release = news_index_de.get_children().first()
    assert release.owner_id != user.pk
    assert not release.permissions_for_user(user).can_edit()
    assert news_index_de.permissions_for_user(user).can_add_subpage()


def test_city_editors_cannot_reach_the_translation_overview(login):
    assert login("wuppertal").get("/admin/translations/").status_code == 302


@pytest.mark.parametrize(("username", "heading"), [("uebersetzung", "Pages"), ("redaktion", "Seiten")])
def test_the_admin_speaks_each_users_language(login, username, heading):
    """The same admin, in the language each account chose in its profile."""
    response = login(username).get("/admin/", HTTP_ACCEPT_LANGUAGE="de" if username == "uebersetzung" else "en")
    html = response.content.decode()
    lang = "en" if username == "uebersetzung" else "de"
    assert f'<html lang="{lang}"' in html
    assert heading in html


def test_no_group_may_touch_the_root_page():
    root = Page.get_first_root_node()
    assert not root.group_permissions.exists()
