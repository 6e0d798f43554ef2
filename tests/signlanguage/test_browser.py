"""In Chromium, on a served copy of the demo site: a DGS video plays, its
German captions are shown, and its download has the size the page states."""

import re

import pytest

from tests.browser.conftest import CHROMIUM_SESSION, browser, page, site_url  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def chromium_stopped_after():
    """Playwright's event loop must not outlive these tests (see tests/browser/conftest.py)."""
    yield
    CHROMIUM_SESSION.stop()


def test_the_dgs_video_plays_with_captions_and_downloads_with_the_stated_size(page, site_url):  # noqa: F811
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{site_url}/de/gebaerdensprache/")
    page.locator(".dgs-card h2 a").first.click()
    page.wait_for_load_state()
    video = page.locator("main video")
    assert video.get_attribute("autoplay") is None
    # Played as a visitor would start it (muted: no user gesture in a test).
    page.evaluate("() => { const v = document.querySelector('main video'); v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('main video').currentTime > 0.5", timeout=15_000)
    page.wait_for_function(
        "() => { const t = document.querySelector('main video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length > 0; }",
        timeout=10_000,
    )
    track = page.evaluate(
        "() => { const t = document.querySelector('main video').textTracks[0];"
        " return {language: t.language, label: t.label, first: t.cues[0].text}; }"
    )
    assert track["language"] == "de" and track["label"] == "Deutsch" and "Platzhalter" in track["first"]
    # Seeking works (the server answers ranges): jump near the end and play on.
    page.evaluate("() => { const v = document.querySelector('main video'); v.currentTime = v.duration - 1; }")
    page.wait_for_function("() => document.querySelector('main video').ended", timeout=15_000)
    link = page.locator(".dgs-download a")
    stated = int(link.locator("data").get_attribute("value"))
    assert re.search(r"WebM, \d+,\d KB", " ".join(link.inner_text().split()))
    fetched = page.evaluate(
        "async (href) => (await (await fetch(href)).arrayBuffer()).byteLength", link.get_attribute("href")
    )
    assert fetched == stated
    assert all(url.startswith(site_url) or url.startswith("data:") for url in page.requests)
    assert not errors, errors
