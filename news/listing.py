"""The news listing's precomputed index: every release of a news index in
listing order, with what the filters ask (year, topics, cities).

Built when a release of the index is published, changed, unpublished,
moved or deleted (core.caching.precomputed), read by every listing request: any
page number and any filter costs the same, and the counts of the archive
links come from it, not from aggregating the releases per request.
Releases dated ahead are in the index and appear when their date comes.
"""

import bisect
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone

from core.localization import real_pages


@dataclass(frozen=True)
class ReleaseIndex:
    # One entry per release, newest first (date, then pk, descending):
    # (timestamp, pk, year, topic ids, indexes into `members`).
    entries: tuple
    # Translation keys of the member cities the releases name.
    members: tuple

    # The entries' timestamps negated (ascending), to find a moment in them.
    negated_times: tuple

    def _visible_from(self, now):
        """Position of the first release dated now or earlier."""
        return bisect.bisect_left(self.negated_times, -now)

    def visible(self, now):
        return self.entries[self._visible_from(now) :]

    def next_release_due(self, now):
        """When the next release dated ahead appears (a timestamp), or None."""
        start = self._visible_from(now)
        return self.entries[start - 1][0] if start else None

    def _remembered(self, key, compute):
        """What the methods below derive, remembered on this (immutable)
        index for the worker's next requests: the visible releases change
        only when a release dated ahead comes due."""
        memo = self.__dict__.setdefault("_memo", {})
        if key not in memo:
            if len(memo) > 200:
                memo.clear()
            memo[key] = compute()
        return memo[key]

    def filtered(self, now, topic_id=None, member_key=None, year=None):
        """The pks of the visible releases that match, in listing order."""
        member = self.members.index(member_key) if member_key in self.members else None
        if member_key is not None and member is None:
            return []
        start = self._visible_from(now)
        return self._remembered(
            ("filtered", start, topic_id, member, year),
            lambda: [
                entry[1]
                for entry in self.entries[start:]
                if (topic_id is None or topic_id in entry[3])
                and (member is None or member in entry[4])
                and (year is None or entry[2] == year)
            ],
        )

    def year_counts(self, now):
        """[{"year": 2026, "count": 12}, …], newest year first."""
        start = self._visible_from(now)

        def compute():
            counts = Counter(entry[2] for entry in self.entries[start:])
            return [{"year": year, "count": counts[year]} for year in sorted(counts, reverse=True)]

        return self._remembered(("years", start), compute)

    def topic_counts(self, now):
        """{topic id: number of visible releases filed under it}."""
        start = self._visible_from(now)
        return self._remembered(
            ("topics", start), lambda: Counter(topic for entry in self.entries[start:] for topic in entry[3])
        )

    def __getstate__(self):
        # What is remembered stays in the worker's memory, out of the shared cache.
        return {name: value for name, value in self.__dict__.items() if name != "_memo"}


def _rows(index, only=None, member_keys=None):
    """Entries (listing order) of the index's releases, or of those among
    the pks in `only`, with the member keys numbered in `member_keys`."""
    from news.models import NewsPage, NewsPageMember, NewsPageTopic

    releases = real_pages(NewsPage.objects.child_of(index)).filter(date__isnull=False)
    if only is not None:
        releases = releases.filter(pk__in=only)
    rows = list(releases.order_by("-date", "-pk").values_list("pk", "date"))
    if not rows:
        return []
    ids = [pk for pk, _date in rows] if only is not None else releases.values("pk")
    topics, members = {}, {}
    for page_id, topic_id in NewsPageTopic.objects.filter(page__in=ids).values_list("page_id", "topic_id"):
        topics.setdefault(page_id, []).append(topic_id)
    for page_id, key in NewsPageMember.objects.filter(page__in=ids).values_list("page_id", "member__translation_key"):
        members.setdefault(page_id, []).append(member_keys.setdefault(str(key), len(member_keys)))
    zone = timezone.get_default_timezone()
    return [
        (date.timestamp(), pk, date.astimezone(zone).year, tuple(topics.get(pk, ())), tuple(members.get(pk, ())))
        for pk, date in rows
    ]


def _index(entries, member_keys):
    entries = tuple(entries)
    return ReleaseIndex(entries, tuple(member_keys), tuple(-entry[0] for entry in entries))


def build(index):
    """The ReleaseIndex of a news index page (three queries)."""
    member_keys = {}
    return _index(_rows(index, member_keys=member_keys), member_keys)


def update(index, release_index, page_ids):
    """The ReleaseIndex with the releases among `page_ids` read again (at
    most three queries, however many releases the index holds)."""
    member_keys = {key: number for number, key in enumerate(release_index.members)}
    fresh = _rows(index, only=page_ids, member_keys=member_keys)
    kept = [entry for entry in release_index.entries if entry[1] not in page_ids]
    return _index(sorted(kept + fresh, key=lambda entry: (entry[0], entry[1]), reverse=True), member_keys)
