"""A superuser's first login sets up an authenticator app; the next login asks for its code."""

import re
import uuid
from base64 import b32decode

from django_otp.oath import totp

CREATE_SUPERUSER = """
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("{username}", "{username}@example.org", "{password}")
"""


def test_a_superuser_sets_up_an_app_at_the_first_login_and_logs_in_with_its_code_later(browser, site_url, manage):
    username, password = f"chefin{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
    manage("shell", "--no-imports", "-c", CREATE_SUPERUSER.format(username=username, password=password))
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))

    def sign_in():
        tab.goto(f"{site_url}/admin/login/")
        tab.fill("#id_username", username)
        tab.fill("#id_password", password)
        tab.get_by_role("button", name=re.compile("Anmelden|Sign in")).click()

    sign_in()
    tab.wait_for_url(re.compile(r"/admin/2fa/setup/"))
    # The admin stays closed until the app is confirmed.
    tab.goto(f"{site_url}/admin/pages/")
    assert "/admin/2fa/setup/" in tab.url
    assert tab.locator("figure.twofactor-qr svg").is_visible()
    key = b32decode(tab.locator("#twofactor-secret").inner_text().replace(" ", ""))
    tab.fill("#id_code", f"{totp(key):06d}")
    tab.get_by_role("button", name=re.compile("Bestätigen|Confirm")).click()

    codes = tab.locator(".twofactor-recovery-codes code")
    codes.first.wait_for()
    assert codes.count() == 10
    tab.get_by_role("link", name=re.compile("weiter|continue")).click()
    tab.wait_for_url(f"{site_url}/admin/pages/")

    # The device page (its passkey script included) loads nothing from elsewhere.
    tab.goto(f"{site_url}/admin/2fa/")
    assert tab.get_by_role("heading", name="Authenticator-Apps").is_visible()
    tab.wait_for_load_state("networkidle")

    # Log out from the account menu, and in again: now the code is asked for.
    tab.goto(f"{site_url}/admin/")
    tab.locator(".sidebar-footer__account").click()
    tab.get_by_role("button", name=re.compile("^(Abmelden|Log out)$")).click()
    tab.wait_for_url(re.compile(r"/admin/login/"))
    tab.goto(f"{site_url}/admin/pages/")
    assert "/admin/login/" in tab.url
    sign_in()
    tab.wait_for_url(re.compile(r"/admin/2fa/verify/"))
    tab.fill("#id_code", "000000" if totp(key) != 0 else "111111")
    tab.get_by_role("button", name=re.compile("Bestätigen|Confirm")).click()
    # The form comes back with the error (waits for the answer to the post).
    tab.locator(".messages .error").wait_for(state="visible")
    # The setup used this 30-second step's code; the app's next one is accepted too.
    tab.fill("#id_code", f"{totp(key, drift=1):06d}")
    tab.get_by_role("button", name=re.compile("Bestätigen|Confirm")).click()
    tab.wait_for_url(f"{site_url}/admin/")
    assert tab.locator("html").get_attribute("lang") == "de"
    context.close()

    foreign = [url for url in requests if not url.startswith(site_url)]
    assert foreign == []
