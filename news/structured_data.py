"""schema.org NewsArticle for a press release (JSON-LD)."""

from django.utils import timezone

from core.localization import absolute_url, language_of, page_url
from core.models import credit_name
from core.structured_data import organisation


def news_article(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "url": page_url(page, request),
        "mainEntityOfPage": page_url(page, request),
        "inLanguage": language_of(page),
        "datePublished": timezone.localtime(page.date).isoformat() if page.date else None,
        "dateModified": timezone.localtime(page.last_published_at or page.date).isoformat() if page.date else None,
        "author": organisation(request),
        "publisher": organisation(request),
    }
    if page.dateline:
        data["dateline"] = page.dateline
    if page.lead_image:
        rendition = page.lead_image.get_rendition("fill-1200x675|format-jpeg")
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "caption": page.lead_image_caption or page.lead_image_alt,
            "creditText": credit_name(page.lead_image.credit),
        }
    topics = page.topics
    if topics:
        data["keywords"] = [topic.name for topic in topics]
    return {key: value for key, value in data.items() if value is not None}
