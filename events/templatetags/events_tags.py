from django import template
from django.utils.translation import get_language

from core.cache import TIME_BOUND, frame_cached
from core.localization import absolute_url, real_pages
from events.models import EventIndexPage

register = template.Library()


def event_index(request):
    return frame_cached(
        request,
        f"event_index:{get_language()}",
        lambda: real_pages(EventIndexPage.objects.filter(locale__language_code=get_language()), request).first(),
        site_wide=True,  # a main section: publishing it purges every page
    )


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, count=3):
    """The next events of the visitor's language (home pages)."""
    request = context.get("request")
    index = event_index(request)
    events = []
    if index:
        events = frame_cached(
            request,
            f"upcoming_events:{index.pk}:{count}",
            lambda: list(index.events(request).upcoming().select_related("host_member")[:count]),
            timeout=TIME_BOUND,
        )
    return {"index": index, "events": events, "request": request}


@register.inclusion_tag("events/includes/feed_links.html", takes_context=True)
def event_feed_links(context):
    return {"index": event_index(context.get("request")), "request": context.get("request")}


@register.simple_tag(takes_context=True)
def webcal_url(context, url):
    """The same calendar address with the webcal:// scheme that calendar apps
    subscribe to, on the host of the Site's configured root URL."""
    return "webcal://" + absolute_url(context.get("request"), url).split("://", 1)[1]
