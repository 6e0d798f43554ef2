from django.db import transaction

import pytest

from news.models import NewsIndexPage, Topic


@pytest.fixture
def index_de(db, german):
    return NewsIndexPage.objects.get(locale=german)


@pytest.fixture
def index_en(db, english):
    return NewsIndexPage.objects.get(locale=english)


@pytest.fixture
def empty_index_de(index_de):
    """The German news index without the demo releases."""
    with transaction.atomic():  # one purge at the end
        for child in index_de.get_children():
            child.delete()
        for child in NewsIndexPage.objects.exclude(pk=index_de.pk).get().get_children():
            child.delete()
    return NewsIndexPage.objects.get(pk=index_de.pk)


@pytest.fixture
def topic_de(german):
    return Topic.objects.get(locale=german, slug="qualifizierung")
