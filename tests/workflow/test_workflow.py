"""From a draft to a live press release: submit, review, approve; scheduled publishing."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import TaskState, WorkflowState

import pytest
import time_machine

from news.models import NewsPage
from tests.workflow.conftest import release_form

pytestmark = pytest.mark.django_db


def submit_release(client, index, title, action="action-submit"):
    data = release_form(title)
    data[action] = "1"
    response = client.post(f"/admin/pages/add/news/newspage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return NewsPage.objects.get(title=title)


@pytest.mark.parametrize("username", ["redaktion", "wuppertal"])
def test_a_submitted_release_goes_live_only_after_moderation_approves(login, client, news_index_de, username):
    client = login(username)
    release = submit_release(client, news_index_de, "Neue Beratungszeiten in Wuppertal")
    assert not release.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(release.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Redaktionelle Prüfung"
    assert client.get(release.url or "/de/aktuelles/neue-beratungszeiten-in-wuppertal/").status_code == 404

    # Moderators are told: by e-mail and on their dashboard.
    assert any("Neue Beratungszeiten in Wuppertal" in message.subject for message in mail.outbox)
    moderation = login("moderation")
    dashboard = moderation.get("/admin/").content.decode()
    assert "Neue Beratungszeiten in Wuppertal" in dashboard

    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    response = moderation.post(
        f"/admin/pages/workflow/action/{release.pk}/approve/{task_state.pk}/", {"comment": "Passt."}
    )
    assert response.status_code in (200, 302)
    release.refresh_from_db()
    assert release.live
    # The moderator is told it worked (Wagtail's own action says nothing).
    dashboard = moderation.get("/admin/").content.decode()
    assert "„Neue Beratungszeiten in Wuppertal“ ist freigegeben." in dashboard
    public = moderation.get(release.url)
    assert public.status_code == 200
    assert "Neue Beratungszeiten in Wuppertal" in public.content.decode()


def test_editors_cannot_publish_directly(login, news_index_de):
    client = login("redaktion")
    data = release_form("Direkt veröffentlicht?")
    data["action-publish"] = "1"
    client.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data)
    release = NewsPage.objects.get(title="Direkt veröffentlicht?")
    assert not release.live


def test_moderators_can_reject(login, news_index_de):
    release = submit_release(login("redaktion"), news_index_de, "Noch nicht fertig")
    moderation = login("moderation")
    task_state = TaskState.objects.get(workflow_state__object_id=str(release.pk), status=TaskState.STATUS_IN_PROGRESS)
    moderation.post(f"/admin/pages/workflow/action/{release.pk}/reject/{task_state.pk}/", {"comment": "Bitte kürzen."})
    release.refresh_from_db()
    assert not release.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert "Änderungen an „Noch nicht fertig“ sind angefordert." in moderation.get("/admin/").content.decode()


def test_scheduled_release_goes_live_at_its_time_without_anyone_acting(login, client, news_index_de):
    moderation = login("moderation")
    go_live = timezone.now() + timedelta(hours=2)
    data = release_form("Geplante Pressemitteilung", go_live_at=go_live.astimezone().strftime("%Y-%m-%d %H:%M"))
    data["action-publish"] = "1"
    response = moderation.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data)
    assert response.status_code == 302
    release = NewsPage.objects.get(title="Geplante Pressemitteilung")
    assert not release.live
    client.logout()
    call_command("run_scheduler", once=True)
    release.refresh_from_db()
    assert not release.live
    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("run_scheduler", once=True)
    release.refresh_from_db()
    assert release.live
    listing = client.get(news_index_de.url).content.decode()
    assert "Geplante Pressemitteilung" in listing
