"""Security headers on every response: public pages (also from the page cache) and the admin."""

import pytest

pytestmark = pytest.mark.django_db


def policy(response):
    return {
        part.split("=", 1)[0]: part.split("=", 1)[1]
        for part in (item.strip() for item in response["Permissions-Policy"].split(","))
    }


def test_browser_features_are_switched_off_on_every_page_cached_or_not(client, demo_pages):
    first = client.get("/de/")
    again = client.get("/de/")
    assert again["X-Cache"] == "HIT"
    for response in (first, again, client.get("/en/news/"), client.get("/admin/login/")):
        features = policy(response)
        assert features["camera"] == features["microphone"] == features["geolocation"] == "()"
        assert features["browsing-topics"] == "()"
        # Consented videos may go full screen.
        assert '"https://www.youtube-nocookie.com"' in features["fullscreen"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
