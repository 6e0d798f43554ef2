"""Every page Wagtail or Django renders for visitors (403, CSRF failure,
login required, 400) comes in the site's design and the visitor's language."""

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def shown(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.html["lang"], soup.find("h1").get_text(strip=True), soup


@pytest.mark.parametrize(("language", "heading"), [("de", "Anmelden"), ("en", "Log in")])
def test_a_page_for_logged_in_users_asks_to_log_in_in_the_sites_design(client, language, heading):
    page = StandardPage.objects.filter(locale__language_code=language, live=True).first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert login.status_code == 200
    lang, h1, soup = shown(login)
    assert (lang, h1) == (language, heading)
    assert soup.find("a", class_="skip-link") or soup.find("a", href="#main")
    assert soup.find("footer")
    assert page.title not in login.content.decode()
    # Labelled fields, and a wrong password answered on the same page.
    assert soup.find("label", attrs={"for": "id_username"}) and soup.find("label", attrs={"for": "id_password"})
    wrong = client.post(login.request["PATH_INFO"], {"username": "niemand", "password": "falsch", "next": page.url})
    assert wrong.status_code == 200
    assert shown(wrong)[2].find(id="login-error")


@pytest.mark.parametrize(
    ("language", "heading"), [("de", "Das Formular ist abgelaufen"), ("en", "The form has expired")]
)
def test_a_form_sent_without_its_security_token_explains_what_to_do(language, heading):
    page = StandardPage.objects.filter(locale__language_code=language, live=True).first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "geheim", "return_url": page.url},
    )
    assert response.status_code == 403
    lang, h1, soup = shown(response)
    assert (lang, h1) == (language, heading)
    assert soup.find("footer")


def test_permission_denied_renders_the_sites_403(rf, german):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from core.views import permission_denied

    request = rf.get("/de/")
    request.user = AnonymousUser()
    with translation.override("de"):
        response = permission_denied(request).render()
    assert response.status_code == 403
    assert shown(response)[1] == "Zugriff verweigert"


def test_an_unknown_host_gets_a_400_not_a_server_error(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/de/", HTTP_HOST="evil.example")
    assert response.status_code == 400
