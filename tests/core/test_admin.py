"""Editors: every page type, snippet and the site settings open in the
Wagtail admin, in German, with the fields and values editors work with."""

from django.apps import apps
from django.utils import translation

from wagtail.models import Page

import pytest

from core.models import SiteSettings
from tests.conftest import soup

pytestmark = pytest.mark.django_db


def german_name(model):
    with translation.override("de"):
        return str(model._meta.verbose_name)


@pytest.mark.parametrize(
    ("parent_label", "label", "fields"),
    [
        ("home.HomePage", "home.StandardPage", ["title", "intro", "slug"]),
        ("news.NewsIndexPage", "news.NewsPage", ["title", "date", "dateline", "lead", "lead_image_alt", "slug"]),
        ("partners.PartnerIndexPage", "partners.PartnerPage", ["title", "short_name", "summary", "website"]),
        ("members.MemberIndexPage", "members.MemberPage", ["title", "city", "federal_state", "office_name"]),
        ("events.EventIndexPage", "events.EventSeriesPage", ["title", "intro", "slug"]),
        ("events.EventIndexPage", "events.EventPage", ["title", "start", "end", "event_format", "venue_name"]),
        ("events.EventSeriesPage", "events.EventPage", ["title", "start", "host_member", "registration_url"]),
    ],
)
def test_the_add_form_of_every_page_type_has_its_fields_in_german(admin_client, german, parent_label, label, fields):
    model = apps.get_model(label)
    parent = apps.get_model(parent_label).objects.filter(locale=german).first()
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "de"
    assert german_name(model) in page.find("h1").get_text(" ", strip=True)
    form = page.find("form", id="page-edit-form")
    missing = [name for name in fields if not form.find(attrs={"name": name})]
    assert not missing, f"{label}: no field {missing}"
    assert form.find(string=lambda text: text and "Veröffentlichen" in text) or form.find(
        attrs={"name": "action-publish"}
    )


def test_a_demo_page_of_every_type_opens_for_editing_with_its_title(admin_client):
    first_of_each_type = {}
    for page in Page.objects.filter(depth__gte=2, locale__language_code="de").order_by("path"):
        first_of_each_type.setdefault(page.content_type_id, page)
    assert len(first_of_each_type) == 18
    for page in first_of_each_type.values():
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/", HTTP_ACCEPT_LANGUAGE="de")
        assert response.status_code == 200, page.title
        assert soup(response).find(attrs={"name": "title"})["value"] == page.title


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("news.Topic", "name"),
        ("news.PressContact", "name"),
        ("partners.PartnerRole", "name"),
        ("partners.FundingNotice", "wording"),
    ],
)
def test_snippets_list_the_demo_entries_and_open_an_empty_form(admin_client, german, label, field):
    model = apps.get_model(label)
    path = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/"
    listing = soup(admin_client.get(path, HTTP_ACCEPT_LANGUAGE="de")).get_text(" ", strip=True)
    for entry in model.objects.filter(locale=german):
        assert str(entry) in listing
    add = admin_client.get(f"{path}add/", HTTP_ACCEPT_LANGUAGE="de")
    assert add.status_code == 200
    field_input = soup(add).find(attrs={"name": field})
    assert field_input is not None and not (field_input.get("value") or field_input.get_text())


def test_site_settings_open_with_the_saved_values(admin_client):
    response = admin_client.get("/admin/settings/core/sitesettings/", HTTP_ACCEPT_LANGUAGE="de", follow=True)
    assert response.status_code == 200
    settings = SiteSettings.objects.get()
    form = soup(response)
    assert form.find(attrs={"name": "organisation_name"})["value"] == settings.organisation_name
    assert form.find(attrs={"name": "email"})["value"] == settings.email
