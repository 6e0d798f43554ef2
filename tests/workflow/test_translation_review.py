"""Translations go live only through someone who may publish them: no path
of wagtail-localize lets a translator or an editor change a live page."""

from wagtail.models import Page

import pytest

from news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.workflow.conftest import translate_title

pytestmark = pytest.mark.django_db

UNREVIEWED = "Unreviewed title typed by the translator"


@pytest.mark.parametrize("username", ["uebersetzung", "redaktion"])
def test_saving_a_translation_without_the_right_to_publish_leaves_the_live_page_as_reviewed(
    account, english, release_pair, username, django_capture_on_commit_callbacks
):
    source, target = release_pair
    live_title = target.title
    user = account(username)
    translation = translate_title(source, english, UNREVIEWED, user)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=user, publish=True)
    target = NewsPage.objects.get(pk=target.pk)
    assert target.title == live_title
    assert target.live and target.has_unpublished_changes
    # The translated text waits in a revision, for review.
    assert target.get_latest_revision_as_object().title == UNREVIEWED


def test_moderation_publishes_a_translation(account, english, release_pair, django_capture_on_commit_callbacks):
    source, target = release_pair
    user = account("moderation")
    translation = translate_title(source, english, "Reviewed English title", user)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=user, publish=True)
    assert NewsPage.objects.get(pk=target.pk).title == "Reviewed English title"


def test_submitting_for_translation_does_not_publish_a_translators_text(
    login, account, german, english, news_index_de, django_capture_on_commit_callbacks
):
    # A German release whose English version is still an alias (German text).
    release = NewsPageFactory(parent=news_index_de, title="Beratung in der Stadtbibliothek")
    release.save_revision().publish()
    english_index = news_index_de.get_translation(english)
    alias = release.create_alias(parent=english_index, update_locale=english, reset_translation_key=False)
    translate_title(release, english, UNREVIEWED, account("uebersetzung"))

    client = login("uebersetzung")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{release.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    live = Page.objects.get(pk=alias.pk)
    assert live.title == "Beratung in der Stadtbibliothek"
    client.logout()
    public = client.get(live.url)
    assert public.status_code == 200
    assert UNREVIEWED not in public.content.decode()
    assert live.specific.get_latest_revision_as_object().title == UNREVIEWED


@pytest.mark.parametrize(("username", "allowed"), [("uebersetzung", False), ("redaktion", False), ("moderation", True)])
def test_converting_a_translation_to_an_alias_needs_the_right_to_publish(login, release_pair, username, allowed):
    source, target = release_pair
    # The German source has an unreviewed draft: an alias would show it.
    source.title = "Entwurf, noch nicht freigegeben"
    source.save_revision()
    response = login(username).post(f"/admin/localize/page/{target.pk}/convert_to_alias/")
    target = NewsPage.objects.get(pk=target.pk)
    if allowed:
        assert response.status_code == 302
        assert target.alias_of_id == source.pk
    else:
        assert response.status_code == 403
        assert target.alias_of_id is None
        assert target.title != "Entwurf, noch nicht freigegeben"
