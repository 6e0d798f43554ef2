"""Background tasks of the search (run by the task worker, core/tasks.py)."""

import datetime

from django.db import transaction
from django.db.models import F

from django_tasks import task


@task()
def record_search_hits(hits, day):
    """Add `hits` ({query string: searches}) to the search terms report for `day` (ISO date)."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    date = datetime.date.fromisoformat(day)
    with transaction.atomic():
        for query_string, number in hits.items():
            query = Query.get(query_string)
            daily, _created = QueryDailyHits.objects.get_or_create(query=query, date=date)
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + number)
