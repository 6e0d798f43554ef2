"""The site search page (/de/suche/, /en/search/) and its OpenSearch description."""

import hashlib
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.search.utils import normalise_query_string

from core.caching.fragments import TIME_BOUND, frame_cached
from core.listing import paginate
from core.localization import absolute_url, active_locale_id
from core.models import SiteSettings
from core.utils import query_param
from search import hits
from search import results as search_results

QUERY_MAX_LENGTH = 200
PAGE_SIZE = 10


def clean_query(request):
    """The query as searched: control characters removed, spaces collapsed,
    at most QUERY_MAX_LENGTH characters. Returns (query, was_shortened)."""
    query = " ".join(query_param(request, "q", max_length=QUERY_MAX_LENGTH * 2).split())
    return query[:QUERY_MAX_LENGTH].strip(), len(query) > QUERY_MAX_LENGTH


def search_url(language_code, **params):
    with translation.override(language_code):
        url = reverse("search")
    params = {key: value for key, value in params.items() if value}
    return f"{url}?{urlencode(params)}" if params else url


@require_safe
def search(request):
    query, shortened = clean_query(request)
    type_key = query_param(request, "type", max_length=20)
    result_type = search_results.TYPES_BY_KEY.get(type_key)
    if result_type is None:
        type_key = ""  # an unknown type searches everything
    language = get_language()
    locale_id = active_locale_id()
    terms = search_results.search_terms(query)

    page_obj = paginator = None
    counts, promoted, found = {}, [], []
    if terms and locale_id is not None:
        text = " ".join(terms)  # words only: no query syntax reaches the database
        # Results change only when something is published: a search repeated
        # within a frame generation (at most a minute) is answered from the
        # cache, whoever asks (it holds only live, public pages).
        digest = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()

        matches = frame_cached(
            request,
            f"search:{locale_id}:{digest}",
            lambda: search_results.Matches.find(text, request, language, locale_id),
            TIME_BOUND,
        )
        counts = matches.counts_by_type()
        ids = matches.ids_of(result_type)
        paginator, page_obj = paginate(request, ids, PAGE_SIZE)
        found = frame_cached(
            request,
            f"search:{locale_id}:{digest}:{type_key}:{page_obj.number}",
            lambda: search_results.page_results(list(page_obj.object_list), request),
            TIME_BOUND,
        )
        if page_obj.number == 1 and not type_key:
            # Editors' promotions: a saved promotion renews the generation (core/caching/purge.py).
            normalised = normalise_query_string(query)
            promoted = frame_cached(
                request,
                f"search:{locale_id}:{hashlib.md5(normalised.encode(), usedforsecurity=False).hexdigest()}:promoted",
                lambda: search_results.promoted_results(normalised, request, locale_id),
                TIME_BOUND,
            )
        # Count what visitors look for (Reports → Search terms): typed searches,
        # not their next pages or filters; written by the task worker (search/hits.py).
        if not shortened and "page" not in request.GET and "type" not in request.GET:
            hits.count(query)

    total = sum(counts.values())
    type_links = [
        {
            "key": "",
            "label": _("All"),
            "count": total,
            "url": search_url(language, q=query),
            "current": not type_key,
        }
    ] + [
        {
            "key": kind.key,
            "label": kind.label,
            "count": counts.get(kind.key, 0),
            "url": search_url(language, q=query, type=kind.key),
            "current": kind.key == type_key,
        }
        for kind in search_results.RESULT_TYPES
        if counts.get(kind.key) or kind.key == type_key
    ]
    context = {
        "query": query,
        "shortened": shortened,
        "query_max_length": QUERY_MAX_LENGTH,
        "type_key": type_key,
        "type_label": result_type.label if result_type else "",
        "type_links": type_links,
        "total": total,
        "count": paginator.count if paginator else 0,
        "results": found,
        "page_obj": page_obj,
        "promoted": promoted,
        "highlight": search_results.highlight_pattern(tuple(terms)),
        # The language switcher leads to the same search in the other language.
        "language_urls": {code: search_url(code, q=query, type=type_key) for code, _name in settings.LANGUAGES},
    }
    response = render(request, "search/search_page.html", context)
    # Every query is counted for the search promotions report, and results
    # change with every publish: never kept by the page cache or a CDN.
    patch_cache_control(response, private=True, max_age=0)
    return response


OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/"


@require_safe
def opensearch(request):
    """OpenSearch description: lets browsers offer this site's search in their address bar."""
    site_settings = SiteSettings.for_request(request)
    language = get_language()
    ET.register_namespace("", OPENSEARCH_NS)
    root = ET.Element(f"{{{OPENSEARCH_NS}}}OpenSearchDescription")

    def add(tag, text=None, **attributes):
        element = ET.SubElement(root, f"{{{OPENSEARCH_NS}}}{tag}", attributes)
        element.text = text
        return element

    # At most 16 characters, says the specification.
    add("ShortName", pgettext("OpenSearch short name, at most 16 characters", "ADS network")[:16])
    add("Description", _("Search %(name)s") % {"name": site_settings.name})
    add("InputEncoding", "UTF-8")
    add("Language", language)
    add("Image", absolute_url(request, static("img/favicon.svg")), width="48", height="48", type="image/svg+xml")
    template = absolute_url(request, reverse("search")) + "?q={searchTerms}"
    add("Url", type="text/html", method="get", template=template)
    add(
        "Url",
        type="application/opensearchdescription+xml",
        rel="self",
        template=absolute_url(request, reverse("opensearch")),
    )
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return HttpResponse(body, content_type="application/opensearchdescription+xml; charset=utf-8")
