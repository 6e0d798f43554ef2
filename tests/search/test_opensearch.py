"""OpenSearch descriptions: browsers can add the site's search, in either language."""

import xml.etree.ElementTree as ET  # noqa: S405 - parses our own response

import pytest

pytestmark = pytest.mark.django_db

NS = {"os": "http://a9.com/-/spec/opensearch/1.1/"}


@pytest.mark.parametrize(
    ("url", "search_url", "language"),
    [("/de/opensearch.xml", "/de/suche/", "de"), ("/en/opensearch.xml", "/en/search/", "en")],
)
def test_description_parses_and_points_at_the_search(client, url, search_url, language):
    response = client.get(url, HTTP_HOST="example.org")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == "{http://a9.com/-/spec/opensearch/1.1/}OpenSearchDescription"
    short_name = root.findtext("os:ShortName", namespaces=NS)
    assert 0 < len(short_name) <= 16
    assert root.findtext("os:Description", namespaces=NS)
    assert root.findtext("os:InputEncoding", namespaces=NS) == "UTF-8"
    assert root.findtext("os:Language", namespaces=NS) == language
    # Absolute on the Site's root URL, whatever host the request named.
    assert b"example.org" not in response.content
    html = root.find("os:Url[@type='text/html']", NS)
    assert html.get("template") == f"http://testserver{search_url}?q={{searchTerms}}"
    image = root.find("os:Image", NS)
    assert image.text == "http://testserver/static/img/favicon.svg"
    assert client.get(image.text.removeprefix("http://testserver")).status_code == 200


def test_every_page_links_its_languages_description(get_soup):
    for url, href in [("/de/", "/de/opensearch.xml"), ("/en/news/", "/en/opensearch.xml"), ("/de/suche/", None)]:
        link = get_soup(url).find("link", rel="search")
        assert link["type"] == "application/opensearchdescription+xml"
        assert link["title"]
        assert link["href"] == (href or "/de/opensearch.xml")
