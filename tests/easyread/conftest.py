import pytest

from easyread.models import EasyReadIndexPage
from tests.factories import EasyReadPageFactory, without_the_demo_pages


@pytest.fixture
def section(db, german):
    """The demo's Leichte Sprache section, /de/leichte-sprache/."""
    return EasyReadIndexPage.objects.get(locale=german)


@pytest.fixture
def empty_section(section):
    """The section without the demo's four pages."""
    return without_the_demo_pages(section)[0]


@pytest.fixture
def easy_page(empty_section):
    """A page in Leichte Sprache of the test's own, /de/leichte-sprache/leichter-text/."""
    return EasyReadPageFactory(
        parent=empty_section,
        title="Leichter Text",
        slug="leichter-text",
        body=[
            ("heading", "Wer sind wir?"),
            ("lines", "Wir sind ein Netzwerk.\n\n  Wir helfen Menschen.  \nDas ist wichtig."),
        ],
    )
