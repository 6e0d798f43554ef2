import pytest

from members.models import MemberIndexPage
from news.models import NewsIndexPage
from tests.factories import without_the_demo_pages


@pytest.fixture
def directory_de(db, german):
    return MemberIndexPage.objects.get(locale=german)


@pytest.fixture
def directory_en(db, english):
    return MemberIndexPage.objects.get(locale=english)


@pytest.fixture
def empty_directory_de(directory_de, directory_en):
    """The German member directory without the demo's offices (and the
    English one without their translations), for a test to fill itself."""
    return without_the_demo_pages(directory_de, directory_en)[0]


@pytest.fixture
def news_index_de(db, german):
    return NewsIndexPage.objects.get(locale=german)
