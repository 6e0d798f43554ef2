"""The listings' precomputed indexes follow every edit of a release or an
event, re-reading only the pages the edit changed (core.caching.precomputed)."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest

from core.caching import precomputed
from events import schedule
from events.models import EventIndexPage, EventPage
from members.models import MemberPage
from news import listing
from news.models import NewsIndexPage, NewsPage, NewsPageMember, NewsPageTopic, Topic
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """(name, owner pk) of the values built whole (instead of updated) from now on."""
    built = []
    for name, (model, build, update) in list(precomputed._REGISTRY.items()):

        def counted(owner, build=build, name=name):
            built.append((name, owner.pk))
            return build(owner)

        monkeypatch.setitem(precomputed._REGISTRY, name, (model, counted, update))
    return built


def publish(page):
    page.save_revision().publish()


def test_the_news_listing_follows_each_edit_of_a_release_without_building_it_again(german, builds):
    index = NewsIndexPage.objects.get(locale=german)
    precomputed.get("news-listing", index)  # as a visitor's request leaves it
    builds.clear()
    releases = list(NewsPage.objects.child_of(index).live().order_by("date"))
    oldest, older, old = releases[:3]

    def readable(release_index):
        """Each entry with the translation keys of its member cities (the
        numbering of the keys may differ)."""
        return [
            (*entry[:4], sorted(release_index.members[number] for number in entry[4]))
            for entry in release_index.entries
        ]

    def check():
        assert readable(precomputed.get("news-listing", index)) == readable(listing.build(index))

    # Dated anew: first in the listing.
    oldest.date = timezone.now() - timedelta(minutes=1)
    publish(oldest)
    check()
    assert precomputed.get("news-listing", index).visible(timezone.now().timestamp())[0][1] == oldest.pk
    # Filed under a topic, naming a member city.
    topic = Topic.objects.filter(locale=german).exclude(news_links__page=older).first()
    NewsPageTopic.objects.create(page=older, topic=topic, locale=german)
    member = MemberPage.objects.filter(locale=german).live().first()
    NewsPageMember.objects.create(page=older, member=member, locale=german)
    publish(NewsPage.objects.get(pk=older.pk))
    check()
    assert older.pk in precomputed.get("news-listing", index).filtered(
        timezone.now().timestamp(), topic_id=topic.pk, member_key=str(member.translation_key)
    )
    # Unpublished, deleted, written new.
    old.unpublish()
    check()
    NewsPage.objects.get(pk=older.pk).delete()
    check()
    new = NewsPageFactory(parent=index, date=timezone.now() - timedelta(hours=2))
    check()
    assert new.pk in [entry[1] for entry in precomputed.get("news-listing", index).entries]
    assert older.pk not in [entry[1] for entry in precomputed.get("news-listing", index).entries]
    assert old.pk not in [entry[1] for entry in precomputed.get("news-listing", index).entries]
    assert ("news-listing", index.pk) not in builds


def test_the_event_schedule_and_calendar_follow_each_edit_of_an_event_without_building_them_again(german, builds):
    index = EventIndexPage.objects.get(locale=german)
    precomputed.get("event-schedule", index)
    precomputed.get("event-calendar", index)
    builds.clear()
    first, second = EventPage.objects.descendant_of(index).live().order_by("start")[:2]

    def written(calendar):
        """The VEVENTs without their DTSTAMP (when each was written)."""
        return {pk: re.sub(rb"DTSTAMP:\w+\r\n", b"", vevent) for pk, vevent in calendar.items()}

    def check():
        assert precomputed.get("event-schedule", index) == schedule.build(index)
        assert written(precomputed.get("event-calendar", index)) == written(schedule.build_calendar(index))

    first.start = timezone.now() + timedelta(days=400)
    first.end = first.start + timedelta(hours=2)
    first.title = "Verschoben ins nächste Jahr"
    publish(first)
    check()
    assert precomputed.get("event-schedule", index)[-1].pk == first.pk
    assert b"Verschoben ins n" in precomputed.get("event-calendar", index)[first.pk]
    second.unpublish()
    check()
    assert second.pk not in precomputed.get("event-calendar", index)
    new = EventPageFactory(parent=index, start=timezone.now() + timedelta(days=3))
    check()
    EventPage.objects.get(pk=first.pk).delete()
    check()
    assert [item.pk for item in precomputed.get("event-schedule", index)].count(new.pk) == 1
    assert ("event-schedule", index.pk) not in builds
    assert ("event-calendar", index.pk) not in builds


def test_a_renewal_waits_for_another_of_the_same_value_and_gives_up_after_the_lock_time(german, monkeypatch):
    """Two edits committing together: the second starts from the value with
    the first's change, never from the value before it."""
    index = NewsIndexPage.objects.get(locale=german)
    precomputed.get("news-listing", index)
    lock = precomputed._one_at_a_time(precomputed._version_key("news-listing", index.pk))
    with lock as alone:
        assert alone
        monkeypatch.setattr(precomputed, "LOCK_SECONDS", 0.2)  # held for 30 s, waited for 0.2
        with precomputed._one_at_a_time(precomputed._version_key("news-listing", index.pk)) as second:
            assert not second  # waited its time, then leaves the value to the next request
    with precomputed._one_at_a_time(precomputed._version_key("news-listing", index.pk)) as third:
        assert third  # released
