import pytest

from tests.conftest import soup
from tests.factories import StandardPageFactory


@pytest.fixture
def make_page(home_de):
    """A live standard page, German by default: make_page("Titel", intro="…", parent=home_en)."""

    def make(title, intro="", parent=None, **kwargs):
        parent = parent or home_de
        return StandardPageFactory(parent=parent, locale=parent.locale, title=title, intro=intro, **kwargs)

    return make


def result_titles(response, section="results"):
    """The titles of the results (or of the promoted results), in order."""
    selector = ".search-section--promoted" if section == "promoted" else "#results-heading + .search-results"
    return [a.get_text() for a in soup(response).select(f"{selector} .search-result__title a")]
