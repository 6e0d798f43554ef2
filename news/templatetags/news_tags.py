from django import template

from news.models import NewsIndexPage

register = template.Library()


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """<link rel="alternate"> feed autodiscovery on every page of the language."""
    index = NewsIndexPage.for_request(context.get("request"))
    return {"index": index, "request": context.get("request")}


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    request = context.get("request")
    index, releases = NewsIndexPage.teasers(request, count)
    return {"index": index, "releases": releases, "request": request}


@register.simple_tag(takes_context=True)
def member_feed_url(context, member):
    """The RSS feed of press releases naming a member city, in the visitor's language."""
    from urllib.parse import urlencode

    request = context.get("request")
    index = NewsIndexPage.for_request(request)
    if index is None:
        return ""
    return index.url + index.reverse_subpage("rss") + "?" + urlencode({"city": member.slug})
