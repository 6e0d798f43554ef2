"""Events and the training series: listings, calendars and structured data."""

import time
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from core import relations
from core.blocks import ArticleStreamBlock
from core.caching import precomputed
from core.caching.fragments import TIME_BOUND, cached_document, frame_cached, limit_page_life
from core.embed import EmbedRoutes
from core.feeds import FeedRoutes
from core.listing import IndexPage, choice_filter, city_filter, paginate, read_filters
from core.localization import real_pages, site_root_url, stable_uuid
from core.models import BasePage, LeadImageMixin
from core.page_forms import EventPageForm
from core.utils import in_order, linked_topics
from events import schedule
from events.dates import event_when

PAGE_SIZE = 12


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet (computed at request time)."""
        now = now or timezone.now()
        return self.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now - timedelta(hours=12))).order_by(
            "start", "pk"
        )

    def past(self, now=None):
        now = now or timezone.now()
        return self.exclude(Q(end__gte=now) | Q(end__isnull=True, start__gte=now - timedelta(hours=12))).order_by(
            "-start", "-pk"
        )


class EventIndexPage(FeedRoutes, EmbedRoutes, RoutablePageMixin, IndexPage):
    """'Veranstaltungen' / 'Events': upcoming first, past on their own pages,
    filters by format, series and host city; calendar and RSS feeds."""

    rss_feed_class = "events.feeds.UpcomingEventsFeed"
    embed_template = "core/embed/events.html"

    subpage_types = ["events.EventSeriesPage", "events.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def teaser_items(self, request, count):
        """The next events (home pages)."""
        return list(self.events(request).upcoming().select_related("host_member")[:count])

    def events(self, request=None):
        """Live events below this index (directly or in a series), in its language."""
        return real_pages(EventPage.objects.descendant_of(self), request)

    def filters_from_request(self, request):
        """?format=, ?series= and ?city= (core.listing), for the listings,
        the calendar and the feed alike."""
        return read_filters(
            request,
            format=choice_filter(EventFormat),
            series=self.series_filter(request),
            city=city_filter(self.locale_id, request),
        )

    def series_filter(self, request):
        def parse(slug):
            series = real_pages(EventSeriesPage.objects.descendant_of(self).filter(slug=slug), request).first()
            if series is None:
                raise Http404("Unknown series")
            return series

        return parse

    @staticmethod
    def apply_filters(events, filters):
        if "format" in filters:
            events = events.filter(event_format=filters["format"])
        if "series" in filters:
            events = events.child_of(filters["series"])
        if "city" in filters:
            events = events.filter(host_member__translation_key=filters["city"].translation_key)
        return events

    def listing(self, request, past):
        """Upcoming events by start, or past ones latest first, from the
        precomputed schedule (events.schedule): any filter and page number
        costs the same, and the page lives until the next of its events ends."""
        filters = self.filters_from_request(request)
        scheduled = precomputed.get("event-schedule", self)
        now = time.time()
        matching = schedule.matching(scheduled, filters)
        upcoming = [item for item in matching if item.ends >= now]
        if upcoming:  # the first to end moves from the upcoming to the past events
            limit_page_life(request, min(item.ends for item in upcoming))
        pks = [item.pk for item in (reversed(matching) if past else upcoming) if (item.ends < now) == past]
        paginator, page_obj = paginate(request, pks, PAGE_SIZE, self.load_events)
        context = self.get_context(request)
        # The choices of the filter form: the series and host cities that
        # events below the index name; they change only when one is published.
        series_list, host_cities = frame_cached(
            request,
            f"events-filters:{self.pk}",
            lambda: (list(self.series_in(scheduled, request)), list(self.host_cities(scheduled, request))),
        )
        context.update(
            {
                "events": page_obj,
                "paginator": paginator,
                "past": past,
                # The archive is its own address: canonical, hreflang and
                # the language switcher point at it, not at the index.
                "route_suffix": "past/" if past else "",
                "filters": filters,
                "filter_query": filters.query,
                "formats": EventFormat.choices,
                "series_list": series_list,
                "host_cities": host_cities,
            }
        )
        return render(request, "events/event_index_page.html", context)

    @staticmethod
    def load_events(pks):
        """The events of a listing page, in the order given."""
        found = EventPage.objects.filter(pk__in=pks).select_related("host_member").in_bulk()
        return [found[pk] for pk in pks if pk in found]

    def series_in(self, scheduled, request):
        """The live series below this index that hold events, by their place in the tree."""
        paths = {item.parent_path for item in scheduled} - {self.path}
        return real_pages(EventSeriesPage.objects.filter(path__in=paths), request).order_by("path")

    def host_cities(self, scheduled, request):
        """The member cities hosting events below this index, in its language, by name."""
        keys = {item.host_key for item in scheduled if item.host_key}
        return relations.in_language(relations.MEMBER_PAGE, keys, self.locale_id, request).order_by("city")

    @path("")
    def upcoming_view(self, request):
        return self.listing(request, past=False)

    @path("past/", name="past")
    def past_view(self, request):
        return self.listing(request, past=True)

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        from events.calendar import joined_calendar_response

        filters = self.filters_from_request(request)
        # The events' VEVENTs are written when they are published (events.schedule).
        now = time.time()
        items = [
            item for item in schedule.matching(precomputed.get("event-schedule", self), filters) if item.ends >= now
        ]
        if items:  # the calendar changes when the first of them ends
            limit_page_life(request, min(item.ends for item in items))
        vevents = precomputed.get("event-calendar", self)
        vevents = [vevents[item.pk] for item in items if item.pk in vevents]
        return joined_calendar_response(
            request, self, vevents, timed=any(item.timed for item in items), filters=filters
        )

    def feed_filters(self, request):
        return self.filters_from_request(request)

    def embed_items(self, request, filters, count):
        """The next upcoming events of a list on another website (core.embed),
        each with its host city in the index's language (`host`), from the
        precomputed schedule; the list lives until the first of them ends."""
        now = time.time()
        scheduled = schedule.matching(precomputed.get("event-schedule", self), filters)
        items = [item for item in scheduled if item.ends >= now][:count]
        if items:
            limit_page_life(request, min(item.ends for item in items))
        keys = {item.host_key for item in items if item.host_key}
        hosts = relations.in_language(relations.MEMBER_PAGE, keys, self.locale_id, request) if keys else []
        hosts = {str(host.translation_key): host for host in hosts}
        host_keys = {item.pk: item.host_key for item in items}
        events = self.load_events(list(host_keys))
        for event in events:
            event.host = hosts.get(host_keys[event.pk])
        return events


class EventSeriesPage(LeadImageMixin, BasePage):
    """A series such as the Qualifizierungsreihe 2024; its modules are child events, in order."""

    intro = models.TextField(_("introduction"))
    body = StreamField(ArticleStreamBlock(), verbose_name=_("description"), blank=True)

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        LeadImageMixin.lead_image_panel,
        FieldPanel("body"),
        InlinePanel("partner_links", label=_("Funders and designers")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    description_fields = ("search_description", "listing_summary", "intro")

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def modules(self, request=None):
        return real_pages(EventPage.objects.child_of(self), request).order_by("start", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(self.modules(request).select_related("host_member"))
        for number, module in enumerate(modules, start=1):
            module.module_number, module.module_count = number, len(modules)
        context["modules"] = modules
        links = in_order(self.partner_links.select_related("partner"))
        keys = [link.partner.translation_key for link in links if link.partner]
        partners = {
            p.translation_key: p for p in relations.in_language(relations.PARTNER_PAGE, keys, self.locale_id, request)
        }
        context["partner_roles"] = [
            (link.get_role_display(), partners[link.partner.translation_key])
            for link in links
            if link.partner and link.partner.translation_key in partners
        ]
        from events.structured_data import series_data

        context["structured_data"] = series_data(self, modules, request)
        return context


class EventSeriesPartner(TranslatableMixin, Orderable):
    """A funder or designer of a series (a link to the partner's page)."""

    class Role(models.TextChoices):
        FUNDER = "funder", _("Funded by")
        DESIGNER = "designer", _("Designed by")

    page = ParentalKey(EventSeriesPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        "partners.PartnerPage", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    panels = [PageChooserPanel("partner", page_type="partners.PartnerPage"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funder or designer")


class EventPage(RoutablePageMixin, LeadImageMixin, BasePage):
    """One event: when, where (or online), who hosts it, how to register, how accessible it is."""

    base_form_class = EventPageForm

    start = models.DateTimeField(_("start"), help_text=_("Local time in Germany."))
    end = models.DateTimeField(_("end"), null=True, blank=True, help_text=_("Leave empty for an open end."))
    all_day = models.BooleanField(_("all day"), default=False, help_text=_("The times are ignored."))
    event_format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    lead = models.TextField(_("lead"), help_text=_("One to three sentences for listings, feeds and calendars."))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    online_note = models.TextField(
        _("online access"),
        blank=True,
        default="",
        help_text=_(
            "How participants get in. Never a public meeting link: e.g. 'The link is sent after registration.'"
        ),
    )
    host_member = models.ForeignKey(
        "members.MemberPage",
        verbose_name=_("host city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_email = models.EmailField(_("registration e-mail"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    fully_booked = models.BooleanField(_("fully booked"), default=False)
    target_group = models.TextField(_("target group"), blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, sign-language interpretation on request, induction loop, …"),
    )
    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"), blank=True)
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_(
            "Keep a cancelled event published: listings, calendars and search engines then show it as cancelled "
            "to the people who planned to come."
        ),
    )

    # Imported from a member city's calendar (syndication.importer; the
    # event's identity in the feed is a syndication.ImportedEvent): shown as
    # "source: <office>" with a link back, the same in every language.
    source_member = models.ForeignKey(
        "members.MemberPage",
        verbose_name=_("imported from"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_url = models.URLField(_("address at the source"), max_length=1000, blank=True, editable=False)
    source_detached = models.BooleanField(
        _("detached from its source"),
        default=False,
        help_text=_(
            "Tick to edit this imported event freely: the import of the member's calendar then leaves it alone."
        ),
    )

    objects = PageManager.from_queryset(EventQuerySet)()

    parent_page_types = ["events.EventIndexPage", "events.EventSeriesPage"]
    subpage_types = []

    # syndication (apps.py) puts a note on where an imported event comes from on top.
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day"), FieldPanel("cancelled")],
            heading=_("Date and time"),
        ),
        FieldPanel("event_format"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("online_note")], heading=_("Place")
        ),
        MultiFieldPanel(
            # A list of the member cities in the event's language, the
            # editor's own first (core/page_forms.EventPageForm).
            [FieldPanel("host_member"), FieldPanel("organiser")],
            heading=_("Host"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_email"),
                FieldPanel("registration_deadline"),
                FieldPanel("fully_booked"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("target_group"),
        FieldPanel("accessibility"),
        LeadImageMixin.lead_image_panel,
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topics")),
        InlinePanel("partner_links", label=_("Partners named")),
    ]
    settings_panels = BasePage.settings_panels + [FieldPanel("source_detached")]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("venue_address"),
        index.SearchField("organiser"),
        index.FilterField("start"),
    ]
    # The read API (syndication/api.py) shows these, with its own renderings of
    # the dates (German time), format, host city, topics and lead image.
    api_fields = [
        "start",
        "end",
        "all_day",
        "cancelled",
        "event_format",
        "lead",
        "venue_name",
        "venue_address",
        "online_note",
        "host_member",
        "organiser",
        "registration_url",
        "registration_email",
        "registration_deadline",
        "fully_booked",
        "target_group",
        "accessibility",
        "topics",
        "lead_image",
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.end and self.start and self.end < self.start:
            errors["end"] = _("The end cannot be before the start.")
        if self.event_format != EventFormat.ONLINE and not self.venue_name:
            errors["venue_name"] = _("Name the venue of an in-person or hybrid event.")
        if self.event_format != EventFormat.IN_PERSON and not (self.online_note or "").strip():
            errors["online_note"] = _(
                "Say how participants of an online or hybrid event get in, e.g. that the link is sent after registration."
            )
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("The registration deadline cannot be after the start of the event.")
        if errors:
            raise ValidationError(errors)

    description_fields = ("search_description", "lead")

    @property
    def when(self):
        return event_when(self.start, self.end, self.all_day)

    @cached_property
    def topics(self):
        return linked_topics(self)

    @property
    def is_online(self):
        return self.event_format != EventFormat.IN_PERSON

    @property
    def has_venue(self):
        return self.event_format != EventFormat.ONLINE

    @property
    def uid(self):
        """Stable across edits and moves: calendar apps update instead of duplicating."""
        return f"{stable_uuid(self)}@netzwerk-antidiskriminierung"

    @property
    def listing_date(self):
        return self.start

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    @property
    def takes_registration(self):
        """Whether people register for it at all (a link, an address, a deadline, or booked out)."""
        return bool(self.registration_url or self.registration_email or self.registration_deadline or self.fully_booked)

    @property
    def registration_open(self):
        if self.cancelled or self.fully_booked:
            return False
        if self.registration_deadline and self.registration_deadline < timezone.now():
            return False
        return bool(self.registration_url or self.registration_email) and (self.end or self.start) >= timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its series, host and structured data (which says whether it is past).
        self.add_linked_content(context, request, timeout=TIME_BOUND)
        return context

    def linked_content(self, request):
        from events.structured_data import event_data

        content = {}
        parent = self.get_parent().specific
        if isinstance(parent, EventSeriesPage):
            modules = list(parent.modules(request).values_list("pk", flat=True))
            content["series"] = parent
            if self.pk in modules:
                content["module_number"], content["module_count"] = modules.index(self.pk) + 1, len(modules)
        content["host"] = self.localized_host(request)
        content["source"] = self.localized_source(request, host=content["host"])
        # The entry at the source, unless that is a page of this site (the
        # import's stand-in when the feed names none): the source's page is linked already.
        own = f"{site_root_url(request)}/"
        content["source_url"] = "" if self.source_url.startswith(own) else self.source_url
        content["structured_data"] = event_data(self, request, series=content.get("series"), source=content["source"])
        return content

    def localized_host(self, request):
        if not self.host_member_id:
            return None
        keys = [self.host_member.translation_key]
        return relations.in_language(relations.MEMBER_PAGE, keys, self.locale_id, request).first()

    def localized_source(self, request, host=None):
        """The member page whose calendar this event was imported from, in
        the event's language (None for an event written here): usually the
        host as well, already found."""
        if not self.source_member_id:
            return None
        if host is not None and self.source_member_id == self.host_member_id:
            return host
        keys = relations.model(relations.MEMBER_PAGE).objects.filter(pk=self.source_member_id).values("translation_key")
        return relations.in_language(relations.MEMBER_PAGE, keys, self.locale_id, request).first()

    @path("ical/", name="ics")
    def ics_view(self, request):
        from events.calendar import calendar_response

        return cached_document(
            request, f"event-ics:{self.pk}", lambda: calendar_response(request, self, [self], filename=self.slug)
        )


class EventPagePartner(TranslatableMixin, Orderable):
    """A partner named at an event; its partner page lists the event in turn."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        "partners.PartnerPage", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("partner", page_type="partners.PartnerPage")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")


class EventPageTopic(TranslatableMixin, Orderable):
    """Files an event under a topic shared with the newsroom."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "news.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="event_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")


precomputed.register(EventIndexPage, "event-schedule", schedule.build, schedule.update)
precomputed.register(EventIndexPage, "event-calendar", schedule.build_calendar, schedule.update_calendar)
