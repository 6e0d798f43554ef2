"""What visitors searched for is kept for the promotions report 90 days at most."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

import pytest

pytestmark = pytest.mark.django_db


def test_the_scheduler_forgets_search_terms_older_than_90_days(client):
    client.get("/de/suche/?q=Beratung+Wuppertal")
    recent = Query.get("Beratung Wuppertal")
    assert recent.hits == 1
    old = Query.get("Diskriminierung am Arbeitsplatz")
    today = timezone.now().date()
    QueryDailyHits.objects.create(query=old, date=today - timedelta(days=91), hits=3)
    QueryDailyHits.objects.create(query=recent, date=today - timedelta(days=89), hits=2)

    call_command("run_scheduler", once=True)

    assert not Query.objects.filter(pk=old.pk).exists()
    assert Query.objects.get(pk=recent.pk).hits == 3
    assert not QueryDailyHits.objects.filter(date__lt=today - timedelta(days=90)).exists()
