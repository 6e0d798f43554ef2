"""What the site search looks through and how a result presents itself.

Searches live, public, real (not alias) pages of the visitor's language,
grouped into the types a visitor can filter by. Promotions chosen by editors
(Settings → Promoted search results) come first, in the visitor's language.
"""

import re
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from contact.models import ContactPage
from core.localization import locale_home, real_pages
from easyread.models import EasyReadIndexPage, EasyReadPage
from events.dates import event_when
from events.models import EventIndexPage, EventPage, EventSeriesPage
from home.models import AccessibilityStatementPage, HomePage, StandardPage
from members.models import MemberIndexPage, MemberPage
from news.models import NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage
from search.backend import backend_for_language, ranked_ids
from signlanguage.models import SignLanguageIndexPage, SignLanguageVideoPage

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
        (
            StandardPage,
            AccessibilityStatementPage,
            ContactPage,
            EasyReadIndexPage,
            EasyReadPage,
            SignLanguageIndexPage,
            SignLanguageVideoPage,
            HomePage,
            NewsIndexPage,
            EventIndexPage,
            PartnerIndexPage,
            MemberIndexPage,
        ),
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
    EasyReadPage: _("Easy-to-read German"),
    SignLanguageVideoPage: _("German Sign Language video"),
}
DEFAULT_TYPE_LABEL = _("Page")


def content_type_ids(models):
    # ContentType's manager caches these per process: no query after the first.
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


def searchable_pages(request, locale_id):
    """Pages a visitor may find: live, public, not aliases, in one language, of the searched types."""
    models = [model for result_type in RESULT_TYPES for model in result_type.models]
    pages = Page.objects.filter(locale_id=locale_id, content_type_id__in=content_type_ids(models))
    return real_pages(pages, request)


@dataclass
class Matches:
    """Every page a search found, most relevant first: ids and content type ids.

    Found with one query; counting by type, narrowing to a type and paging
    need no further search.
    """

    ids: array
    content_types: array

    @classmethod
    def find(cls, query, request, language_code, locale_id):
        backend = backend_for_language(language_code)
        found = ranked_ids(backend, query, searchable_pages(request, locale_id), operator="and")
        return cls(array("i", [pk for pk, _kind in found]), array("i", [kind for _pk, kind in found]))

    def counts_by_type(self):
        """{type key: number of results}."""
        tally = Counter(self.content_types)
        return {
            result_type.key: sum(tally[pk] for pk in content_type_ids(result_type.models))
            for result_type in RESULT_TYPES
        }

    def ids_of(self, result_type=None):
        """The ids of the matches of one type (of all when None), most relevant first."""
        if result_type is None:
            return list(self.ids)
        wanted = set(content_type_ids(result_type.models))
        return [pk for pk, kind in zip(self.ids, self.content_types, strict=True) if kind in wanted]


def pages_in_order(ids):
    """The specific pages with these ids, in the same order."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]


@dataclass
class Result:
    """One found page, ready for the template."""

    title: str
    url: str
    type_label: str = ""
    teaser: str = ""
    date: object = None  # a datetime for <time datetime>
    date_text: str = ""
    cancelled: bool = False  # an event that will not take place


def url_in_language(request):
    """A function giving the URL of a page of the visitor's language: its
    home page's URL and the rest of its url_path, as Page.get_url() would
    answer (which reverses a URL for each page: a tenth of the search's time)."""
    home = locale_home(request)
    home_url = home.get_url(request) if home is not None else None

    def locate(page):
        if home_url is not None and page.url_path.startswith(home.url_path):
            return home_url + page.url_path[len(home.url_path) :]
        return page.get_url(request)

    return locate


def page_result(page, request, teaser=None, locate=None):
    result = Result(
        title=page.title,
        url=locate(page) if locate else page.get_url(request),
        type_label=TYPE_LABELS.get(type(page), DEFAULT_TYPE_LABEL),
        teaser=Truncator(teaser or getattr(page, "meta_description", "") or "").words(TEASER_WORDS),
    )
    if isinstance(page, NewsPage) and page.date:
        result.date = page.date
    elif isinstance(page, EventPage):
        result.date, result.date_text = page.start, event_when(page.start, page.end, page.all_day)
        result.cancelled = page.cancelled
    if result.date:
        # <time datetime> allows at most milliseconds; a release published "now" has microseconds.
        result.date = result.date.replace(microsecond=0)
    return result


def page_results(ids, request):
    """The results for the pages with these ids, in the same order."""
    locate = url_in_language(request)
    return [page_result(page, request, locate=locate) for page in pages_in_order(ids)]


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
