"""An editor writes a press release and submits it; a moderator approves it; it is live."""

import re
import time
import uuid
from pathlib import Path

import pytest
from django_otp.oath import totp

from tests.browser.conftest import SERVED_ENV

SET_PASSWORDS = """
from django.contrib.auth import get_user_model
for user in get_user_model().objects.filter(username__in=["redaktion", "moderation", "uebersetzung"]):
    user.set_password("{password}")
    user.save()
# Moderation must have a second factor: an authenticator app the test reads.
from django_otp.plugins.otp_totp.models import TOTPDevice
device, _ = TOTPDevice.objects.get_or_create(
    user=get_user_model().objects.get(username="moderation"), name="Browser test", defaults={{"confirmed": True}}
)
print(device.key)
from news.models import NewsIndexPage
print(NewsIndexPage.objects.get(locale__language_code="de").pk)
"""


@pytest.fixture(scope="module")
def accounts(manage):
    password = uuid.uuid4().hex
    *_, totp_key, news_index_id = manage("shell", "--no-imports", "-c", SET_PASSWORDS.format(password=password)).split()
    return password, int(news_index_id), totp_key


_USED_STEPS = {}


def fresh_code(totp_key):
    """A TOTP code not used before: django-otp refuses a code of a time step
    already used (replay), so a second login waits for the next step."""
    step = int(time.time()) // 30
    if _USED_STEPS.get(totp_key, -1) >= step:
        time.sleep(30 - time.time() % 30 + 0.5)
        step = int(time.time()) // 30
    _USED_STEPS[totp_key] = step
    return totp(bytes.fromhex(totp_key))


def log_in(browser, site_url, username, password, totp_key=None):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(f"{site_url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.get_by_role("button", name=re.compile("Anmelden|Sign in")).click()
    if totp_key:
        tab.wait_for_url(re.compile(r"/admin/2fa/verify/"))
        tab.fill("#id_code", f"{fresh_code(totp_key):06d}")
        tab.get_by_role("button", name=re.compile("Bestätigen|Confirm")).click()
    tab.wait_for_url(f"{site_url}/admin/")
    return context, tab


def test_editor_submits_a_release_and_a_moderator_publishes_it(browser, site_url, accounts):
    password, news_index_id, totp_key = accounts
    title = f"Beratung jetzt auch samstags {uuid.uuid4().hex[:6]}"

    context, editor = log_in(browser, site_url, "redaktion", password)
    assert editor.locator("html").get_attribute("lang") == "de"
    editor.goto(f"{site_url}/admin/pages/add/news/newspage/{news_index_id}/")
    editor.fill("#id_title", title)
    editor.fill("#id_lead", "Die Antidiskriminierungsstelle berät ab sofort auch samstags.")
    # Editors cannot publish: the main action saves a draft, the menu submits for review.
    footer = editor.locator("footer")
    assert footer.locator("button[name=action-publish]").count() == 0
    footer.get_by_role("button", name=re.compile("Mehr Aktionen|More actions")).click()
    footer.get_by_role("button", name=re.compile("Redaktionelle Prüfung")).click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    assert editor.locator(".messages").get_by_text(re.compile("eingereicht|submitted")).count() >= 1
    context.close()

    anonymous = browser.new_context(locale="de-DE").new_page()
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().replace("ä", "a")).strip("-")
    response = anonymous.goto(f"{site_url}/de/aktuelles/{slug}/")
    assert response.status == 404

    context, moderator = log_in(browser, site_url, "moderation", password, totp_key)
    # The dashboard lists what awaits review.
    review = moderator.locator("section, .w-panel").filter(has_text=title).first
    review.get_by_role("link", name=title).first.click()
    footer = moderator.locator("footer")
    footer.get_by_role("button", name=re.compile("Mehr Aktionen|More actions")).click()
    footer.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    moderator.wait_for_load_state()
    context.close()

    response = anonymous.goto(f"{site_url}/de/aktuelles/{slug}/")
    assert response.status == 200
    assert anonymous.locator("h1").inner_text() == title
    anonymous.goto(f"{site_url}/de/aktuelles/")
    assert anonymous.get_by_role("link", name=title).count() == 1


COUNT_PAGES = """
from news.models import NewsPage
page = NewsPage.objects.filter(title="{title}").first()
print(NewsPage.objects.filter(title="{title}").count(), page.get_latest_revision_as_object().lead if page else "")
"""


def test_save_draft_while_the_autosave_creates_the_page_saves_that_page(browser, site_url, accounts, manage):
    """As found: type a title and lead, click "Entwurf speichern" while the
    autosave that creates the page is still under way."""
    password, news_index_id, _totp_key = accounts
    title = f"Sprechstunde im Rathaus {uuid.uuid4().hex[:6]}"
    lead = "Die Beratung ist ab Januar auch im Rathaus erreichbar."
    context, editor = log_in(browser, site_url, "redaktion", password)
    held = []

    def hold_the_first_autosave(route, request):
        # The server creates the page now; its answer reaches the browser
        # only when the test releases it.
        if request.method == "POST" and "application/json" in (request.headers.get("accept") or "") and not held:
            held.append((route, route.fetch()))
        else:
            route.continue_()

    add_url = f"{site_url}/admin/pages/add/news/newspage/{news_index_id}/"
    editor.route(add_url, hold_the_first_autosave)
    editor.goto(add_url)
    # Wagtail notes the form's initial state two seconds after loading;
    # only changes after that start an autosave.
    editor.wait_for_timeout(2500)
    editor.fill("#id_title", title)
    editor.fill("#id_lead", lead)
    for _ in range(50):
        if held:
            break
        editor.wait_for_timeout(100)
    assert held, "the autosave did not start"
    footer = editor.locator("footer")
    footer.get_by_role("button", name=re.compile(r"^\s*(Entwurf speichern|Save draft)\s*$")).click()
    editor.wait_for_timeout(300)
    route, response = held[0]
    route.fulfill(response=response)
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    editor.wait_for_load_state()
    assert editor.locator(".error-message, .help-critical").count() == 0
    assert "bereits verwendet" not in editor.content() and "already in use" not in editor.content()
    context.close()
    count, saved_lead = manage("shell", "--no-imports", "-c", COUNT_PAGES.format(title=title)).split(" ", 1)
    assert count == "1"
    assert saved_lead.strip() == lead


def mails_since(started, expected=1, timeout=15):
    """The mails the served copy wrote (file backend) since `started`."""
    folder = Path(SERVED_ENV["EMAIL_FILE_PATH"])
    deadline = time.monotonic() + timeout
    while True:
        texts = [path.read_text() for path in folder.glob("*") if path.is_file() and path.stat().st_mtime >= started]
        if len(texts) >= expected or time.monotonic() > deadline:
            return texts
        time.sleep(0.3)


def assert_links_go_to(site_url, texts):
    links = [link for text in texts for link in re.findall(r"https?://[^\s\"'<>)]+", text)]
    ours = [link for link in links if "/admin/" in link or "127.0.0.1" in link or "localhost" in link]
    assert ours, "the mails link to the admin"
    assert all(link.startswith(site_url) for link in ours), ours


ENGLISH_RELEASE = """
from news.models import NewsPage
source = NewsPage.objects.filter(locale__language_code="de").order_by("path").first()
english = NewsPage.objects.get(locale__language_code="en", translation_key=source.translation_key)
print(english.pk, english.url)
"""


def test_translate_submit_review_approve_live_in_english(browser, site_url, accounts, manage):
    password, _news_index_id, totp_key = accounts
    page_id, path = manage("shell", "--no-imports", "-c", ENGLISH_RELEASE).split()
    new_title = f"Nationwide training series opens in Wuppertal {uuid.uuid4().hex[:6]}"

    # The translator (admin in English) changes the title in the translation editor.
    context, translator = log_in(browser, site_url, "uebersetzung", password)
    translator.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    bar = translator.locator(".nka-translation-review")
    assert bar.get_by_role("button", name="Submit for review").is_visible()
    # No way around the review: neither publish nor convert to an alias.
    footer = translator.locator("footer")
    assert footer.get_by_role("button", name=re.compile("Publish")).count() == 0
    assert footer.get_by_text("Convert to alias page").count() == 0
    translator.get_by_role("button", name="Edit", exact=True).first.click()
    translator.locator("textarea").first.fill(new_title)
    translator.get_by_role("button", name="Save", exact=True).first.click()
    translator.get_by_text(new_title).first.wait_for()
    translator.wait_for_timeout(500)
    submitted = time.time() - 1
    bar.get_by_role("button", name="Submit for review").click()
    translator.wait_for_url(re.compile(rf"/admin/pages/{page_id}/edit/"))
    assert translator.locator(".messages").get_by_text(re.compile("submitted for review")).count() == 1
    assert translator.locator(".nka-translation-review").get_by_text(re.compile("in review")).count() == 1
    context.close()

    # Moderation is notified, with links to this site's admin.
    notices = mails_since(submitted)
    assert any("moderation" in text.lower() or "Prüfung" in text for text in notices), notices
    assert_links_go_to(site_url, notices)

    anonymous = browser.new_context(locale="en-GB").new_page()
    anonymous.goto(f"{site_url}{path}")
    assert anonymous.locator("h1").inner_text() != new_title

    # Moderation reviews the strings side by side and approves.
    context, moderator = log_in(browser, site_url, "moderation", password, totp_key)
    moderator.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    moderator.locator(".nka-translation-review").get_by_role("link", name=re.compile("Prüfen und freigeben")).click()
    row = moderator.locator("tbody tr").filter(has_text=new_title).first
    assert row.locator("td").nth(0).inner_text().startswith("Bundesweite")
    approved = time.time() - 1
    moderator.get_by_role("button", name="Freigeben und veröffentlichen").click()
    moderator.wait_for_url(f"{site_url}/admin/")
    # The translator hears that it was approved.
    assert_links_go_to(site_url, mails_since(approved))
    assert moderator.locator(".messages").get_by_text(re.compile("freigegeben und veröffentlicht")).count() == 1
    context.close()

    anonymous.goto(f"{site_url}{path}")
    assert anonymous.locator("h1").inner_text() == new_title
