"""Searching in a browser: from the header, through the results, into the other language."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def test_a_reader_searches_from_the_header_and_switches_to_english(page, site_url):
    page.goto(site_url + "/de/ueber-das-netzwerk/")
    field = page.get_by_role("search", name="Website-Suche").get_by_label("Diese Website durchsuchen")
    field.fill("Beratung")
    page.get_by_role("search", name="Website-Suche").get_by_role("button", name="Suchen").click()
    page.wait_for_url(site_url + "/de/suche/?q=Beratung")
    assert page.title().startswith("Suchergebnisse für „Beratung“")
    status = page.locator("main [role=status]").inner_text()
    assert "Ergebnisse für „Beratung“" in status
    marks = page.locator(".search-result mark").all_inner_texts()
    assert marks and all(mark.lower().startswith("berat") for mark in marks)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English").click()
    page.wait_for_url(site_url + "/en/search/?q=Beratung")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Search"
    assert page.get_by_label("Search term").input_value() == "Beratung"
    page.get_by_label("Search term").fill("counselling")
    page.get_by_label("Search term").press("Enter")
    page.wait_for_url(site_url + "/en/search/?q=counselling")
    assert page.locator(".search-result mark").first.inner_text().lower() == "counselling"


@pytest.mark.parametrize("path", ["/de/", "/de/suche/?q=Beratung", "/en/search/?q=counselling&type=news"])
def test_search_fits_a_320_pixel_phone(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(site_url + path)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    field = tab.locator("#site-search-q")
    button = tab.locator(".site-search__button")
    assert field.is_visible() and button.is_visible()
    field_box, button_box = field.bounding_box(), button.bounding_box()
    assert field_box["width"] >= 150
    assert button_box["x"] + button_box["width"] <= 320
    assert field_box["height"] >= 44 and button_box["height"] >= 44
    context.close()


def test_the_search_field_shows_keyboard_focus(page, site_url):
    page.goto(site_url + "/de/")
    page.locator("#site-search-q").focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
