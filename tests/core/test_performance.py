"""Query counts stay flat as content grows."""

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/de/", "/en/", "/de/ueber-das-netzwerk/"])
def test_page_query_count_is_bounded_and_flat(client, home_de, url, django_assert_max_num_queries):
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    with django_assert_max_num_queries(25) as first:
        assert client.get(url).status_code == 200
    baseline = len(first)  # read now: the next request resets Django's query log
    # Grow the site: more menu pages and more pages elsewhere in the tree.
    for n in range(25):
        StandardPageFactory(parent=home_de, slug=f"menue-{n}", show_in_menus=True)
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200
