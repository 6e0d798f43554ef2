"""The password form of a private page or document is a page of the site:
its design, the visitor's language, labelled, and it gives nothing of the
protected page away."""

import re

from wagtail.models import Locale, PageViewRestriction

import pytest

from tests.core.test_media_files import private_document  # noqa: F401 - a fixture
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_page(home_de):
    page = StandardPageFactory(
        parent=home_de,
        slug="intern-protokoll",
        title="Geheimes Protokoll der Sitzung",
        search_description="Vertraulich",
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-2026")
    return page


@pytest.mark.parametrize(
    "language, heading, lead, button",
    [
        ("de", "Passwort erforderlich", "Diese Seite ist geschützt.", "Weiter"),
        ("en", "Password required", "This page is protected.", "Continue"),
    ],
)
def test_a_private_page_asks_for_its_password_in_the_sites_design(
    client, private_page, home_en, language, heading, lead, button
):
    page = private_page
    if language == "en":
        page = private_page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
        page.save_revision().publish()
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-2026"
        )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert f"<h1>{heading}</h1>" in html
    assert lead in html
    assert f">{button}</button>" in html
    assert 'class="site-header' in html and 'class="site-footer' in html  # the site's frame
    assert re.search(r'<label for="id_password">[^<]+</label>', html)
    assert 'name="robots" content="noindex"' in html
    # Nothing of the protected page: not its title, description or breadcrumbs.
    assert "Geheimes Protokoll" not in html and "Vertraulich" not in html
    assert "breadcrumb" not in html


def test_a_wrong_password_says_so_and_the_right_one_opens_the_page(client, private_page):
    restriction = PageViewRestriction.objects.get(page=private_page)
    url = f"/de/_util/authenticate_with_password/{restriction.pk}/{private_page.pk}/"
    wrong = client.post(url, {"password": "falsch", "return_url": private_page.url})
    html = wrong.content.decode()
    assert wrong.status_code == 200
    assert 'aria-invalid="true"' in html
    assert re.search(r'<p class="error" id="id_password-error">[^<]*Passwort', html), html
    right = client.post(url, {"password": "geheim-2026", "return_url": private_page.url})
    assert right.status_code == 302
    assert "Geheimes Protokoll" in client.get(private_page.url).content.decode()


def test_a_private_document_asks_in_the_sites_design_too(client, private_document):  # noqa: F811
    html = client.get(private_document.url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "<h1>Passwort erforderlich</h1>" in html
    assert "Dieses Dokument ist geschützt." in html
    assert 'class="site-header' in html
