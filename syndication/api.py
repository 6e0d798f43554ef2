"""The read API: the network's releases, events and member offices as JSON,
for the member cities' own sites and apps (/api/v2/news/, /events/, /members/).

Wagtail's API v2, narrowed to what an anonymous visitor of the site sees
(core.localization.real_pages: live, public, no aliases), to three page
types and to one language per request (?locale=de|en, German by default).
The filters are the listings' own, under the same names and values
(core.listing); the order is the listings' too. Every answer is JSON: a bad
parameter 400, an unknown id 404, never a server error.

Responses are kept in the page cache like pages (core.caching.page_cache),
keyed by the parameters a view understood (vary_on), and purged with the
pages they show (core.caching.purge.api_paths: an endpoint is named after
the app of its page type). A list costs the same few queries at any length:
what its items show of other pages is read once for all of them (prepare).
"""

import time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.urls import path
from django.utils import timezone, translation

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page

from rest_framework import serializers
from rest_framework.exceptions import APIException
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from core import relations
from core.caching import precomputed
from core.caching.fragments import limit_page_life
from core.caching.page_cache import vary_on
from core.images import prefetch_renditions
from core.listing import Filters, choice_filter, city_filter, read_filters, topic_filter, year_filter
from core.localization import absolute_url, active_locale_id, language_of, page_url, real_pages
from core.utils import ascii_int, query_param
from events.models import EventFormat, EventIndexPage, EventPage, EventPageTopic, EventSeriesPage
from members.models import FederalState, MemberIndexPage, MemberPage
from news.models import NewsIndexPage, NewsPage, NewsPageMember, NewsPageTopic

BERLIN = ZoneInfo("Europe/Berlin")
# Site sizes (core.images.PHOTO_SPECS): made by the task worker, never for a request.
IMAGE_SPECS = {"image": "format-jpeg|width-800", "thumbnail": "format-jpeg|fill-480x270"}
LIMIT_DEFAULT = 20


def http_request(serializer_field):
    """The Django request under DRF's: the page cache, the frame cache and
    the URL helpers read and write their notes there."""
    return serializer_field.context["request"]._request


# Fields ----------------------------------------------------------------------


class BerlinDateTime(serializers.Field):
    """A moment in ISO 8601 with the offset of German time
    ("2027-03-15T10:00:00+01:00"), whatever the server's time zone."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return timezone.localtime(value, BERLIN).isoformat(timespec="seconds")


class PageField(serializers.Field):
    """A value made from the whole page (and what the view read for all the
    pages of the response at once)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return self.represent(page, self.context["view"], http_request(self))


class HtmlUrl(PageField):
    """The page on the site: its Site's root URL, never the request's host."""

    def represent(self, page, view, request):
        return page_url(page, request)


class DetailUrl(PageField):
    def represent(self, page, view, request):
        return absolute_url(request, self.context["router"].get_object_detail_urlpath(type(page), page.pk))


class Language(PageField):
    def represent(self, page, view, request):
        return language_of(page)


class TranslationKey(PageField):
    """The same in every language: pairs a page with its translations."""

    def represent(self, page, view, request):
        return str(page.translation_key)


class Translations(PageField):
    def represent(self, page, view, request):
        return view.translations.get(page.translation_key, [])


class Choice(PageField):
    """A choice's value and its name in the page's language."""

    def __init__(self, choice, **kwargs):
        self.choice = choice
        super().__init__(**kwargs)

    def represent(self, page, view, request):
        return {"value": getattr(page, self.choice), "label": str(getattr(page, f"get_{self.choice}_display")())}


class Topics(PageField):
    def represent(self, page, view, request):
        return [{"name": topic.name, "slug": topic.slug} for topic in page.topics]


class LeadImage(PageField):
    """The lead photo at 800 pixels wide and as a 16:9 thumbnail, with the
    alternative text and caption of the page and the image's credit line,
    which must be shown with it."""

    def represent(self, page, view, request):
        image = page.lead_image
        if image is None:
            return None
        renditions = image.get_renditions(*IMAGE_SPECS.values())
        sizes = {
            name: {
                "url": absolute_url(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in IMAGE_SPECS.items()
        }
        return {
            **sizes["image"],
            "thumbnail": sizes["thumbnail"],
            "alt": page.lead_image_alt,
            "caption": page.lead_image_caption,
            "credit": image.credit,
        }


class HostMember(PageField):
    """The host city, in the event's language."""

    def represent(self, page, view, request):
        return view.hosts.get(page.pk)


class Series(PageField):
    def represent(self, page, view, request):
        return view.series.get(page.pk)


class Cities(PageField):
    """The member cities a release names, in its language."""

    def represent(self, page, view, request):
        return view.cities.get(page.pk, [])


# Views -------------------------------------------------------------------------


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the client asks: `?format=` is the events' filter (DRF
    would read it as the output format), and a cached answer is the same for
    every Accept header."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class Pagination(WagtailPagination):
    """Wagtail's ?limit= and ?offset=, read as ASCII digits (core.utils.
    ascii_int: "١" or "9" * 40 are refused, not misread or sent to the
    database). Kept in the page cache in their plain spelling, and an offset
    only below the number of items: no made-up page leaves an entry behind."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset, offset_text = self.number(request, "offset", 0)
        limit, limit_text = self.number(request, "limit", min(LIMIT_DEFAULT, limit_max))
        if limit > limit_max:
            raise BadRequestError(f"limit cannot be higher than {limit_max}")
        self.view = view
        items = list(queryset[offset : offset + limit])
        if len(items) < limit and (items or offset == 0):
            self.total_count = offset + len(items)  # the last page: no need to count
        else:
            self.total_count = queryset.count()
        vary_on(
            request._request,
            limit=limit_text,
            offset=offset_text if offset == 0 or offset < self.total_count else None,
        )
        return items

    @staticmethod
    def number(request, name, default):
        """(the number, its text if written plainly), or a 400."""
        text = request.GET.get(name)
        if text is None:
            return default, None
        value = ascii_int(text, max_digits=9)
        if value is None:
            raise BadRequestError(f"{name} must be a whole number of at least 0")
        return value, text if text == str(value) else None


class ReadAPIViewSet(PagesAPIViewSet):
    """One page type, read-only, for anonymous readers: the listing in one
    language with the site's filters, and each page by its id."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    pagination_class = Pagination
    # Nobody signs in: the answer is the same for everyone, and kept.
    authentication_classes = []
    permission_classes = [AllowAny]
    # The filters are the listing's (filter_items), not Wagtail's generic ones.
    filter_backends = []
    index_model = None
    # Query parameters besides the endpoint's filters. "_" is the cache-buster
    # some scripts add: answered, never kept.
    listing_parameters = {"locale", "limit", "offset", "fields", "_"}
    detail_parameters = {"fields", "_"}
    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "locale",
        "translation_key",
        "translations",
        "first_published_at",
        "last_published_at",
        "search_description",
    ]
    extra_body_fields = []

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields([*cls.body_fields, *getattr(model, "api_fields", ()), *cls.extra_body_fields])

    @classmethod
    def get_listing_default_fields(cls, model):
        # A consumer gets everything in one request; ?fields= narrows it.
        return cls.get_available_fields(model)

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            "detail_url": DetailUrl(),
            "html_url": HtmlUrl(),
            "locale": Language(),
            "translation_key": TranslationKey(),
            "translations": Translations(),
            "first_published_at": BerlinDateTime(),
            "last_published_at": BerlinDateTime(),
            **cls.serializers(),
        }

    @classmethod
    def serializers(cls):
        """The endpoint's own fields: {name: serializer field}."""
        return {}

    @classmethod
    def get_urlpatterns(cls):
        # No "find/" view: a page is found by its id, or in the listing.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def handle_exception(self, exc):
        """Every error as {"message": …}, as Wagtail answers a bad request."""
        if isinstance(exc, APIException):
            return Response({"message": str(exc.detail)}, status=exc.status_code)
        return super().handle_exception(exc)

    # Parameters ----------------------------------------------------------------

    def check_parameters(self, known):
        unknown = set(self.request.GET) - known
        if unknown:
            raise BadRequestError(
                f"query parameter not understood: {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})"
            )

    def read_locale(self):
        """?locale=de|en (German without it): the language of the listing."""
        text = self.request.GET.get("locale")
        if text is None:
            return settings.LANGUAGE_CODE
        codes = [code for code, _name in settings.LANGUAGES]
        if text not in codes or active_locale_id(text) is None:
            raise BadRequestError(f"locale must be one of {', '.join(codes)}")
        vary_on(self.request._request, locale=text)
        return text

    def parse_filters(self, parsers):
        """The listing's filters (core.listing parsers), each validated on its
        own so that a 400 names the parameter; the page cache varies on them."""
        filters = Filters()
        for name, parse in parsers.items():
            try:
                filters.update(read_filters(self.request._request, **{name: parse}))
            except Http404 as error:
                raise BadRequestError(f"{name}: {error} ({query_param(self.request._request, name)!r})") from error
        return filters

    def get_serializer_class(self):
        serializer_class = super().get_serializer_class()
        fields = self.request.GET.get("fields")
        if fields is not None and fields == canonical_fields(fields):
            vary_on(self.request._request, fields=fields)
        return serializer_class

    def get_serializer_context(self):
        # Without Wagtail's base_queryset (three queries per request): only
        # its `parent` field reads it, which these endpoints do not show.
        return BaseAPIViewSet.get_serializer_context(self)

    # Views ---------------------------------------------------------------------

    def get_queryset(self):
        """Every page of the type a visitor may see (the detail view's)."""
        return real_pages(self.model.objects.all(), self.request._request)

    def listing_view(self, request):
        self.check_parameters(self.listing_parameters | set(self.filter_parsers(None, None)))
        language = self.read_locale()
        with translation.override(language):
            index = self.index_model.for_request(request._request)
            if index is None:  # the section is not published in this language
                items = self.model.objects.none()
                self.parse_filters(self.filter_parsers(None, active_locale_id(language)))
            else:
                items = self.filter_items(index, self.parse_filters(self.filter_parsers(index, index.locale_id)))
            items = list(self.paginate_queryset(self.with_data(items)))
            self.prepare(items, language)
            serializer = self.get_serializer(items, many=True)
            response = self.get_paginated_response(serializer.data)
        response["Content-Language"] = language
        return response

    def detail_view(self, request, pk):
        self.check_parameters(self.detail_parameters)
        page = self.get_object()
        language = language_of(page)
        with translation.override(language):
            self.prepare([page], language)
            response = Response(self.get_serializer(page).data)
        response["Content-Language"] = language
        return response

    def get_object(self):
        if self.kwargs["pk"] > 2**31 - 1:  # no such id, nor a number the database takes
            raise Http404("not found")
        if not hasattr(self, "_cached_object"):
            self._cached_object = self.with_data(self.get_queryset()).filter(pk=self.kwargs["pk"]).first()
        if self._cached_object is None:
            raise Http404("not found")
        return self._cached_object

    # What each endpoint says ---------------------------------------------------

    def filter_parsers(self, index, locale_id):
        """{parameter: parser} of the listing's filters (core.listing)."""
        return {}

    def filter_items(self, index, filters):
        """The index's pages a visitor may see, filtered and in listing order."""
        raise NotImplementedError

    def with_data(self, queryset):
        """What the fields show, fetched with the pages in a fixed number of queries."""
        return queryset

    def prepare(self, pages, language):
        """Read what the pages show of other pages, once for all of them."""
        request = self.request._request
        self.translations = translations(pages, request)


def canonical_fields(text):
    """The one spelling of a ?fields= value the page cache keeps: names
    sorted, each once, "*" or "_" first, no nesting (any other spelling is
    answered, not kept: the variants of a response stay few)."""
    try:
        config = parse_fields_parameter(text)
    except ValueError:
        return None
    if any(sub_fields for _name, _negated, sub_fields in config):
        return None
    first = [config.pop(0)[0]] if config and config[0][0] in ("*", "_") else []
    return ",".join(first + sorted({f"-{name}" if negated else name for name, negated, _sub in config}))


def translations(pages, request):
    """{translation key: [{"locale", "id", "html_url"}]}: the versions of each
    page in the other languages that a visitor may see."""
    if not pages:
        return {}
    found = {}
    others = real_pages(
        Page.objects.filter(translation_key__in={page.translation_key for page in pages}).exclude(
            pk__in=[page.pk for page in pages]
        ),
        request,
    ).only("pk", "translation_key", "locale_id", "url_path")
    for other in others.order_by("locale_id"):
        found.setdefault(other.translation_key, []).append(
            {"locale": language_of(other), "id": other.pk, "html_url": page_url(other, request)}
        )
    return found


def member_summary(member, request):
    return {"id": member.pk, "city": member.city, "slug": member.slug, "html_url": page_url(member, request)}


def page_summary(page, request):
    return {"id": page.pk, "title": page.title, "slug": page.slug, "html_url": page_url(page, request)}


def image_data(queryset):
    return queryset.select_related("lead_image").prefetch_related(
        prefetch_renditions("lead_image", *IMAGE_SPECS.values())
    )


class NewsAPIViewSet(ReadAPIViewSet):
    """Press releases, newest first: ?topic=, ?city=, ?year= as on the news listing."""

    name = "news"
    model = NewsPage
    index_model = NewsIndexPage

    @classmethod
    def serializers(cls):
        return {"date": BerlinDateTime(), "topics": Topics(), "lead_image": LeadImage(), "cities": Cities()}

    extra_body_fields = ["cities"]

    def get_queryset(self):
        # A release dated ahead appears when its date comes, as in the listing.
        return super().get_queryset().filter(date__lte=timezone.now())

    def filter_parsers(self, index, locale_id):
        return {
            "topic": topic_filter(locale_id),
            "city": city_filter(locale_id, self.request._request),
            "year": year_filter,
        }

    def filter_items(self, index, filters):
        request = self.request._request
        releases = index.releases(request)
        if "topic" in filters:
            releases = releases.filter(pk__in=NewsPageTopic.objects.filter(topic=filters["topic"]).values("page_id"))
        if "city" in filters:
            named = NewsPageMember.objects.filter(member__translation_key=filters["city"].translation_key)
            releases = releases.filter(pk__in=named.values("page_id"))
        if "year" in filters:
            releases = releases.filter(date__year=filters["year"])
        due = index.listing_index().next_release_due(time.time())
        if due is not None:  # a release dated ahead joins the list then
            limit_page_life(request, due)
        return releases

    def with_data(self, queryset):
        return image_data(queryset).prefetch_related(
            Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic"))
        )

    def prepare(self, pages, language):
        super().prepare(pages, language)
        request = self.request._request
        links = list(
            NewsPageMember.objects.filter(page__in=[page.pk for page in pages])
            .order_by("sort_order", "pk")
            .values_list("page_id", "member__translation_key")
        )
        members = {}
        if links:
            keys = {key for _page, key in links}
            locale_id = active_locale_id(language)
            members = {
                m.translation_key: m for m in relations.in_language(relations.MEMBER_PAGE, keys, locale_id, request)
            }
        self.cities = {}
        for page_id, key in links:
            if key in members:
                self.cities.setdefault(page_id, []).append(member_summary(members[key], request))


class When(models.TextChoices):
    """?when= of the events: the upcoming ones (the default) or the past."""

    UPCOMING = "upcoming"
    PAST = "past"


class EventsAPIViewSet(ReadAPIViewSet):
    """Events: upcoming by start (?when=upcoming, the default) or past ones
    latest first (?when=past); ?city=, ?series=, ?format=, ?topic= as on the
    events listing."""

    name = "events"
    model = EventPage
    index_model = EventIndexPage
    extra_body_fields = ["series"]

    @classmethod
    def serializers(cls):
        return {
            "start": BerlinDateTime(),
            "end": BerlinDateTime(),
            "registration_deadline": BerlinDateTime(),
            "event_format": Choice("event_format"),
            "host_member": HostMember(),
            "topics": Topics(),
            "lead_image": LeadImage(),
            "series": Series(),
        }

    def filter_parsers(self, index, locale_id):
        request = self.request._request

        def series(slug):
            if index is None:
                raise Http404("Unknown series")
            return index.series_filter(request)(slug)

        return {
            "when": choice_filter(When),
            "format": choice_filter(EventFormat),
            "series": series,
            "city": city_filter(locale_id, request),
            "topic": topic_filter(locale_id),
        }

    def filter_items(self, index, filters):
        request = self.request._request
        events = EventIndexPage.apply_filters(index.events(request), filters)
        if "topic" in filters:
            events = events.filter(pk__in=EventPageTopic.objects.filter(topic=filters["topic"]).values("page_id"))
        # The first event to end moves from the upcoming to the past ones.
        now = time.time()
        ends = [item.ends for item in precomputed.get("event-schedule", index) if item.ends >= now]
        if ends:
            limit_page_life(request, min(ends))
        return events.past() if filters.get("when") == When.PAST else events.upcoming()

    def with_data(self, queryset):
        return (
            image_data(queryset)
            .select_related("host_member")
            .prefetch_related(Prefetch("topic_links", queryset=EventPageTopic.objects.select_related("topic")))
        )

    def prepare(self, pages, language):
        super().prepare(pages, language)
        request = self.request._request
        keys = {page.host_member.translation_key for page in pages if page.host_member_id}
        hosts = {}
        if keys:
            found = relations.in_language(relations.MEMBER_PAGE, keys, active_locale_id(language), request)
            hosts = {member.translation_key: member_summary(member, request) for member in found}
        self.hosts = {page.pk: hosts.get(page.host_member.translation_key) for page in pages if page.host_member_id}
        parents = {page.pk: page.path[: -Page.steplen] for page in pages}
        series = real_pages(EventSeriesPage.objects.filter(path__in=set(parents.values())), request) if pages else []
        series = {item.path: page_summary(item, request) for item in series}
        self.series = {pk: series.get(parent) for pk, parent in parents.items()}


class MembersAPIViewSet(ReadAPIViewSet):
    """The member offices by city: ?state= (the federal state's code) as in the directory."""

    name = "members"
    model = MemberPage
    index_model = MemberIndexPage

    @classmethod
    def serializers(cls):
        return {
            "federal_state": Choice("federal_state"),
            "latitude": serializers.FloatField(read_only=True),
            "longitude": serializers.FloatField(read_only=True),
        }

    def filter_parsers(self, index, locale_id):
        return {"state": choice_filter(FederalState)}

    def filter_items(self, index, filters):
        members = index.members(self.request._request)
        if "state" in filters:
            members = members.filter(federal_state=filters["state"])
        return members


api_router = WagtailAPIRouter("api")
for endpoint in (NewsAPIViewSet, EventsAPIViewSet, MembersAPIViewSet):
    api_router.register_endpoint(endpoint.name, endpoint)
