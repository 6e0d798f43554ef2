"""The Content-Security-Policy blocks nothing the site itself needs: every
public page type in both languages (checked in test_site.py, in the same
visit as axe), a consented video, the admin's main screens and
wagtail-localize's editor load without a single violation."""

import re
import subprocess
import time
import uuid

import pytest
from django_otp.oath import totp

from tests.browser.policy import violations, watch

pytestmark = pytest.mark.browser

PREPARE = """
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale
from home.models import HomePage, StandardPage
from news.models import NewsPage
with transaction.atomic():
    if not get_user_model().objects.filter(username="csp-admin").exists():
        get_user_model().objects.create_superuser("csp-admin", "csp-admin@example.org", "{password}")
    release = NewsPage.objects.get(locale__language_code="de", slug="qualifizierungsreihe-gegen-diskriminierung-startet-in-wuppertal")
    if not NewsPage.objects.filter(slug="csp-video").exists():
        video = release.copy(update_attrs={{"slug": "csp-video", "title": "Film"}}, keep_live=False)
        video.body = [("video", {{"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": "Film", "transcript": ""}})]
        video.save_revision().publish()
    german = StandardPage.objects.get(locale__language_code="de", slug="ueber-das-netzwerk")
    english = german.get_translation(Locale.objects.get(language_code="en"))
    home = HomePage.objects.get(locale__language_code="de")
    # Superusers log in with a second factor: an authenticator app the test reads.
    from django_otp.plugins.otp_totp.models import TOTPDevice
    device, _ = TOTPDevice.objects.get_or_create(
        user=get_user_model().objects.get(username="csp-admin"), name="CSP test", defaults={{"confirmed": True}}
    )
    print(home.pk, german.pk, english.pk, release.pk, release.get_translation(english.locale).pk, device.key)
"""


@pytest.fixture(scope="module")
def prepared(manage):
    password = uuid.uuid4().hex
    for attempt in range(10):
        try:
            ids = manage("shell", "--no-imports", "-c", PREPARE.format(password=password)).split()[-6:]
            break
        except subprocess.CalledProcessError as error:
            # SQLite: the task worker of the served copy may hold the write lock.
            if "database is locked" not in error.stderr or attempt == 9:
                pytest.fail(error.stderr)
            time.sleep(1)
    return {
        "password": password,
        **dict(zip(("home", "german", "english", "release", "translation", "totp_key"), ids, strict=True)),
    }


@pytest.fixture(scope="module")
def editor(browser, site_url, prepared):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    tab = watch(context.new_page())
    tab.goto(f"{site_url}/admin/login/")
    tab.fill("#id_username", "csp-admin")
    tab.fill("#id_password", prepared["password"])
    tab.get_by_role("button", name=re.compile("Anmelden|Sign in")).click()
    # The second step runs under the admin's policy too.
    tab.wait_for_url(re.compile(r"/admin/2fa/verify/"))
    tab.fill("#id_code", f"{totp(bytes.fromhex(prepared['totp_key'])):06d}")
    tab.get_by_role("button", name=re.compile("Bestätigen|Confirm")).click()
    tab.wait_for_url(f"{site_url}/admin/")
    assert violations(tab) == []
    yield tab
    context.close()


def test_the_consented_video_may_load_its_frame(page, site_url, prepared):
    watch(page)
    page.goto(f"{site_url}/de/aktuelles/csp-video/")
    page.get_by_role("button", name=re.compile("YouTube")).click()
    frame = page.locator("iframe.video__frame")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    page.wait_for_timeout(500)
    found = [v for v in violations(page) if "youtube-nocookie" in v or "frame-src" in v]
    assert found == []


ADMIN_SCREENS = {
    "dashboard": "/admin/",
    "page explorer": "/admin/pages/{home}/",
    "page editor": "/admin/pages/{german}/edit/",
    "image index": "/admin/images/",
    "press release editor": "/admin/pages/{release}/edit/",
    "translation editor": "/admin/pages/{english}/edit/",
    "translation editor of a press release": "/admin/pages/{translation}/edit/",
    "image editor (cropping)": "/admin/images/1/",
    "image upload": "/admin/images/multiple/add/",
    "public page with the user bar": "/de/ueber-das-netzwerk/",
}


@pytest.mark.parametrize("screen", ADMIN_SCREENS)
def test_admin_screens_violate_nothing(editor, site_url, prepared, screen):
    editor.console_errors.clear()
    editor.goto(site_url + ADMIN_SCREENS[screen].format(**prepared))
    assert violations(editor) == []


def test_the_editors_preview_panel_violates_nothing(editor, site_url, prepared):
    editor.console_errors.clear()
    editor.goto(site_url + "/admin/pages/{german}/edit/".format(**prepared))
    editor.locator("[data-side-panel-toggle='preview']").click()
    preview = editor.frame_locator("#w-preview-iframe")
    preview.locator("h1").wait_for(state="attached")
    assert violations(editor) == []
