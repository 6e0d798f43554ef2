"""The accessibility statement (§ 7 BITV 2.0): what it says in both
languages, the footer link to it from every page, and editors' changes."""

import pytest

from home.models import AccessibilityBarrier, AccessibilityStatementPage, HomePage
from tests.conftest import soup
from tests.factories import AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db

BARRIERS_DE = [
    {
        "description": "Ältere PDF-Dateien haben keine Struktur.",
        "reason": AccessibilityBarrier.Reason.NON_COMPLIANCE,
        "alternative": "Wir senden den Text auf Wunsch als E-Mail.",
    },
    {
        "description": "Das Archiv der Jahre vor 2018 ist nicht barrierefrei.",
        "reason": AccessibilityBarrier.Reason.DISPROPORTIONATE_BURDEN,
        "alternative": "",
    },
]
BARRIERS_EN = ["Older PDF files have no structure.", "The archive of the years before 2018 is not accessible."]
EASY_READ = "Diese Seite ist über Barrieren.\nSchreiben Sie uns."


@pytest.fixture
def statement_de(home_de):
    return AccessibilityStatementPageFactory(
        parent=home_de,
        slug="erklaerung-test",
        intro="Diese Erklärung gilt für die Test-Website.",
        reviewed_on="2026-09-15",
        feedback_phone="+49 30 1234567",
        easy_read_summary=EASY_READ,
        barriers=BARRIERS_DE,
    )


@pytest.fixture
def statement_en(statement_de, english):
    """The English translation, as a translator publishes it: the barriers
    are the German ones (same translation keys) in English."""
    page = statement_de.copy_for_translation(english)
    page.title, page.slug = "Accessibility statement", "statement-test"
    page.intro = "This statement applies to the test website."
    barriers = list(page.barriers.all())
    for barrier, text in zip(barriers, BARRIERS_EN, strict=True):
        barrier.description = text
    page.barriers = barriers
    page.save_revision().publish()
    return AccessibilityStatementPage.objects.get(pk=page.pk)


def main_of(response):
    assert response.status_code == 200
    return soup(response).find("main")


def test_german_statement_says_everything_the_eu_model_asks_for(client, statement_de):
    main = main_of(client.get("/de/erklaerung-test/"))
    text = main.get_text(" ", strip=True)
    assert main.h1.get_text() == "Erklärung zur Barrierefreiheit"
    headings = [h.get_text(strip=True) for h in main.find_all("h2")]
    assert headings == [
        "Stand der Vereinbarkeit",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontaktangaben",
        "Durchsetzungsverfahren",
        "Leichte Sprache",
    ]
    assert "Diese Website ist wegen der folgenden Unvereinbarkeiten und Ausnahmen teilweise mit " in text
    assert "BITV 2.0 / WCAG 2.1 AA" in text and "Teilweise vereinbar" in text
    items = main.select(".barrier-list > li")
    assert [item.p.get_text() for item in items] == [b["description"] for b in BARRIERS_DE]
    assert "Unvereinbarkeit mit den Anforderungen" in items[0].get_text()
    assert "Wir senden den Text auf Wunsch als E-Mail." in items[0].get_text()
    assert "Unverhältnismäßige Belastung" in items[1].get_text()
    prepared, reviewed = main.find_all("time")
    assert (prepared["datetime"], prepared.get_text()) == ("2026-03-02", "2. März 2026")
    assert (reviewed["datetime"], reviewed.get_text()) == ("2026-09-15", "15. September 2026")
    assert "Selbstbewertung" in text
    assert main.find("a", href="mailto:barrieren@example.org").get_text() == "barrieren@example.org"
    assert main.find("a", href="tel:+49301234567")
    assert main.find("a", href="https://www.schlichtungsstelle-bgg.de/")
    easy_read = main.find(attrs={"lang": "de"})
    assert [p.get_text() for p in easy_read.find_all("p")] == EASY_READ.splitlines()


def test_english_statement_is_in_english_with_the_easy_read_summary_in_german(client, statement_en):
    page = soup(client.get("/en/statement-test/"))
    assert page.html["lang"] == "en"
    main = page.find("main")
    text = main.get_text(" ", strip=True)
    assert "This website is partially compliant with BITV 2.0 / WCAG 2.1 AA" in text
    assert "Partially compliant" in text and "Self-assessment" in text
    items = main.select(".barrier-list > li")
    assert [item.p.get_text() for item in items] == BARRIERS_EN
    assert "Non-compliance with the requirements" in items[0].get_text()
    assert "Disproportionate burden" in items[1].get_text()
    prepared, reviewed = main.find_all("time")
    assert (prepared["datetime"], prepared.get_text()) == ("2026-03-02", "2 March 2026")
    assert (reviewed["datetime"], reviewed.get_text()) == ("2026-09-15", "15 September 2026")
    assert main.find("a", href="mailto:barrieren@example.org")
    assert main.find("a", href="https://www.schlichtungsstelle-bgg.de/")
    heading = main.find("h2", id="easy-read-heading")
    assert heading.get_text() == "Easy-to-read German (Leichte Sprache)"
    assert heading.get("lang") is None  # the heading is English, the summary German
    easy_read = main.find(attrs={"lang": "de"})
    assert [p.get_text() for p in easy_read.find_all("p")] == EASY_READ.splitlines()


def test_translators_are_not_offered_the_easy_read_summary(statement_de):
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    fields = {field.field_name: field for field in get_translatable_fields(AccessibilityStatementPage)}
    for name in ("easy_read_summary", "standard", "feedback_phone", "feedback_email", "enforcement_url"):
        assert isinstance(fields[name], SynchronizedField), name
    for name in ("intro", "method_details", "feedback_intro", "feedback_contact", "enforcement_text", "barriers"):
        assert not isinstance(fields[name], SynchronizedField), name


def test_a_statement_without_barriers_says_so(client, home_de):
    AccessibilityStatementPageFactory(
        parent=home_de, slug="ohne-barrieren", compliance_status=AccessibilityStatementPage.ComplianceStatus.FULL
    )
    main = main_of(client.get("/de/ohne-barrieren/"))
    text = main.get_text(" ", strip=True)
    assert "Diese Website ist mit BITV 2.0 / WCAG 2.1 AA vollständig vereinbar." in text
    assert not main.select(".barrier-list")
    assert not main.find(attrs={"lang": "de"})  # no Leichte Sprache section when there is no summary
    assert "Website der Schlichtungsstelle" in text


def test_an_editors_change_to_a_barrier_shows_at_the_next_request(client, statement_de):
    url = "/de/erklaerung-test/"
    assert "Ältere PDF-Dateien haben keine Struktur." in client.get(url).content.decode()
    page = AccessibilityStatementPage.objects.get(pk=statement_de.pk)
    barriers = list(page.barriers.all())
    barriers[0].description = "Alle PDF-Dateien sind inzwischen geprüft, bis auf eine."
    barriers[0].reason = AccessibilityBarrier.Reason.OUT_OF_SCOPE
    page.barriers = barriers
    page.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Alle PDF-Dateien sind inzwischen geprüft, bis auf eine." in html
    assert "Ältere PDF-Dateien" not in html
    assert "Fällt nicht in den Anwendungsbereich der Verordnung" in html


def test_more_barriers_cost_no_more_queries(flat_queries, statement_de):
    def grow():
        page = AccessibilityStatementPage.objects.get(pk=statement_de.pk)
        page.barriers = list(page.barriers.all()) + [
            AccessibilityBarrier(
                description=f"Barriere {n}", reason=AccessibilityBarrier.Reason.NON_COMPLIANCE, sort_order=n + 2
            )
            for n in range(10)
        ]
        page.save_revision().publish()

    response = flat_queries("/de/erklaerung-test/", grow)
    assert "Barriere 9" in response.content.decode()


def test_the_review_cannot_precede_the_preparation(statement_de):
    from django.core.exceptions import ValidationError

    statement_de.reviewed_on = "2026-01-01"
    with pytest.raises(ValidationError) as error:
        statement_de.full_clean()
    assert "reviewed_on" in error.value.message_dict


def test_one_statement_per_language_tree_below_the_home_page(home_de, home_en):
    assert AccessibilityStatementPage.parent_page_types == ["home.HomePage"]
    assert AccessibilityStatementPage.subpage_types == []
    assert "home.AccessibilityStatementPage" in HomePage.subpage_types
    # The demo has one in each language already.
    assert not AccessibilityStatementPage.can_create_at(home_de)
    assert not AccessibilityStatementPage.can_create_at(home_en)


def test_the_add_form_has_the_statements_fields_in_german(admin_client, home_de, monkeypatch):
    # The demo's statement is there already: lift the one-per-tree limit to open the form.
    monkeypatch.setattr(AccessibilityStatementPage, "max_count_per_parent", None)
    response = admin_client.get(
        f"/admin/pages/add/home/accessibilitystatementpage/{home_de.pk}/", HTTP_ACCEPT_LANGUAGE="de"
    )
    assert response.status_code == 200
    page = soup(response)
    assert "Erklärung zur Barrierefreiheit" in page.find("h1").get_text(" ", strip=True)
    form = page.find("form", id="page-edit-form")
    fields = [
        "title",
        "intro",
        "compliance_status",
        "standard",
        "prepared_on",
        "reviewed_on",
        "method",
        "method_details",
        "feedback_intro",
        "feedback_contact",
        "feedback_email",
        "feedback_phone",
        "enforcement_url",
        "enforcement_text",
        "easy_read_summary",
        "barriers-TOTAL_FORMS",
    ]
    missing = [name for name in fields if not form.find(attrs={"name": name})]
    assert not missing
    assert form.find(attrs={"name": "enforcement_url"})["value"] == "https://www.schlichtungsstelle-bgg.de/"
    assert form.find(attrs={"name": "standard"})["value"] == "BITV 2.0 / WCAG 2.1 AA"
    text = form.get_text(" ", strip=True)
    assert "Nicht barrierefreie Inhalte" in text and "Zusammenfassung in Leichter Sprache" in text


# The demo's statement: the footer of every page links it in the page's language.

FOOTER_PAGES = {
    "de": [
        "/de/",
        "/de/ueber-das-netzwerk/",
        "/de/aktuelles/",
        "/de/aktuelles/qualifizierungsreihe-gegen-diskriminierung-startet-in-wuppertal/",
        "/de/veranstaltungen/",
        "/de/mitglieder/wuppertal/",
        "/de/partner/",
        "/de/barrierefreiheit/",
    ],
    "en": [
        "/en/",
        "/en/about-the-network/",
        "/en/news/",
        "/en/news/training-series-against-discrimination-starts-in-wuppertal/",
        "/en/events/",
        "/en/members/munich/",
        "/en/partners/",
        "/en/accessibility/",
    ],
}
STATEMENT = {
    "de": ("/de/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
    "en": ("/en/accessibility/", "Accessibility statement"),
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_links_the_statement_in_its_language_in_the_footer(get_soup, language):
    href, title = STATEMENT[language]
    for url in FOOTER_PAGES[language]:
        footer = get_soup(url).find("footer", class_="site-footer")
        link = footer.find("a", href=href)
        assert link is not None and link.get_text() == title, url


def test_the_demo_statement_is_translated_with_its_barriers(get_soup, german, english):
    from wagtail_localize.models import Translation, TranslationSource

    statement_de = AccessibilityStatementPage.objects.get(locale=german)
    statement_en = statement_de.get_translation(english).specific
    assert statement_en.live and statement_en.slug == "accessibility"
    assert Translation.objects.filter(
        source=TranslationSource.objects.get_for_instance(statement_de), target_locale=english
    ).exists()
    assert statement_de.compliance_status == AccessibilityStatementPage.ComplianceStatus.PARTIAL
    assert statement_en.easy_read_summary == statement_de.easy_read_summary
    german_barriers = list(statement_de.barriers.all())
    english_barriers = list(statement_en.barriers.all())
    assert len(german_barriers) == len(english_barriers) >= 3
    for de, en in zip(german_barriers, english_barriers, strict=True):
        assert de.translation_key == en.translation_key and en.locale_id == english.pk
        assert de.description != en.description and de.reason == en.reason
    main = get_soup("/en/accessibility/").find("main")
    assert "partially compliant" in main.get_text(" ", strip=True)
    assert main.find(attrs={"lang": "de"}).find("p").get_text().startswith("Diese Seite heißt")
