"""The second step of the admin login: who must set one up, codes, recovery
codes, passkeys' place, and the lockout that counts wrong codes."""

import re

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD, soup

pytestmark = pytest.mark.django_db


def code_for(device, steps_ahead=0):
    """The code the user's app shows now (or that many 30-second steps later)."""
    return (
        f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead):0{device.digits}d}"
    )


def wrong_code(device):
    right = int(code_for(device))
    return f"{(right + 500_000) % 1_000_000:06d}"


def password_login(client, username, address="203.0.113.5"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def enter_code(client, code, address="203.0.113.5"):
    return client.post("/admin/2fa/verify/", {"code": code, "next": "/admin/pages/"}, REMOTE_ADDR=address)


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("chefin", "chefin@example.org", PASSWORD)


@pytest.fixture
def with_app(superuser):
    return TOTPDevice.objects.create(user=superuser, name="Handy", confirmed=True)


def test_a_superuser_without_a_second_factor_must_set_one_up_before_the_admin_opens(client, superuser):
    response = password_login(client, "chefin")
    assert response.status_code == 302
    # Every admin page leads to the setup until it is done.
    for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/2fa/"):
        redirect = client.get(url)
        assert redirect.status_code == 302, url
        assert redirect["Location"].startswith("/admin/2fa/setup/"), url
    # The admin's icons, which every admin page (the setup too) loads, are served.
    assert client.get("/admin/sprite/").status_code == 200

    page = client.get("/admin/2fa/setup/?next=/admin/pages/")
    assert page.status_code == 200
    html = soup(page)
    # The QR code is drawn by the site, inline; the secret is there as text too.
    assert html.select_one("figure.twofactor-qr svg path") is not None
    assert not html.select("figure.twofactor-qr img")
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    secret = html.select_one("#twofactor-secret").get_text().replace(" ", "")
    assert device.config_url.split("secret=")[1].startswith(secret)

    refused = client.post("/admin/2fa/setup/", {"code": wrong_code(device), "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert client.get("/admin/").status_code == 302

    confirmed = client.post("/admin/2fa/setup/", {"code": code_for(device), "next": "/admin/pages/"})
    assert confirmed.status_code == 200
    codes = [code.get_text() for code in soup(confirmed).select(".twofactor-recovery-codes code")]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert soup(confirmed).find("a", href="/admin/pages/") is not None
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    # Shown once: the device page only counts them.
    devices = client.get("/admin/2fa/").content.decode()
    assert not any(code in devices for code in codes)


def test_with_an_app_a_wrong_code_is_refused_and_the_right_one_lets_in(client, with_app):
    response = password_login(client, "chefin")
    assert client.get("/admin/pages/")["Location"] == "/admin/2fa/verify/?next=%2Fadmin%2Fpages%2F"

    refused = enter_code(client, wrong_code(with_app))
    assert refused.status_code == 200
    assert soup(refused).select(".messages .error")
    assert client.get("/admin/").status_code == 302

    response = enter_code(client, code_for(with_app))
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_works_once(client, with_app):
    password_login(client, "chefin")
    from twofactor.policy import new_recovery_codes

    codes = new_recovery_codes(with_app.user)
    assert enter_code(client, codes[3].upper()).status_code == 302  # typed in capitals
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=with_app.user).count() == 9

    client.post("/admin/logout/")
    password_login(client, "chefin")
    assert enter_code(client, codes[3]).status_code == 200  # used up
    assert client.get("/admin/").status_code == 302
    assert enter_code(client, codes[4]).status_code == 302


def test_an_editor_without_a_second_factor_logs_in_with_the_password_only(client, account):
    account("redaktion")
    response = password_login(client, "redaktion")
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_moderation_must_set_up_a_second_factor_and_is_asked_in_its_language(client, account):
    account("moderation")
    password_login(client, "moderation")
    setup = client.get("/admin/", follow=True)
    assert setup.redirect_chain[-1][0].startswith("/admin/2fa/setup/")
    text = setup.content.decode()
    assert "Authenticator-App einrichten" in text
    assert soup(setup).find("html")["lang"] == "de"


def test_an_editor_who_added_an_app_is_asked_for_it(client, account):
    editor = account("redaktion")
    device = TOTPDevice.objects.create(user=editor, name="Handy", confirmed=True)
    password_login(client, "redaktion")
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")
    assert enter_code(client, code_for(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_wrong_codes_count_as_failed_logins_and_lock_the_account(client, with_app):
    password_login(client, "chefin")
    for _ in range(4):
        assert enter_code(client, wrong_code(with_app)).status_code == 200
    locked = enter_code(client, wrong_code(with_app))
    assert locked.status_code == 429
    assert "15" in locked.content.decode()
    # Logged out, and the password is refused too, from anywhere, until an admin unlocks.
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert password_login(client, "chefin", address="198.51.100.9").status_code == 429
    call_command("axes_reset_username", "chefin")
    assert password_login(client, "chefin").status_code == 302


def test_logging_in_again_with_the_password_does_not_clear_the_wrong_codes(client, with_app):
    password_login(client, "chefin")
    for _ in range(3):
        enter_code(client, wrong_code(with_app))
    client.post("/admin/logout/")
    password_login(client, "chefin")
    enter_code(client, wrong_code(with_app))
    assert enter_code(client, wrong_code(with_app)).status_code == 429


def test_the_right_code_clears_the_count(client, with_app):
    password_login(client, "chefin")
    for _ in range(4):
        enter_code(client, wrong_code(with_app))
    assert enter_code(client, code_for(with_app)).status_code == 302
    client.post("/admin/logout/")
    password_login(client, "chefin")
    for _ in range(4):
        assert enter_code(client, wrong_code(with_app)).status_code == 200


def test_before_the_second_step_private_pages_treat_the_user_as_anonymous(client, with_app, home_de):
    from wagtail.models import PageViewRestriction

    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_de, slug="nur-intern", title="Nur intern")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    password_login(client, "chefin")
    assert client.get("/de/nur-intern/").status_code == 302  # to the login
    enter_code(client, code_for(with_app))
    assert client.get("/de/nur-intern/").status_code == 200


def test_otp_reset_removes_the_second_factor_and_the_next_login_sets_up_anew(client, with_app):
    from twofactor.policy import new_recovery_codes

    new_recovery_codes(with_app.user)
    out = call_command("otp_reset", "chefin")
    assert out is None
    assert not TOTPDevice.objects.filter(user=with_app.user).exists()
    assert not StaticToken.objects.filter(device__user=with_app.user).exists()
    password_login(client, "chefin")
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


def test_users_manage_their_devices_from_the_account_menu(admin_client, admin_user):
    account = admin_client.get("/admin/account/").content.decode()
    assert 'href="/admin/2fa/"' in account
    page = admin_client.get("/admin/2fa/")
    assert page.status_code == 200
    html = soup(page)
    # Passkeys are added with the package's script, served by the site itself.
    scripts = [script.get("src") for script in html.select("script[src]")]
    assert any("django_otp_webauthn/otp_webauthn_register" in src for src in scripts)
    assert all(src.startswith("/") and not src.startswith("//") for src in scripts)
    assert html.select_one("#passkey-registration-available-template") is not None

    # The only app of a superuser cannot be removed.
    device = TOTPDevice.objects.get(user=admin_user)
    refused = admin_client.post(f"/admin/2fa/apps/{device.pk}/remove/", follow=True)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert refused.status_code == 200

    # New recovery codes replace the old ones.
    first = admin_client.post("/admin/2fa/recovery-codes/")
    second = admin_client.post("/admin/2fa/recovery-codes/")
    codes = {code.get_text() for code in soup(first).select(".twofactor-recovery-codes code")}
    assert len(codes) == 10
    assert set(StaticToken.objects.filter(device__user=admin_user).values_list("token", flat=True)) == {
        code.get_text() for code in soup(second).select(".twofactor-recovery-codes code")
    }


def test_an_editor_may_remove_its_app_and_then_logs_in_with_the_password_only(client, account, verified_login):
    editor = account("redaktion")
    verified_login(client, editor)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(f"/admin/2fa/apps/{device.pk}/remove/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.post("/admin/logout/")
    password_login(client, "redaktion")
    assert client.get("/admin/").status_code == 200


def test_the_passkey_step_loads_its_script_from_the_site(client, with_app):
    from django_otp_webauthn.models import WebAuthnCredential

    WebAuthnCredential.objects.create(
        user=with_app.user, name="Laptop", confirmed=True, credential_id=b"x" * 16, public_key=b"y" * 16, sign_count=0
    )
    password_login(client, "chefin")
    html = soup(client.get("/admin/2fa/verify/?next=/admin/"))
    scripts = [script.get("src") for script in html.select("script[src]")]
    assert any("otp_webauthn_auth" in src for src in scripts)
    assert all(src.startswith("/") and not src.startswith("//") for src in scripts)
    assert html.select_one("#passkey-verification-available-template") is not None
    # The ceremony's endpoints are open before the second step, the registration is not.
    assert client.post("/admin/2fa/passkeys/authentication/begin/").status_code == 200
    assert client.post("/admin/2fa/passkeys/registration/begin/").status_code == 302


def test_ensure_admin_says_how_the_admin_sets_up_the_second_factor(capsys):
    get_user_model().objects.filter(is_superuser=True).delete()
    call_command("ensure_admin")
    out = capsys.readouterr().out
    assert re.search(r"second factor", out)
    assert "otp_reset" in out
