from django import template
from django.utils.translation import get_language

from core.cache import TIME_BOUND, frame_cached
from core.localization import real_pages
from news.models import NewsIndexPage

register = template.Library()


def news_index(request):
    """The live news index in the visitor's language (one query per request)."""
    return frame_cached(
        request,
        f"news_index:{get_language()}",
        lambda: real_pages(NewsIndexPage.objects.filter(locale__language_code=get_language()), request).first(),
        site_wide=True,  # a main section: publishing it purges every page
    )


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """<link rel="alternate"> feed autodiscovery on every page of the language."""
    index = news_index(context.get("request"))
    return {"index": index, "request": context.get("request")}


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    request = context.get("request")
    index = news_index(request)
    releases = []
    if index:
        releases = frame_cached(
            request,
            f"latest_news:{index.pk}:{count}",
            lambda: index.latest(count),
            timeout=TIME_BOUND,
        )
    return {"index": index, "releases": releases, "request": request}


@register.simple_tag(takes_context=True)
def member_feed_url(context, member):
    """The RSS feed of press releases naming a member city, in the visitor's language."""
    from urllib.parse import urlencode

    request = context.get("request")
    index = news_index(request)
    if index is None:
        return ""
    return index.url + index.reverse_subpage("rss") + "?" + urlencode({"city": member.slug})
