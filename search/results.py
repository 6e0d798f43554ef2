"""What the site search looks through and how a result presents itself.

Searches live, public, real (not alias) pages of the visitor's language,
grouped into the types a visitor can filter by. Promotions chosen by editors
(Settings → Promoted search results) come first, in the visitor's language.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.localization import real_pages
from events.dates import event_when
from events.models import EventIndexPage, EventPage, EventSeriesPage
from home.models import HomePage, StandardPage
from members.models import MemberIndexPage, MemberPage
from news.models import NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage
from search.backend import backend_for_language

TEASER_WORDS = 40


@dataclass(frozen=True)
class ResultType:
    """A group of page types a visitor can narrow the search to with ?type=<key>."""

    key: str
    label: str
    models: tuple


RESULT_TYPES = (
    ResultType("news", _("Press releases"), (NewsPage,)),
    ResultType("events", _("Events"), (EventPage, EventSeriesPage)),
    ResultType("partners", _("Partners"), (PartnerPage,)),
    ResultType("members", _("Members"), (MemberPage,)),
    ResultType(
        "pages",
        _("Pages"),
        (StandardPage, HomePage, NewsIndexPage, EventIndexPage, PartnerIndexPage, MemberIndexPage),
    ),
)
TYPES_BY_KEY = {result_type.key: result_type for result_type in RESULT_TYPES}

# What a single result says it is.
TYPE_LABELS = {
    NewsPage: _("Press release"),
    EventPage: _("Event"),
    EventSeriesPage: _("Event series"),
    PartnerPage: _("Partner"),
    MemberPage: _("Member"),
}
DEFAULT_TYPE_LABEL = _("Page")


def content_type_ids(models):
    # ContentType's manager caches these per process: no query after the first.
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


def searchable_pages(request, locale_id, result_type=None):
    """Pages a visitor may find: live, public, not aliases, in one language, of the searched types.

    The conditions sit in a subquery, since the search backends accept
    filters only on indexed fields (`id` is one).
    """
    models = result_type.models if result_type else [m for t in RESULT_TYPES for m in t.models]
    pages = Page.objects.filter(locale_id=locale_id, content_type_id__in=content_type_ids(models))
    return Page.objects.filter(pk__in=Subquery(real_pages(pages, request).values("pk")))


def search_pages(query, request, language_code, locale_id, result_type=None):
    """Search results, most relevant first, as specific pages fetched in bulk."""
    backend = backend_for_language(language_code)
    pages = searchable_pages(request, locale_id, result_type).specific()
    return backend.search(query, pages, operator="and")


def counts_by_type(results):
    """{type key: number of results} from one faceted query."""
    by_content_type = results.facet("content_type_id")
    counts = {}
    for result_type in RESULT_TYPES:
        ids = content_type_ids(result_type.models)
        counts[result_type.key] = sum(count for pk, count in by_content_type.items() if pk in ids)
    return counts


@dataclass
class Result:
    """One found page, ready for the template."""

    title: str
    url: str
    type_label: str = ""
    teaser: str = ""
    date: object = None  # a datetime for <time datetime>
    date_text: str = ""


def page_result(page, request, teaser=None):
    result = Result(
        title=page.title,
        url=page.get_url(request),
        type_label=TYPE_LABELS.get(type(page), DEFAULT_TYPE_LABEL),
        teaser=Truncator(teaser or getattr(page, "meta_description", "") or "").words(TEASER_WORDS),
    )
    if isinstance(page, NewsPage) and page.date:
        result.date = page.date
    elif isinstance(page, EventPage):
        result.date, result.date_text = page.start, event_when(page.start, page.end, page.all_day)
    if result.date:
        # <time datetime> allows at most milliseconds; a release published "now" has microseconds.
        result.date = result.date.replace(microsecond=0)
    return result


def promoted_results(query, request, locale_id):
    """Editors' promotions for this query: pages in the visitor's language, and external links.

    A promotion usually points at the German page; on the English site it
    shows the live English translation, or nothing when there is none.
    """
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    if not promotions:
        return []
    keys = [promotion.page.translation_key for promotion in promotions if promotion.page]
    pages = real_pages(Page.objects.filter(translation_key__in=keys, locale_id=locale_id), request).specific()
    by_key = {page.translation_key: page for page in pages}
    results = []
    for promotion in promotions:
        if promotion.page is None:
            if promotion.external_link_url:
                text = promotion.external_link_text or promotion.external_link_url
                results.append(
                    Result(
                        title=text,
                        url=promotion.external_link_url,
                        type_label=_("External website"),
                        teaser=promotion.description,
                    )
                )
            continue
        page = by_key.get(promotion.page.translation_key)
        if page is None:
            continue
        # The editor's description is in the language of the page they chose.
        description = promotion.description if page.pk == promotion.page_id else ""
        results.append(page_result(page, request, teaser=description))
    return results


def search_terms(query):
    """The words of a query: what is searched for and marked in the results."""
    return re.findall(r"\w+", query)


@lru_cache(maxsize=256)
def highlight_pattern(terms):
    """A pattern for the words to mark: each term's stem-ish prefix and the rest of the word.

    The database matches word stems ("Diskriminierungen" finds
    "Diskriminierung"), so the marks follow loosely: a term longer than four
    letters loses up to two, and whole words starting with the rest are marked.
    """
    prefixes = set()
    for term in terms:
        term = term.lower()
        if len(term) < 2:
            continue
        prefixes.add(term if len(term) <= 4 else term[: max(4, len(term) - 2)])
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)
