from django.utils.text import slugify

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import pytest

from events.models import EventIndexPage
from members.models import MemberPage
from news.models import NewsIndexPage, NewsPage


@pytest.fixture
def login(client, account, verified_login):
    def as_user(username):
        return verified_login(client, account(username))

    return as_user


@pytest.fixture
def news_index_de(german):
    return NewsIndexPage.objects.get(locale=german)


@pytest.fixture
def event_index_de(german):
    return EventIndexPage.objects.get(locale=german)


@pytest.fixture
def release_pair(german, english):
    """A German demo release and its English translation."""
    source = NewsPage.objects.filter(locale=german).order_by("path").first()
    return source, NewsPage.objects.get(translation_key=source.translation_key, locale=english)


def translate_title(source_page, locale, text, user):
    """What the translation editor stores when a string is edited (a draft)."""
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segment = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={"data": text, "translation_type": "manual", "last_translated_by": user},
    )
    return translation


@pytest.fixture
def wuppertal(german):
    return MemberPage.objects.get(locale=german, city="Wuppertal")


def release_form(title, lead="Ein Vorspann für die Presse.", **extra):
    """The press-release form as the admin posts it (no JavaScript needed)."""
    data = {
        "title": title,
        "slug": slugify(title),
        "date": "",
        "dateline": "Wuppertal",
        "lead": lead,
        "lead_image_alt": "",
        "lead_image_caption": "",
        "body": streamfield([("paragraph", rich_text(f"<p>{lead}</p>"))]),
        "topic_links": inline_formset([]),
        "member_links": inline_formset([]),
        "partner_links": inline_formset([]),
        "press_photos": inline_formset([]),
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        "listing_summary": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)
