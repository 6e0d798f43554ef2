"""The demo content: built from demo/, in German with real English translations."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from core.localization import never_translated_models
from core.models import CustomImage, SiteSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "live", "locale__language_code")),
        "revisions": Revision.objects.count(),
        "images": CustomImage.objects.count(),
        "translations": Translation.objects.count(),
    }


def test_load_demo_twice_changes_nothing(home_en):
    before = snapshot()
    home_en.title = "Edited by an editor"
    home_en.save_revision().publish()
    edited = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == edited
    assert edited["revisions"] == before["revisions"] + 1


def test_english_pages_are_wagtail_localize_translations(english):
    german_only = ContentType.objects.get_for_models(*never_translated_models()).values()
    german_pages = Page.objects.filter(depth__gte=2, locale__language_code="de")
    # Leichte Sprache and Gebärdensprache: each section and its four explanations, German only.
    assert german_pages.filter(content_type__in=german_only).count() == 5 + 5
    assert not Page.objects.filter(locale=english, content_type__in=german_only).exists()
    german_pages = german_pages.exclude(content_type__in=german_only)
    # home, service pages, news index + 17 releases + the press list, partner index + 4,
    # member index + 15, event index + series + 4 modules + Hannover + 9 further events
    assert german_pages.count() == 1 + 5 + 18 + 1 + 5 + 16 + 1 + 1 + 4 + 1 + 9
    for page in german_pages:
        source = TranslationSource.objects.get_for_instance(page)
        translation = Translation.objects.get(source=source, target_locale=english)
        assert translation.get_progress() == (translation.get_progress()[0],) * 2, page.title
        assert page.get_translation(english).live
    assert StringTranslation.objects.filter(locale=english).count() > 50


def test_demo_photos_carry_credit_lines():
    photos = CustomImage.objects.filter(kind=CustomImage.Kind.PHOTO)
    assert photos.exists()
    assert all(photo.credit.strip() for photo in photos)
    for image in CustomImage.objects.all():
        image.full_clean(exclude=["file"])


def test_every_demo_partner_shows_its_logo_with_alt_text_in_its_language(get_soup):
    from partners.models import PartnerPage

    partners = PartnerPage.objects.live().filter(logo__isnull=False)
    assert partners.count() >= 8
    for partner in partners:
        logo = get_soup(partner.url).select_one("img.partner-logo")
        start = "Logo von" if partner.locale.language_code == "de" else "Logo of"
        assert logo["alt"].startswith(start), partner.url


def test_footer_settings_point_at_the_service_pages(home_de):
    settings = SiteSettings.objects.get()
    assert settings.imprint_page.slug == "impressum"
    assert settings.accessibility_page.slug == "barrierefreiheit"
    assert settings.email.endswith("@example.org")


def test_every_call_to_action_leads_to_a_page_in_the_same_language(get_soup, demo_pages):
    boxes = 0
    for page in demo_pages:
        prefix = f"/{page.locale.language_code}/"
        for box in get_soup(page.get_url()).select("main .cta"):
            boxes += 1
            assert box.select_one("a.button")["href"].startswith(prefix), page.url
    assert boxes == 6  # highlights on both homes, "become a member" on both About pages


def test_demo_page_tree_is_consistent():
    """Every page's child count matches its children (translations published on commit)."""
    assert all(not problems for problems in Page.find_problems())


def test_every_demo_snippet_has_an_english_translation(english):
    from news.models import PressContact, Topic
    from partners.models import FundingNotice, PartnerRole

    for model in (Topic, PressContact, PartnerRole, FundingNotice):
        german = model.objects.filter(locale__language_code="de")
        assert german.exists(), model
        for item in german:
            assert item.get_translation(english) != item, f"{model.__name__} {item} has no English version"


def test_the_demos_inline_items_keep_the_order_they_were_given_in():
    """As the admin numbers them: without a number PostgreSQL may list a
    release's topics or a partner's roles in any order."""
    from events.models import EventPagePartner, EventPageTopic, EventSeriesPartner
    from home.models import AccessibilityBarrier
    from news.models import NewsPageMember, NewsPagePartner, NewsPageTopic
    from partners.models import PartnerPageRole

    for model in (
        NewsPageTopic,
        NewsPageMember,
        NewsPagePartner,
        PartnerPageRole,
        EventSeriesPartner,
        EventPagePartner,
        EventPageTopic,
        AccessibilityBarrier,
    ):
        assert model.objects.exists(), model
        assert not model.objects.filter(sort_order__isnull=True).exists(), model


def test_the_demo_member_calendars_are_served_by_the_site_and_read_as_intended(client):
    """Bonn's calendar (a monthly consultation hour with dates left out and
    one cancelled, a single event, an all-day event) and Nürnberg's Google
    Calendar export (UTC times, X-WR-TIMEZONE), as the import reads them."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from demo.directory import CALENDARS, CITIES
    from syndication.ical import events_between, read_calendar

    berlin = ZoneInfo("Europe/Berlin")
    assert set(CALENDARS) <= {city.de for city, *_rest in CITIES}
    assert sorted(directly for _path, directly in CALENDARS.values()) == [False, True]  # both modes shown

    def events(path):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        found, unreadable = events_between(
            read_calendar(body), datetime(2026, 12, 1, tzinfo=berlin), datetime(2028, 1, 1, tzinfo=berlin), 500
        )
        assert not unreadable
        return found

    bonn = events(CALENDARS["Bonn"][0])
    monthly = [event for event in bonn if event.recurrence_id]
    assert {event.start.weekday() for event in monthly} == {1} and all(event.start.hour == 16 for event in monthly)
    assert all(event.start.day <= 7 for event in monthly)  # the first Tuesday of the month
    months = {(event.start.year, event.start.month) for event in monthly}
    assert {(2027, 1), (2027, 8)} & months == set() and len(months) == 13 - 2  # Dec 2026–Dec 2027 but the EXDATEs
    assert [event.start.date() for event in monthly if event.cancelled] == [datetime(2027, 2, 2).date()]
    single = [event for event in bonn if not event.recurrence_id]
    assert [(event.all_day, event.start.date().isoformat()) for event in single] == [
        (False, "2027-06-17"),
        (True, "2027-09-21"),
    ]
    nuernberg = events(CALENDARS["Nürnberg"][0])
    # 14:00 UTC in July and 17:00 UTC in November: local times on either side of the clock change.
    assert [event.start.astimezone(berlin).strftime("%Y-%m-%d %H:%M") for event in nuernberg] == [
        "2027-07-08 16:00",
        "2027-11-18 18:00",
    ]


def test_demo_calendar_addresses_are_the_sites_own_and_move_with_it(german):
    """load_demo names the site's own static files (none for the tests'
    http://testserver, which no import could reach); configure_site moves
    such addresses when the site moves (`make run` on another port)."""
    from django.core.management import call_command

    from demo.management.commands.load_demo import own_calendar_address
    from members.models import MemberPage

    assert own_calendar_address("http://127.0.0.1:8000", "demo/calendars/bonn.ics") == (
        "http://127.0.0.1:8000/static/demo/calendars/bonn.ics"
    )
    assert own_calendar_address("http://testserver", "demo/calendars/bonn.ics") == ""

    bonn = MemberPage.objects.get(locale=german, city="Bonn")
    bonn.calendar_url = "http://127.0.0.1:8000/static/demo/calendars/bonn.ics"
    bonn.save_revision().publish()
    jena = MemberPage.objects.get(locale=german, city="Jena")
    jena.calendar_url = "https://www.example.org/jena.ics"
    jena.save_revision().publish()
    call_command("configure_site", base_url="http://127.0.0.1:8000", verbosity=0)
    call_command("configure_site", base_url="http://127.0.0.1:8021", verbosity=0)
    bonn.refresh_from_db()
    assert bonn.calendar_url == "http://127.0.0.1:8021/static/demo/calendars/bonn.ics"
    assert bonn.get_latest_revision_as_object().calendar_url == bonn.calendar_url  # what the admin edits
    assert MemberPage.objects.get(pk=jena.pk).calendar_url == "https://www.example.org/jena.ics"


def test_the_demo_shows_a_cancelled_event_in_both_languages(get_soup):
    from events.models import EventPage

    cancelled = EventPage.objects.live().filter(cancelled=True)
    assert sorted(cancelled.values_list("locale__language_code", flat=True)) == ["de", "en"]
    for event in cancelled:
        assert get_soup(event.url).select_one(".article__header .event-cancelled h2"), event.url
