"""Scheduled publishing loses nothing: a go-live that fails is rolled back
whole, retried at the next run and shown on the dashboard until it happens."""

import logging
from datetime import timedelta
from unittest import mock

from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

import pytest
import time_machine

from news.models import NewsPage
from tests.workflow.conftest import release_form

pytestmark = pytest.mark.django_db


def schedule_release(moderation, index, title, go_live):
    data = release_form(title, go_live_at=go_live.astimezone().strftime("%Y-%m-%d %H:%M"))
    data["action-publish"] = "1"
    assert moderation.post(f"/admin/pages/add/news/newspage/{index.pk}/", data).status_code == 302
    return NewsPage.objects.get(title=title)


def test_a_scheduled_release_whose_publication_fails_is_retried_until_it_goes_live(
    login, client, news_index_de, caplog
):
    moderation = login("moderation")
    go_live = timezone.now() + timedelta(hours=1)
    release = schedule_release(moderation, news_index_de, "Embargo bis zehn Uhr", go_live)
    assert not release.live

    original_save = NewsPage.save
    failures = []

    def locked_once(self, *args, **kwargs):
        if self.pk == release.pk and self.live and not failures:
            failures.append(1)
            raise OperationalError("database is locked")
        return original_save(self, *args, **kwargs)

    with time_machine.travel(go_live + timedelta(minutes=1)), mock.patch.object(NewsPage, "save", locked_once):
        with caplog.at_level(logging.ERROR, logger="core.scheduler"):
            call_command("run_scheduler", once=True)
        release.refresh_from_db()
        assert failures and not release.live
        # Nothing half-done: the go-live date is still there to retry.
        assert release.revisions.filter(approved_go_live_at__isnull=False).exists()
        assert "database is locked" in caplog.text

    # Minutes later the dashboard says what has not happened yet.
    with time_machine.travel(go_live + timedelta(minutes=7)):
        dashboard = moderation.get("/admin/").content.decode()
        assert "Geplante Änderungen, die noch nicht erfolgt sind" in dashboard
        assert "Embargo bis zehn Uhr" in dashboard

        call_command("run_scheduler", once=True)  # the next minute's run
        release.refresh_from_db()
        assert release.live
        assert "Embargo bis zehn Uhr" in client.get(news_index_de.url).content.decode()
        assert "Geplante Änderungen" not in moderation.get("/admin/").content.decode()


def test_other_due_releases_go_live_when_one_fails(login, news_index_de):
    moderation = login("moderation")
    go_live = timezone.now() + timedelta(hours=1)
    broken = schedule_release(moderation, news_index_de, "Kaputte Meldung", go_live)
    fine = schedule_release(moderation, news_index_de, "Gute Meldung", go_live + timedelta(minutes=1))
    original_save = NewsPage.save

    def always_locked(self, *args, **kwargs):
        if self.pk == broken.pk and self.live:
            raise OperationalError("database is locked")
        return original_save(self, *args, **kwargs)

    with time_machine.travel(go_live + timedelta(minutes=5)), mock.patch.object(NewsPage, "save", always_locked):
        call_command("run_scheduler", once=True)
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert fine.live and not broken.live
    assert broken.revisions.filter(approved_go_live_at__isnull=False).exists()
