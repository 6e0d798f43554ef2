"""schema.org WebPage for a page in Leichte Sprache (JSON-LD).

schema.org has no type or enumerated value for easy-to-read language, so
the page says it in the properties made for such statements, all plain
text and valid on a WebPage (a CreativeWork): `inLanguage` "de" (Leichte
Sprache is German; BCP 47 has no subtag for it), `audience` with an
`audienceType` naming the readers it is written for, and an
`accessibilitySummary` naming the rules it follows. Search engines and
assistive software that read the markup learn what the page is; nothing
claims a vocabulary value that does not exist.
"""

from core.localization import absolute_url, page_url
from core.structured_data import organisation

# German, like the page: the values describe it to machines that index German pages.
AUDIENCE = "Menschen, die Texte in Leichter Sprache brauchen"
SUMMARY = "Text in Leichter Sprache nach BITV 2.0, Anlage 2, Teil 2: kurze Sätze, eine Aussage pro Zeile."


def easy_read_web_page(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "url": page_url(page, request),
        "inLanguage": "de",
        "description": page.meta_description or None,
        "audience": {"@type": "Audience", "audienceType": AUDIENCE},
        "accessibilitySummary": SUMMARY,
        "isPartOf": {"@type": "WebSite", "url": absolute_url(request, "/")},
        "publisher": organisation(request),
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return {key: value for key, value in data.items() if value is not None}
