"""Addresses of new pages are plain ASCII with umlauts written out."""

import pytest

from news.models import NewsPage
from tests.workflow.conftest import release_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("beratung-für-betroffene", "beratung-fuer-betroffene"),
        ("Straße-der-Vielfalt", "strasse-der-vielfalt"),
        ("café-öffnet", "cafe-oeffnet"),
    ],
)
def test_a_new_pages_slug_writes_umlauts_out(login, news_index_de, typed, stored):
    client = login("redaktion")
    data = release_form("Beratung für Betroffene", slug=typed)
    response = client.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = NewsPage.objects.get(title="Beratung für Betroffene")
    assert page.slug == stored
    assert page.url_path.endswith(f"/{stored}/")


def test_a_slug_that_is_taken_once_written_out_is_refused_with_wagtails_message(login, news_index_de):
    client = login("redaktion")
    data = release_form("Erste Meldung", slug="fuer-alle")
    assert client.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data).status_code == 302
    data = release_form("Zweite Meldung", slug="für-alle")
    response = client.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert not NewsPage.objects.filter(title="Zweite Meldung").exists()
