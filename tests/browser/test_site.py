"""What a person does in a browser: arrive, skip to content, switch language;
and, on every demo page in both languages, what axe finds, what the
Content-Security-Policy blocks and what loads from elsewhere (one visit a page)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.policy import violations, watch

pytestmark = pytest.mark.browser

DEMO_PATHS = [
    "/de/",
    "/de/ueber-das-netzwerk/",
    "/de/kontakt/",
    "/de/impressum/",
    "/de/datenschutz/",
    "/de/barrierefreiheit/",
    "/en/",
    "/en/about-the-network/",
    "/en/contact/",
    "/en/legal-notice/",
    "/en/privacy/",
    "/en/accessibility/",
    "/de/aktuelles/",
    "/de/aktuelles/?page=2",
    "/de/aktuelles/?topic=qualifizierung",
    "/de/aktuelles/qualifizierungsreihe-gegen-diskriminierung-startet-in-wuppertal/",
    "/en/news/",
    "/en/news/?year=2025",
    "/en/news/training-series-against-discrimination-starts-in-wuppertal/",
    "/de/mitglieder/",
    "/de/mitglieder/?state=BY",
    "/de/mitglieder/wuppertal/",
    "/en/members/",
    "/en/members/munich/",
    "/de/partner/",
    "/de/partner/eccar/",
    "/en/partners/",
    "/en/partners/federal-anti-discrimination-agency/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/past/",
    "/de/veranstaltungen/qualifizierungsreihe-2024/",
    "/de/veranstaltungen/qualifizierungsreihe-2024/wirkungsvolles-strategisches-wirken-in-der-verwaltung/",
    "/en/events/",
    "/en/events/training-series-2024/",
    "/en/events/training-series-2024/kickoff-in-wuppertal-complaint-management/",
    "/de/suche/?q=Beratung",
    "/de/suche/?q=Wuppertal&type=members",
    "/de/suche/",
    "/en/search/?q=counselling",
    "/en/search/?q=zzzz",
    "/de/leichte-sprache/",
    "/de/leichte-sprache/was-steht-auf-dieser-internet-seite/",
    "/de/gebaerdensprache/",
    "/de/gebaerdensprache/inhalt-der-website/",
    "/de/kontakt/danke/",
    "/de/aktuelles/presseverteiler/",
    "/de/aktuelles/presseverteiler/sent/",
    "/en/news/press-list/",
    "/en/contact/thank-you/",
    "/de/gibt-es-nicht/",
    "/en/does-not-exist/",
    # The lists member cities embed (core/embed.py), and one's answer to a bad address.
    "/de/aktuelles/embed/",
    "/en/news/embed/?city=munich&count=3",
    "/de/veranstaltungen/embed/?city=wuppertal",
    "/en/events/embed/",
    "/de/aktuelles/embed/?count=99",
]


def test_root_takes_a_german_browser_to_the_german_home(page, site_url):
    page.goto(site_url + "/")
    assert page.url == site_url + "/de/"
    assert page.locator("html").get_attribute("lang") == "de"


def test_skip_link_moves_keyboard_focus_to_the_content(page, site_url):
    page.goto(site_url + "/de/ueber-das-netzwerk/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Hauptinhalt springen"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_switching_language_keeps_the_reader_on_the_same_page(page, site_url):
    page.goto(site_url + "/de/ueber-das-netzwerk/")
    page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English").click()
    page.wait_for_url(site_url + "/en/about-the-network/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About the network"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Deutsch").click()
    page.wait_for_url(site_url + "/de/ueber-das-netzwerk/")


def test_main_navigation_leads_to_the_pages(page, site_url):
    page.goto(site_url + "/en/")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Contact").click()
    page.wait_for_url(site_url + "/en/contact/")
    assert page.get_by_role("link", name="Contact", exact=True).first.get_attribute("aria-current") == "page"


@pytest.mark.parametrize("path", DEMO_PATHS)
def test_axe_and_the_csp_find_no_violations_and_nothing_loads_from_elsewhere(page, site_url, path):
    watch(page)
    response = page.goto(site_url + path)
    assert "script-src 'self';" in response.headers["content-security-policy"]
    assert violations(page) == []  # waits until the network is idle
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    foreign = [url for url in page.requests if not url.startswith(site_url)]
    assert foreign == []


@pytest.mark.parametrize("path", ["/de/", "/en/about-the-network/"])
def test_usable_at_320_pixels_without_sideways_scrolling(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(site_url + path)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    assert tab.locator("nav.main-nav").is_visible()
    context.close()


def test_quick_exit_leaves_and_replaces_the_history_entry(page, site_url):
    page.route("https://de.wikipedia.org/**", lambda route: route.fulfill(status=200, body="neutral"))
    page.goto(site_url + "/de/")
    page.goto(site_url + "/de/mitglieder/wuppertal/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://de.wikipedia.org/**")
    page.go_back()
    # The help page was replaced in the history: back leads to the page before it.
    assert page.url == site_url + "/de/"


def test_directory_filter_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    tab = context.new_page()
    tab.goto(site_url + "/de/mitglieder/")
    tab.get_by_label("Bundesland").select_option("BY")
    tab.get_by_role("button", name="Anzeigen").click()
    tab.wait_for_url("**state=BY**")
    assert tab.locator(".member-list a").all_inner_texts() == ["München", "Nürnberg"]
    context.close()
