"""A person writes to the network through the contact form, in Chromium
with JavaScript switched off: the form works without it, and an error is
summarised at the top with a link to the field (contact/)."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def no_script_tab(browser, site_url):
    context = browser.new_context(locale="de-DE", java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_a_person_sends_the_contact_form_without_javascript(no_script_tab, site_url):
    tab = no_script_tab
    tab.goto(site_url + "/de/kontakt/")
    tab.get_by_label("Name", exact=True).fill("Ada Muster")
    tab.get_by_label("E-Mail-Adresse").fill("ada@example.org")
    tab.locator("#id_nachricht").fill("Wann trifft sich das Netzwerk das nächste Mal?")
    tab.locator("#id_privacy_consent").check()
    # A person takes longer than the form's minimum fill time (3 s; the stamp counts whole seconds).
    tab.wait_for_timeout(4200)
    tab.locator("form.public-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.url == site_url + "/de/kontakt/danke/"
    assert tab.locator("h1").count() == 1
    assert "Wann trifft sich" not in tab.content()
    assert tab.context.cookies() == []


def test_an_error_is_summarised_and_linked_to_its_field(no_script_tab, site_url):
    tab = no_script_tab
    tab.goto(site_url + "/de/kontakt/")
    tab.locator("#id_privacy_consent").check()
    tab.wait_for_timeout(4200)
    tab.locator("form.public-form button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.title().startswith(("Fehler: ", "Error: "))
    summary = tab.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    # The summary has the focus (autofocus), so a screen reader reads it first.
    assert tab.locator(".error-summary:focus").count() == 1
    link = summary.locator("a[href='#id_nachricht']")
    link.click()
    assert tab.url.endswith("#id_nachricht")
    assert tab.locator("#id_nachricht").get_attribute("aria-invalid") == "true"
