import pytest

from events.models import EventIndexPage
from members.models import MemberIndexPage
from partners.models import PartnerIndexPage
from tests.factories import without_the_demo_pages


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
