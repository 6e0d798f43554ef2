from django import template

from core.localization import absolute_url
from events.models import EventIndexPage

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, count=3):
    """The next events of the visitor's language (home pages)."""
    request = context.get("request")
    index, events = EventIndexPage.teasers(request, count)
    return {"index": index, "events": events, "request": request}


@register.inclusion_tag("events/includes/feed_links.html", takes_context=True)
def event_feed_links(context):
    return {"index": EventIndexPage.for_request(context.get("request")), "request": context.get("request")}


@register.simple_tag(takes_context=True)
def webcal_url(context, url):
    """The same calendar address with the webcal:// scheme that calendar apps
    subscribe to, on the host of the Site's configured root URL."""
    return "webcal://" + absolute_url(context.get("request"), url).split("://", 1)[1]
