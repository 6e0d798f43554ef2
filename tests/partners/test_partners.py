"""Partners: both languages, roles, logos with alt text, linked press releases, funding notice.

Each test builds the partners, roles, releases and notices it looks at."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.models import SiteSettings
from events.models import EventPagePartner
from members.models import MemberIndexPage
from news.models import NewsIndexPage, NewsPageMember, NewsPagePartner
from partners.models import FundingNotice, PartnerPageRole
from tests.conftest import soup
from tests.factories import (
    EventPageFactory,
    ImageFactory,
    MemberPageFactory,
    NewsPageFactory,
    PartnerPageFactory,
    translate,
)
from tests.partners.conftest import role, translate_partner

pytestmark = pytest.mark.django_db


def berlin(year, month, day):
    return datetime(year, month, day, 10, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def news_de(db, german):
    return NewsIndexPage.objects.get(locale=german)


def test_a_partner_page_shows_its_name_logo_and_roles_in_each_language(client, partners_de):
    funder = role("Fördergeber", "Funder")
    partner = PartnerPageFactory(
        parent=partners_de,
        title="Städtekoalition gegen Rassismus",
        slug="staedtekoalition",
        short_name="SKR",
        logo=ImageFactory(),
        logo_alt="Logo von SKR",
        role_links=[PartnerPageRole(role=funder)],
    )
    translate_partner(partner, title="Coalition of Cities Against Racism", slug="coalition", logo_alt="Logo of SKR")

    for url, title, alt, roles in [
        ("/de/partner/staedtekoalition/", "Städtekoalition gegen Rassismus (SKR)", "Logo von SKR", ["Fördergeber"]),
        ("/en/partners/coalition/", "Coalition of Cities Against Racism (SKR)", "Logo of SKR", ["Funder"]),
    ]:
        page_soup = soup(client.get(url))
        assert page_soup.h1.get_text() == title
        assert page_soup.select_one("img.partner-logo")["alt"] == alt
        assert [tag.get_text() for tag in page_soup.select(".article__header .tag")] == roles


def test_partner_index_lists_partners_by_name_with_their_roles(client, empty_partners_en, partners_de):
    designer, funder = role("Konzeption der Reihe", "Designer of the training series"), role("Fördergeber", "Funder")
    for title, slug, short_name, roles, english in [
        ("Zentrum", "zentrum", "", [], "Centre"),
        ("Bundesstelle", "bundesstelle", "BS", [funder, designer], "Federal agency"),
        ("Institut", "institut", "IN", [designer], "Institute"),
    ]:
        partner = PartnerPageFactory(
            parent=partners_de,
            title=title,
            slug=slug,
            short_name=short_name,
            role_links=[PartnerPageRole(role=r) for r in roles],
        )
        translate_partner(partner, title=english, slug=slug)

    cards = soup(client.get("/en/partners/")).select(".partner-card")
    assert [card.select_one("h2 a").get_text(strip=True) for card in cards] == [
        "Centre",  # no short name: the title alone
        "Federal agency (BS)",
        "Institute (IN)",
    ]
    assert [[tag.get_text() for tag in card.select(".card__tags .tag")] for card in cards] == [
        [],
        ["Funder", "Designer of the training series"],  # in the order the editor gave them
        ["Designer of the training series"],
    ]


def test_partner_page_lists_its_press_releases_newest_first(client, partners_de, news_de):
    partner = PartnerPageFactory(parent=partners_de, title="Städtekoalition", slug="staedtekoalition")
    partner_en = translate_partner(partner, title="Coalition of cities", slug="coalition-of-cities")
    other = PartnerPageFactory(parent=partners_de, title="Anderer Partner")

    def release(title, date, named=partner, **fields):
        return NewsPageFactory(
            parent=news_de, title=title, date=date, partner_links=[NewsPagePartner(partner=named)], **fields
        )

    study = release("Studie vorgestellt", berlin(2025, 3, 1))
    release("Zweites Modul online", berlin(2025, 9, 1))
    release("Reihe startet", berlin(2025, 6, 1))
    release("Über den anderen Partner", berlin(2025, 10, 1), named=other)
    release("Entwurf über die Koalition", berlin(2025, 11, 1), live=False)
    # The editor named the German partner page: the English release is listed on the English one all the same.
    translate(study, "en", title="Study presented", slug="study-presented")

    def listed(url):
        return [a.get_text() for a in soup(client.get(url)).select("#partner-news-heading ~ ul a")]

    assert listed(partner.url) == ["Zweites Modul online", "Reihe startet", "Studie vorgestellt"]
    assert listed(partner_en.url) == ["Study presented"]


def test_release_names_its_partners_and_cities(client, partners_de, news_de, german):
    members_de = MemberIndexPage.objects.get(locale=german)
    city = MemberPageFactory(parent=members_de, title="Musterstadt", slug="musterstadt")
    translate(city, "en", title="Sample City", city="Sample City", slug="sample-city")
    with_short_name = PartnerPageFactory(parent=partners_de, title="Städtekoalition", short_name="SKR")
    translate_partner(with_short_name, title="Coalition of cities", slug="coalition")
    without = PartnerPageFactory(parent=partners_de, title="Bundesstelle", slug="bundesstelle")
    without_en = translate_partner(without, title="Federal agency", slug="federal-agency")
    release = NewsPageFactory(
        parent=news_de,
        title="Reihe startet",
        member_links=[NewsPageMember(member=city)],
        partner_links=[NewsPagePartner(partner=with_short_name), NewsPagePartner(partner=without)],
    )
    release_en = translate(release, "en", title="Series starts", slug="series-starts")

    named = soup(client.get(release_en.url)).select(".article__named a")
    # In the reader's language, though the editor chose the German pages; a partner by its short name if it has one.
    assert [a.get_text() for a in named] == ["Sample City", "SKR", "Federal agency"]
    assert named[2]["href"] == without_en.url
    assert [a.get_text() for a in soup(client.get(release.url)).select(".article__named a")] == [
        "Musterstadt",
        "SKR",
        "Bundesstelle",
    ]


def test_funding_notice_appears_in_the_footer_in_the_visitors_language(client, partners_de, german, english):
    funder = PartnerPageFactory(parent=partners_de, title="Bundesstelle")
    notice = FundingNotice.objects.create(
        funder=funder, wording="Gefördert von der Bundesstelle (Test)", logo=ImageFactory(), logo_alt="Logo von BS"
    )
    notice_en = notice.copy_for_translation(english)
    notice_en.wording, notice_en.logo_alt = "Funded by the federal agency (test)", "Logo of BS"
    notice_en.save()
    settings = SiteSettings.objects.get()
    settings.funding_notice = notice  # the German notice: English pages show its translation
    settings.save()

    for url, wording, alt in [
        ("/de/", "Gefördert von der Bundesstelle (Test)", "Logo von BS"),
        ("/en/", "Funded by the federal agency (test)", "Logo of BS"),
    ]:
        footer_notice = soup(client.get(url)).select_one("footer .funding-notice")
        assert footer_notice.get_text(strip=True) == wording
        assert footer_notice.select_one("img")["alt"] == alt


def test_partner_page_query_count_is_flat(client, partners_de, news_de, german, django_assert_max_num_queries):
    from events.models import EventIndexPage

    events_de = EventIndexPage.objects.get(locale=german)
    partner = PartnerPageFactory(parent=partners_de, title="Städtekoalition", logo=ImageFactory(), logo_alt="Logo")
    for n in range(12):  # more than the page lists of either
        NewsPageFactory(parent=news_de, date=berlin(2025, 1, n + 1), partner_links=[NewsPagePartner(partner=partner)])
        EventPageFactory(
            parent=events_de, start=berlin(2030, 1, n + 1), partner_links=[EventPagePartner(partner=partner)]
        )
    client.get(partner.url)
    with django_assert_max_num_queries(25):
        page_soup = soup(client.get(partner.url))
    assert len(page_soup.select("#partner-news-heading ~ ul a")) == 10
    assert len(page_soup.select("#partner-events-heading ~ ul a")) == 10
