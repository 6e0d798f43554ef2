"""A journalist subscribes to the press list in Chromium: the newsroom's
short form, the full form, the confirmation mail (sent by the served
copy's worker), the button that confirms, the manage page; axe finds
nothing on any of them and no cookie is set."""

import email
import email.policy
import re
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import SERVED_ENV

pytestmark = pytest.mark.browser


def mail_to(address, kind, timeout=30):
    """The link of `kind` in the newest mail to `address` the served copy wrote."""
    folder = Path(SERVED_ENV["EMAIL_FILE_PATH"])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(folder.glob("*"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.exists() else []:
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                message = email.message_from_bytes(raw.strip(), policy=email.policy.default)
                if address in str(message.get("To", "")):
                    body = message.get_body(preferencelist=("plain",)).get_content()
                    match = re.search(rf"https?://\S+/{kind}/\S+/", body)
                    if match:
                        return match.group(0)
        time.sleep(0.3)
    raise AssertionError(f"no mail with a {kind} link to {address}")


def no_axe_violations(tab):
    results = Axe().run(tab)
    assert results.violations_count == 0, results.generate_report()


def test_a_journalist_subscribes_confirms_and_changes_the_language(page, site_url):
    tab = page
    tab.goto(site_url + "/de/aktuelles/")
    tab.locator(".press-signup input[type=email]").fill("browser@example.org")
    tab.locator(".press-signup button").click()
    tab.wait_for_load_state()
    assert tab.url == site_url + "/de/aktuelles/presseverteiler/"
    assert tab.locator("#id_email").input_value() == "browser@example.org"
    tab.get_by_label("Deutsch und Englisch").check()
    tab.locator("#id_privacy_consent").check()
    tab.wait_for_timeout(4200)  # longer than the form's minimum fill time
    tab.locator("form.public-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.url == site_url + "/de/aktuelles/presseverteiler/sent/"

    tab.goto(mail_to("browser@example.org", "confirm"))
    no_axe_violations(tab)
    tab.get_by_role("button", name="Ja, schicken Sie mir die Pressemitteilungen").click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "Sie sind angemeldet"
    tab.get_by_role("link", name="Sprache oder Themen ändern oder abmelden").click()
    tab.wait_for_load_state()
    no_axe_violations(tab)
    tab.get_by_label("Englisch", exact=True).check()
    tab.get_by_role("button", name="Änderungen speichern").click()
    tab.wait_for_load_state()
    assert "Ihre Änderungen sind gespeichert." in tab.content()
    assert tab.get_by_label("Englisch", exact=True).is_checked()
    assert tab.context.cookies() == []
