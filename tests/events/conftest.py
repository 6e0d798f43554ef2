from wagtail.models import Locale

import factory
import pytest
import wagtail_factories

from events.models import EventIndexPage, EventSeriesPage
from members.models import MemberIndexPage
from partners.models import PartnerIndexPage, PartnerPage
from tests.factories import without_the_demo_pages


class EventSeriesPageFactory(wagtail_factories.PageFactory):
    """A live series; pass parent=<EventIndexPage>. Its modules are the events built below it."""

    class Meta:
        model = EventSeriesPage

    title = factory.Sequence(lambda n: f"Testreihe {n}")
    intro = "Eine Reihe von Modulen."
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


class PartnerPageFactory(wagtail_factories.PageFactory):
    """A live partner; pass parent=<PartnerIndexPage>."""

    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Testpartner {n}")
    summary = "Ein Partner des Netzwerks."
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


@pytest.fixture
def index_de(db, german):
    return EventIndexPage.objects.get(locale=german)


@pytest.fixture
def index_en(db, english):
    return EventIndexPage.objects.get(locale=english)


@pytest.fixture
def empty_index_de(index_de, index_en):
    """The German event index without the demo's events and series (the
    English index is emptied too: the translations would be left there)."""
    return without_the_demo_pages(index_de, index_en)[0]


@pytest.fixture
def empty_index_en(empty_index_de, index_en):
    """The English event index, emptied with the German one."""
    return EventIndexPage.objects.get(pk=index_en.pk)


@pytest.fixture
def members_de(db, german):
    return MemberIndexPage.objects.get(locale=german)


@pytest.fixture
def members_en(db, english):
    return MemberIndexPage.objects.get(locale=english)


@pytest.fixture
def partners_de(db, german):
    return PartnerIndexPage.objects.get(locale=german)
