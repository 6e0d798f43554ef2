"""Password guessing is throttled: admin logins and page passwords."""

from django.core.management import call_command

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(client, username, password, address="203.0.113.5"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="de",
    )


def test_five_wrong_admin_passwords_lock_the_account_with_a_clear_message(client, account):
    account("redaktion")
    for _ in range(4):
        assert attempt(client, "redaktion", "falsch-geraten-123").status_code == 200  # the form again
    assert attempt(client, "redaktion", "falsch-geraten-123").status_code == 429
    locked = attempt(client, "redaktion", PASSWORD)
    assert locked.status_code == 429
    assert "Zu viele Fehlversuche" in locked.content.decode()
    assert "15 Minuten" in locked.content.decode()
    # From another address too: the account itself is locked.
    assert attempt(client, "redaktion", PASSWORD, address="198.51.100.9").status_code == 429
    # An admin unlocks it; then the right password works.
    call_command("axes_reset_username", "redaktion")
    assert attempt(client, "redaktion", PASSWORD).status_code == 302


def test_one_address_guessing_many_accounts_is_locked_out(client, account):
    for username in ("redaktion", "moderation", "wuppertal", "uebersetzung", "admin"):
        attempt(client, username, "falsch-geraten-123", address="192.0.2.77")
    account("moderation")
    assert attempt(client, "moderation", PASSWORD, address="192.0.2.77").status_code == 429
    # Others are not affected.
    assert attempt(client, "moderation", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_successful_login_clears_the_count(client, account):
    account("redaktion")
    for _ in range(4):
        attempt(client, "redaktion", "falsch-geraten-123")
    assert attempt(client, "redaktion", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "redaktion", "falsch-geraten-123")
    assert attempt(client, "redaktion", PASSWORD).status_code == 302


def test_guessing_a_page_password_is_throttled_too(client, home_de):
    from wagtail.models import PageViewRestriction

    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_de, slug="intern", title="Interne Seite")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="richtiges-passwort-2026"
    )
    url = f"/de/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    form = {"password": "geraten", "return_url": page.url}
    for _ in range(5):
        assert client.post(url, form, REMOTE_ADDR="203.0.113.5").status_code == 200  # the form again
    right = {"password": "richtiges-passwort-2026", "return_url": page.url}
    locked = client.post(url, right, REMOTE_ADDR="203.0.113.5")
    assert locked.status_code == 429
    assert "Zu viele Fehlversuche" in locked.content.decode()
    # Another visitor still gets in.
    assert client.post(url, right, REMOTE_ADDR="198.51.100.9").status_code == 302


def forwarded(client, username, forwarded_for):
    """A login through the TLS proxy: REMOTE_ADDR is the proxy's."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": "falsch-geraten-123"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_a_proxy_one_guesser_does_not_lock_out_everybody(client, account, settings):
    settings.TRUSTED_PROXIES = 1
    for username in ("nobody-1", "nobody-2", "nobody-3", "nobody-4", "nobody-5"):
        forwarded(client, username, "192.0.2.77")
    assert forwarded(client, "nobody-6", "192.0.2.77").status_code == 429
    # Another visitor through the same proxy still gets the form.
    assert forwarded(client, "nobody-7", "198.51.100.9").status_code == 200
    # Writing another address in front does not help the guesser: the
    # proxy appends the address it saw.
    assert forwarded(client, "nobody-8", "198.51.100.9, 192.0.2.77").status_code == 429


def test_without_trusted_proxies_a_forged_header_changes_nothing(client, account, settings):
    settings.TRUSTED_PROXIES = 0
    for number in range(5):
        forwarded(client, f"nobody-{number}", f"198.51.100.{number}")
    assert forwarded(client, "nobody-9", "198.51.100.99").status_code == 429


def test_behind_a_proxy_page_passwords_are_throttled_per_visitor(client, home_de, settings):
    from wagtail.models import PageViewRestriction

    from tests.factories import StandardPageFactory

    settings.TRUSTED_PROXIES = 1
    page = StandardPageFactory(parent=home_de, slug="intern-2", title="Interne Seite")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="richtiges-passwort-2026"
    )
    url = f"/de/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        client.post(url, {"password": "geraten", "return_url": page.url}, HTTP_X_FORWARDED_FOR="192.0.2.77", **proxy)
    right = {"password": "richtiges-passwort-2026", "return_url": page.url}
    assert client.post(url, right, HTTP_X_FORWARDED_FOR="192.0.2.77", **proxy).status_code == 429
    assert client.post(url, right, HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy).status_code == 302
