import pytest

from members.models import MemberIndexPage
from news.models import NewsIndexPage, Topic
from tests.factories import translate, without_the_demo_pages


@pytest.fixture
def index_de(db, german):
    return NewsIndexPage.objects.get(locale=german)


@pytest.fixture
def index_en(db, english):
    return NewsIndexPage.objects.get(locale=english)


@pytest.fixture
def empty_index_de(index_de, index_en):
    """The German news index without the demo releases (the English index is
    emptied too: the translations would be left there)."""
    return without_the_demo_pages(index_de, index_en)[0]


@pytest.fixture
def empty_index_en(empty_index_de, index_en):
    """The English news index, emptied with the German one."""
    return NewsIndexPage.objects.get(pk=index_en.pk)


@pytest.fixture
def members_de(db, german):
    return MemberIndexPage.objects.get(locale=german)


@pytest.fixture
def topic_de(db, german, english):
    """A topic of the test's own, "Testthema" (?topic=testthema), with its
    English version "Test topic" (?topic=test-topic)."""
    topic = Topic.objects.create(locale=german, name="Testthema", slug="testthema")
    translation = topic.copy_for_translation(english)
    translation.name, translation.slug = "Test topic", "test-topic"
    translation.save()
    return topic


def translate_release(release, **fields):
    """The live English translation of a release (tests.factories.translate),
    filed under the English versions of its topics and naming the English
    pages of its member cities, as wagtail-localize's synchronisation files
    it: a plain copy would keep the German topics, which the English
    listing and feeds neither show nor filter by."""
    translation = translate(release, "en", **fields)
    topic_links, member_links = list(translation.topic_links.all()), list(translation.member_links.all())
    for link in topic_links:
        link.topic = link.topic.get_translation(translation.locale)
        link.save()
    for link in member_links:
        link.member = link.member.get_translation(translation.locale)
        link.save()
    if topic_links or member_links:
        # Published again, as the listing index reads a release's links when it is published.
        translation.save_revision().publish()
    return type(release).objects.get(pk=translation.pk)
