"""Editors: every page type and snippet opens in the Wagtail admin, in German."""

from wagtail.models import Page

import pytest

from events.models import EventIndexPage, EventSeriesPage
from home.models import HomePage
from members.models import MemberIndexPage
from news.models import NewsIndexPage
from partners.models import PartnerIndexPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("parent_model", "app", "model"),
    [
        (HomePage, "home", "standardpage"),
        (NewsIndexPage, "news", "newspage"),
        (PartnerIndexPage, "partners", "partnerpage"),
        (MemberIndexPage, "members", "memberpage"),
        (EventIndexPage, "events", "eventseriespage"),
        (EventIndexPage, "events", "eventpage"),
        (EventSeriesPage, "events", "eventpage"),
    ],
)
def test_editors_can_open_the_add_form_of_every_page_type(admin_client, german, parent_model, app, model):
    parent = parent_model.objects.get(locale=german)
    response = admin_client.get(f"/admin/pages/add/{app}/{model}/{parent.pk}/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200


def test_editors_can_open_every_demo_page_for_editing(admin_client):
    for page in Page.objects.filter(depth__gte=2, locale__language_code="de"):
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page.title


@pytest.mark.parametrize(
    "snippet", ["news/topic", "news/presscontact", "partners/partnerrole", "partners/fundingnotice"]
)
def test_editors_can_list_and_add_snippets(admin_client, snippet):
    assert admin_client.get(f"/admin/snippets/{snippet}/").status_code == 200
    assert admin_client.get(f"/admin/snippets/{snippet}/add/").status_code == 200


def test_site_settings_open(admin_client):
    assert admin_client.get("/admin/settings/core/sitesettings/").status_code in (200, 302)
