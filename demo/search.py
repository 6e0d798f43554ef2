"""Demo promotions for the site search, called by load_demo.

Editors promote pages under Settings → Promoted search results; the demo
shows how: the German page is chosen once, visitors of the English site
see its English translation.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from members.models import MemberIndexPage
from news.models import NewsIndexPage

# (query, page type, description in the page's language: German)
DEMO_PROMOTIONS = [
    ("beratung", MemberIndexPage, "Finden Sie die Antidiskriminierungsstelle in Ihrer Stadt."),
    ("counselling", MemberIndexPage, ""),
    ("presse", NewsIndexPage, "Pressemitteilungen, Pressefotos und Ansprechpersonen für die Presse."),
    ("press", NewsIndexPage, ""),
]


def create_demo_promotions():
    """Promote the member directory and the newsroom for a few queries (idempotent)."""
    locale = Locale.get_default()
    for number, (query, model, description) in enumerate(DEMO_PROMOTIONS):
        page = model.objects.filter(locale=locale).first()
        if page is None:
            continue
        SearchPromotion.objects.get_or_create(
            query=Query.get(query), page=page, defaults={"description": description, "sort_order": number}
        )
