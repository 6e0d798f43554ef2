from django import template
from django.utils.translation import get_language

from core.caching.fragments import frame_cached
from core.localization import localized
from core.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def privacy_url(context):
    """The privacy policy (site settings) in the visitor's language, for the forms' consent."""
    request = context.get("request")
    settings = SiteSettings.for_request(request) if request else None
    if settings is None or not settings.privacy_page_id:
        return ""

    def load():
        page = localized(settings.privacy_page, request)
        return page.get_url(request) if page and page.live else ""

    # A page the settings name purges every page when it changes (core.caching.purge).
    return frame_cached(request, f"privacy-url:{get_language()}:{settings.privacy_page_id}", load, site_wide=True)
