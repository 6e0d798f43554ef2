from django.contrib.auth import get_user_model
from django.utils.text import slugify

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import EventIndexPage
from members.models import MemberPage
from news.models import NewsIndexPage

PASSWORD = "ein-langes-testpasswort"


@pytest.fixture
def account(db):
    """The demo account of a role, with a password the test knows."""

    def get(username):
        user = get_user_model().objects.get(username=username)
        user.set_password(PASSWORD)
        user.save()
        return user

    return get


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
