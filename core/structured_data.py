"""schema.org pieces every page type's JSON-LD shares."""

from django.templatetags.static import static

from core.caching.fragments import site_settings
from core.localization import absolute_url


def organisation(request):
    """The network as the author, publisher or organiser of what the site shows."""
    settings = site_settings(request)
    return {
        "@type": "Organization",
        "name": settings.name,
        "url": absolute_url(request, "/"),
        "logo": {"@type": "ImageObject", "url": absolute_url(request, static("img/logo.svg"))},
    }
