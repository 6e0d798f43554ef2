"""A member city's website shows the network's lists in an iframe
(core/embed.py), in Chromium: a page of another origin (another port on
127.0.0.1) frames them, a click opens the release on the network's site in
the whole window, a narrow frame needs no sideways scrolling, axe finds
nothing, and the site's other pages still refuse to be framed."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.policy import violations, watch

pytestmark = pytest.mark.browser

NEWS = "/de/aktuelles/embed/"
EVENTS = "/en/events/embed/"


@contextmanager
def member_site(body):
    """A member's website on its own origin, serving one page: `body`."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            content = f'<!DOCTYPE html><html lang="de"><title>Stadt</title><h1>Stadt</h1>{body}'.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def iframe(src, width="100%"):
    return f'<iframe src="{src}" title="Liste" width="{width}" height="600" style="border:0"></iframe>'


def test_a_member_site_shows_the_news_and_a_click_opens_the_release_in_the_whole_window(page, site_url):
    watch(page)
    with member_site(iframe(site_url + NEWS)) as member_url:
        page.goto(member_url)
        frame = page.frame_locator("iframe")
        first = frame.locator("main li .embed__heading a").first
        first.wait_for()
        assert frame.locator("main li").count() == 5
        href = first.get_attribute("href")
        assert href.startswith(site_url + "/de/aktuelles/")
        assert violations(page) == []
        first.click()
        page.wait_for_url(href)
    # The embedding page was left: the release fills the window.
    assert page.main_frame.url == href
    assert len(page.frames) == 1


def test_a_narrow_frame_needs_no_sideways_scrolling(page, site_url):
    with member_site(iframe(site_url + EVENTS, width="260")) as member_url:
        page.goto(member_url)
        page.frame_locator("iframe").locator("main h1").wait_for()
        (embedded,) = [frame for frame in page.frames if frame.url.startswith(site_url)]
        assert embedded.evaluate("document.documentElement.scrollWidth") <= 260


def test_the_other_pages_still_refuse_every_frame(page, site_url):
    with member_site(iframe(site_url + "/de/aktuelles/")) as member_url:
        page.goto(member_url)
        page.wait_for_load_state("networkidle")
        (child,) = page.main_frame.child_frames
        # Chromium shows its error page instead of the listing.
        assert not child.url.startswith(site_url) or child.locator("main").count() == 0


@pytest.mark.parametrize("path", [NEWS, EVENTS, "/de/veranstaltungen/embed/?city=wuppertal", f"{NEWS}?count=99"])
def test_axe_finds_nothing_on_the_lists(page, site_url, path):
    response = page.goto(site_url + path)
    assert response.status == (400 if "99" in path else 200)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    # Keyboard users see where they are.
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.tagName") == "A" and outline == "solid"
