"""An admin change happens whole or not at all: a publish that fails leaves
no half-created draft behind for a second try to duplicate."""

from unittest import mock

from django.db import OperationalError

import pytest

from news.models import NewsPage
from tests.workflow.conftest import release_form

pytestmark = pytest.mark.django_db


def failing_publish():
    """Publishing fails as it would when the database refuses the write."""
    return mock.patch(
        "wagtail.actions.publish_page_revision.PublishPageRevisionAction.execute",
        side_effect=OperationalError("database is locked"),
    )


def test_a_release_whose_publication_fails_is_not_left_behind_as_a_draft(login, news_index_de):
    moderation = login("moderation")
    data = release_form("Meldung im Gedränge")
    data["action-publish"] = "1"
    with failing_publish(), pytest.raises(OperationalError):
        moderation.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data)
    assert not NewsPage.objects.filter(title="Meldung im Gedränge").exists()

    # The editor's second try creates the release once, live.
    response = moderation.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data)
    assert response.status_code == 302
    release = NewsPage.objects.get(title="Meldung im Gedränge")
    assert release.live


def test_an_edit_whose_publication_fails_leaves_the_live_page_and_its_drafts_as_they_were(login, news_index_de):
    moderation = login("moderation")
    release = NewsPage.objects.child_of(news_index_de).live().first()
    revisions = release.revisions.count()
    title = release.title
    data = release_form("Geänderter Titel")
    data["slug"] = release.slug
    data["action-publish"] = "1"
    with failing_publish(), pytest.raises(OperationalError):
        moderation.post(f"/admin/pages/{release.pk}/edit/", data)
    release.refresh_from_db()
    assert release.title == title
    assert release.revisions.count() == revisions
