"""Partners: both languages, roles, logos with alt text, linked press releases, funding notice."""

import pytest

from partners.models import PartnerPage
from tests.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/de/partner/eccar/", "Europäische Städtekoalition gegen Rassismus (ECCAR)"),
        ("/en/partners/eccar/", "European Coalition of Cities Against Racism (ECCAR)"),
        ("/de/partner/prodiversity/", "Prodiversity"),
        ("/en/partners/imap-institut/", "IMAP Institut (IMAP)"),
        ("/de/partner/antidiskriminierungsstelle-des-bundes/", "Antidiskriminierungsstelle des Bundes (ADS)"),
        ("/en/partners/federal-anti-discrimination-agency/", "Federal Anti-Discrimination Agency (ADS)"),
    ],
)
def test_every_demo_partner_renders_in_both_languages(client, url, title):
    page_soup = soup(client.get(url))
    assert page_soup.h1.get_text() == title
    logo = page_soup.select_one("img.partner-logo")
    assert logo["alt"].startswith(("Logo von", "Logo of"))


def test_partner_index_lists_partners_with_roles(client):
    page_soup = soup(client.get("/en/partners/"))
    names = [a.get_text(strip=True) for a in page_soup.select(".partner-card h2 a")]
    assert len(names) == 4
    roles = page_soup.select_one(".partner-card .card__tags").get_text()
    assert "Designer of the training series" in roles or "Funder" in roles


def test_partner_page_lists_its_press_releases_newest_first(client):
    titles = [a.get_text() for a in soup(client.get("/de/partner/eccar/")).select("#partner-news-heading ~ ul a")]
    assert titles == [
        "Austausch mit europäischen Partnerstädten",
        "Zweites Modul der Qualifizierungsreihe online",
        "Bundesweite Qualifizierungsreihe gegen Diskriminierung startet in Wuppertal",
        "Studie „Fair vor Ort“ in Berlin vorgestellt",
    ]
    english = [a.get_text() for a in soup(client.get("/en/partners/eccar/")).select("#partner-news-heading ~ ul a")]
    assert english[-1] == "Study “Fair vor Ort” presented in Berlin"


def test_release_names_its_partners_and_cities(client):
    url = "/en/news/training-series-against-discrimination-starts-in-wuppertal/"
    named = [a.get_text() for a in soup(client.get(url)).select(".article__named a")]
    assert "Wuppertal" in named and "Munich" in named and "ECCAR" in named and "ADS" in named


def test_funding_notice_appears_in_the_footer_in_the_visitors_language(client):
    de = soup(client.get("/de/")).select_one("footer .funding-notice").get_text(strip=True)
    en = soup(client.get("/en/")).select_one("footer .funding-notice").get_text(strip=True)
    assert de.startswith("Gefördert von der Antidiskriminierungsstelle des Bundes")
    assert en.startswith("Funded by the Federal Anti-Discrimination Agency")


def test_partner_page_query_count_is_flat(client, django_assert_max_num_queries):
    client.get("/de/partner/eccar/")
    with django_assert_max_num_queries(25):
        client.get("/de/partner/eccar/")
    assert PartnerPage.objects.live().count() == 8
