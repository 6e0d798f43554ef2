"""The admin's own searches run on the same backend: both languages, and the promotions screens."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_admin_page_search_finds_pages_of_both_languages(admin_client):
    response = admin_client.get("/admin/pages/search/?q=Wuppertal")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Auftakt in Wuppertal" in body
    assert "Kickoff in Wuppertal" in body


def test_admin_page_search_completes_words_in_both_languages(admin_client):
    """The admin searches as you type (word beginnings, no stemming), on every database."""
    assert "Qualifizierungsreihe 2024" in admin_client.get("/admin/pages/search/?q=Qualifizierungs").content.decode()
    assert "Training series 2024" in admin_client.get("/admin/pages/search/?q=train").content.decode()


def test_promotions_can_be_managed_in_the_admin(admin_client, german):
    contact = Page.objects.get(locale=german, slug="kontakt")
    SearchPromotion.objects.create(query=Query.get("beratung"), page=contact, description="Beratung vor Ort")
    assert admin_client.get("/admin/searchpicks/").status_code == 200
    assert "beratung" in admin_client.get("/admin/searchpicks/").content.decode()
    assert admin_client.get("/admin/searchpicks/add/").status_code == 200
    assert admin_client.get("/admin/searchpicks/queries/chooser/?q=bera").status_code == 200
