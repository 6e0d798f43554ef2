"""Whatever a visitor or a bot puts in the query string of any public page,
feed or calendar, the site answers with a page or a clear 4xx: never a 500.

Numbers are read as ASCII digits only: "²" or "١" pass `str.isdigit()`,
then `int()` refuses or misreads them.
"""

import pytest

from contact.models import ContactPage
from easyread.models import EasyReadIndexPage, EasyReadPage
from events.models import EventIndexPage, EventPage
from home.models import AccessibilityStatementPage
from members.models import MemberIndexPage, MemberPage
from news.models import NewsIndexPage, NewsPage
from press.models import PressListPage
from signlanguage.models import SignLanguageIndexPage, SignLanguageVideoPage

pytestmark = pytest.mark.django_db

# Every parameter some view reads, whether or not the view at hand knows it
# (the read API's own, such as limit and when, in tests/syndication/test_api.py).
PARAMETERS = ("page", "p", "year", "topic", "city", "state", "series", "format", "q", "type", "past")
VALUES = (
    "%C2%B2",  # superscript two
    "%D9%A1%D9%A2",  # Arabic-Indic digits
    "%EF%BC%91",  # fullwidth one
    "9" * 40,
    "-1",
    "1e3",
    "",
    "%00",
)


def routes(language):
    news_index = NewsIndexPage.objects.get(locale__language_code=language)
    event_index = EventIndexPage.objects.get(locale__language_code=language)
    member_index = MemberIndexPage.objects.get(locale__language_code=language)
    release = NewsPage.objects.filter(locale__language_code=language).live().first()
    event = EventPage.objects.filter(locale__language_code=language).live().first()
    member = MemberPage.objects.filter(locale__language_code=language).live().first()
    contact = ContactPage.objects.get(locale__language_code=language)
    statement = AccessibilityStatementPage.objects.get(locale__language_code=language)
    thanks = {"de": "danke/", "en": "thank-you/"}[language]
    if language == "de":  # Leichte Sprache and DGS are German only
        easy_index, sign_index = EasyReadIndexPage.objects.get(), SignLanguageIndexPage.objects.get()
        german_only = [
            easy_index.url,
            f"{easy_index.url}feed/rss/",
            f"{easy_index.url}feed/atom/",
            EasyReadPage.objects.live().first().url,
            sign_index.url,
            f"{sign_index.url}feed/rss/",
            f"{sign_index.url}feed/atom/",
            SignLanguageVideoPage.objects.live().first().url,
        ]
    else:
        german_only = []
    press_list = PressListPage.objects.get(locale__language_code=language)
    return german_only + [
        press_list.url,
        f"{press_list.url}sent/",
        contact.url,
        f"{contact.url}{thanks}",
        statement.url,
        f"{statement.url}{thanks}",
        f"/{language}/",
        news_index.url,
        f"{news_index.url}feed/rss/",
        f"{news_index.url}feed/atom/",
        release.url,
        event_index.url,
        f"{event_index.url}calendar/",
        f"{event_index.url}feed/rss/",
        event.url,
        f"{event.url}ical/",
        member_index.url,
        member.url,
        "/sitemap.xml",
        "/sitemap-pages.xml",
        # The read API: a page of each type, and its lists (either language, by ?locale=) once.
        f"/api/v2/news/{release.pk}/",
        f"/api/v2/events/{event.pk}/",
        f"/api/v2/members/{member.pk}/",
        *(["/api/v2/news/", "/api/v2/events/", "/api/v2/members/"] if language == "de" else []),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["de", "en"])
def test_odd_numbers_and_junk_in_any_parameter_never_cause_a_server_error(client, demo_pages, language):
    failures = []
    for route in routes(language):
        for name in PARAMETERS:
            for value in VALUES:
                url = f"{route}?{name}={value}"
                status = client.get(url).status_code
                if status >= 500:
                    failures.append((url, status))
            # The same parameter twice.
            url = f"{route}?{name}=1&{name}=%C2%B2"
            if client.get(url).status_code >= 500:
                failures.append((url, "repeated"))
    assert failures == []


@pytest.mark.parametrize(
    "url",
    ["/de/aktuelles/?year=%C2%B2", "/de/aktuelles/?year=%D9%A2%D9%A0%D9%A2%D9%A4", "/sitemap-pages.xml?p=%C2%B2"],
)
def test_numbers_in_other_scripts_are_not_found_not_misread(client, demo_pages, url):
    assert client.get(url).status_code == 404


def test_ascii_int_reads_ascii_digits_only():
    from core.utils import ascii_int

    assert ascii_int("2024") == 2024
    assert ascii_int("²") is None
    assert ascii_int("٢٠٢٤") is None
    assert ascii_int("１") is None
    assert ascii_int("-1") is None
    assert ascii_int("") is None
    assert ascii_int("1" * 10) is None
    assert ascii_int("12345", max_digits=4) is None
