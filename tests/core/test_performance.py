"""Query counts stay flat as content grows."""

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/de/", "/en/", "/de/ueber-das-netzwerk/"])
def test_page_query_count_is_bounded_and_flat(home_de, url, flat_queries):
    def grow():
        # More menu pages and more pages elsewhere in the tree.
        for n in range(25):
            StandardPageFactory(parent=home_de, slug=f"menue-{n}", show_in_menus=True)

    flat_queries(url, grow)
