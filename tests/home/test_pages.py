"""Page types of the foundation: tree rules and every body block rendering."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from contact.models import ContactPage
from core.blocks import CallToActionBlock
from easyread.models import EasyReadIndexPage
from events.models import EventIndexPage, EventPage, EventSeriesPage
from home.models import AccessibilityStatementPage, HomePage, StandardPage
from members.models import MemberIndexPage, MemberPage
from news.models import NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage
from press.models import PressListPage
from signlanguage.models import SignLanguageIndexPage
from tests.conftest import soup
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


class TestTree(WagtailPageTestCase):
    def test_home_is_a_root_child_and_holds_standard_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                AccessibilityStatementPage,
                ContactPage,
                NewsIndexPage,
                EventIndexPage,
                PartnerIndexPage,
                MemberIndexPage,
                EasyReadIndexPage,
                SignLanguageIndexPage,
            },
        )
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())

    def test_events_live_under_the_index_or_a_series(self):
        self.assertAllowedSubpageTypes(EventIndexPage, {EventSeriesPage, EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage, EventSeriesPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_press_releases_live_under_the_news_index_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, PressListPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_partners_and_members_live_under_their_indexes(self):
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedSubpageTypes(MemberIndexPage, {MemberPage})
        self.assertAllowedParentPageTypes(MemberPage, {MemberIndexPage})


def test_one_home_page_per_language_tree(home_de, home_en):
    assert NewsIndexPage.max_count_per_parent == 1
    assert HomePage.max_count_per_parent == 1
    assert not HomePage.can_create_at(home_de.get_parent())


def test_standard_page_renders_every_block(client, home_de):
    document = Document.objects.create(title="Satzung des Netzwerks", file=ContentFile(b"x" * 2048, name="satzung.pdf"))
    target = StandardPageFactory(parent=home_de, slug="ziel", title="Zielseite")
    StandardPageFactory(
        parent=home_de,
        slug="alle-bloecke",
        title="Alle Blöcke",
        intro="Vorspann der Seite.",
        body=[
            ("heading", {"text": "Abschnitt", "level": "h2"}),
            ("heading", {"text": "Unterabschnitt", "level": "h3"}),
            ("paragraph", "<p>Ein <b>fetter</b> Absatz.</p>"),
            ("quote", {"quote": "Ein Zitat.", "speaker": "Erika Beispiel", "role": "Leiterin (Demo)"}),
            (
                "call_to_action",
                {"heading": "Weiter", "text": "", "page": target, "url": "", "link_text": "Zur Zielseite"},
            ),
            ("document", {"document": document, "title": "", "description": "Die Satzung als PDF."}),
        ],
    )
    page_soup = soup(client.get("/de/alle-bloecke/"))
    article = page_soup.find("article")
    assert article.h1.get_text() == "Alle Blöcke"
    assert article.find("p", class_="lead").get_text() == "Vorspann der Seite."
    assert article.find("h2", string="Abschnitt") and article.find("h3", string="Unterabschnitt")
    assert article.find("b", string="fetter")
    assert article.blockquote.get_text(strip=True) == "Ein Zitat."
    assert "Erika Beispiel" in article.find("figure", class_="quote").figcaption.get_text()
    assert article.find("a", string="Zur Zielseite")["href"] == "/de/ziel/"
    download = article.find("a", class_="download__link")
    assert "Satzung des Netzwerks" in download.get_text()
    assert "PDF" in download.get_text() and "2,0" in download.get_text()


def test_call_to_action_needs_exactly_one_target():
    from wagtail.blocks import StructBlockValidationError

    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"heading": "H", "text": "", "page": None, "url": "", "link_text": "Los"}))


def test_meta_description_falls_back_to_the_intro(client, home_de):
    StandardPageFactory(parent=home_de, slug="ohne-beschreibung", intro="Worum es hier geht.", search_description="")
    meta = soup(client.get("/de/ohne-beschreibung/")).find("meta", attrs={"name": "description"})
    assert meta["content"] == "Worum es hier geht."


def test_sign_language_pages_are_never_translated(admin_client, english):
    """Like Leichte Sprache (tests/easyread): the Translate button explains, no copy is made."""
    from django.core.exceptions import ValidationError

    from signlanguage.models import SignLanguageVideoPage

    video = SignLanguageVideoPage.objects.live().first()
    response = admin_client.get(f"/admin/localize/submit/page/{video.pk}/", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.redirect_chain[-1][0] == f"/admin/pages/{video.pk}/edit/"
    assert "German only" in response.content.decode()
    with pytest.raises(ValidationError):
        video.copy_for_translation(english)
    assert not video.get_translations().exists()
