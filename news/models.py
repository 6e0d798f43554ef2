"""The newsroom: press releases, their index with archive and feeds, topics and press contacts."""

import copy
import time
from functools import partial

from django.db import models
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import relations
from core.blocks import ArticleStreamBlock
from core.caching import precomputed
from core.caching.fragments import frame_cached, limit_page_life
from core.embed import EmbedRoutes
from core.feeds import FeedRoutes
from core.images import CARD_SPECS, prefetch_renditions
from core.listing import IndexPage, city_filter, paginate, read_filters, topic_filter, year_filter
from core.localization import real_pages
from core.models import BasePage, CustomImage, LeadImageMixin
from core.page_forms import NewsPageForm
from core.utils import linked_topics
from news import listing

PAGE_SIZE = 12
FEED_SIZE = 20


class Topic(TranslatableMixin, models.Model):
    """A subject press releases are filed under; translated like pages."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, allow_unicode=True, help_text=_("Used in web addresses, e.g. ?topic=training")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")]

    def __str__(self):
        return self.name


class PressContact(TranslatableMixin, models.Model):
    """The person journalists call about a release; the role is translated."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("phone")]
    # The role is translated; name, e-mail and phone are the same in every language.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


register_snippet(Topic)
register_snippet(PressContact)


class NewsIndexPage(FeedRoutes, EmbedRoutes, RoutablePageMixin, IndexPage):
    """'Aktuelles' / 'News': the press releases of one language, newest first,
    with topic and year archive and RSS/Atom feeds."""

    rss_feed_class = "news.feeds.NewsRssFeed"
    atom_feed_class = "news.feeds.NewsAtomFeed"
    embed_template = "core/embed/news.html"
    embed_leads = True

    subpage_types = ["news.NewsPage", "press.PressListPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def releases(self, request=None):
        """Live, public releases under this index (and so in its language), newest first."""
        return (
            real_pages(NewsPage.objects.child_of(self), request)
            .filter(date__lte=timezone.now())
            .order_by("-date", "-pk")
        )

    def with_listing_data(self, queryset, image_specs=CARD_SPECS):
        """Everything a listing shows, fetched in a fixed number of queries."""
        return queryset.select_related("lead_image").prefetch_related(
            prefetch_renditions("lead_image", image_specs),
            Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic")),
        )

    def filters_from_request(self, request, *names):
        """?topic=, ?city= and ?year= (core.listing): the listing takes all
        three, the feeds topic and city."""
        parsers = {
            "topic": topic_filter(self.locale_id),
            "city": city_filter(self.locale_id, request),
            "year": year_filter,
        }
        return read_filters(request, **{name: parsers[name] for name in names})

    @path("")
    def listing(self, request):
        filters = self.filters_from_request(request, "topic", "city", "year")
        topic, member, year = filters.get("topic"), filters.get("city"), filters.get("year")
        # Order, filters and counts from the precomputed index (news.listing).
        listing, now = self.listing_index(), time.time()
        pks = listing.filtered(
            now, topic_id=topic and topic.pk, member_key=member and str(member.translation_key), year=year
        )
        paginator, page_obj = paginate(request, pks, PAGE_SIZE, self.load_releases)
        due = listing.next_release_due(now)
        if due is not None:  # a release dated ahead appears then
            limit_page_life(request, due)
        years, topics = listing.year_counts(now), self.topic_counts(request, listing.topic_counts(now))
        context = self.get_context(request)
        context.update(
            {
                "releases": page_obj,
                "paginator": paginator,
                "topic": topic,
                "member": member,
                "year": year,
                "years": years,
                "topics": topics,
                "feed_query": filters.without("year").query,
            }
        )
        return render(request, "news/news_index_page.html", context)

    def listing_index(self):
        """The releases' order, years, topics and cities (news.listing)."""
        return precomputed.get("news-listing", self)

    def load_releases(self, pks, image_specs=CARD_SPECS):
        """The releases of a listing page, with what their cards show, in the order given."""
        found = self.with_listing_data(NewsPage.objects.filter(pk__in=pks), image_specs).in_bulk()
        return [found[pk] for pk in pks if pk in found]

    def latest(self, count, topic=None, member=None, image_specs=CARD_SPECS):
        """The newest `count` releases (of a topic, naming a member city), from the index."""
        pks = self.listing_index().filtered(
            time.time(), topic_id=topic and topic.pk, member_key=member and str(member.translation_key)
        )
        return self.load_releases(pks[:count], image_specs)

    def teaser_items(self, request, count):
        """The newest releases (home pages)."""
        return self.latest(count)

    def topic_counts(self, request, counts):
        """The topics of the index's language that releases are filed under,
        by name, each with `count`."""
        topics = frame_cached(
            request, f"topics:{self.locale_id}", lambda: list(Topic.objects.filter(locale_id=self.locale_id))
        )
        found = []
        for topic in topics:
            if counts.get(topic.pk):
                topic = copy.copy(topic)
                topic.count = counts[topic.pk]
                found.append(topic)
        return found

    def feed_filters(self, request):
        """The feeds follow ?topic= and ?city= (built once per publish, or
        minute: releases may be dated ahead)."""
        return self.filters_from_request(request, "topic", "city")

    def embed_items(self, request, filters, count):
        """The newest releases of a list on another website (core.embed),
        until a release dated ahead comes due."""
        due = self.listing_index().next_release_due(time.time())
        if due is not None:
            limit_page_life(request, due)
        return self.latest(count, filters.get("topic"), filters.get("city"), image_specs=())


class NewsPage(LeadImageMixin, BasePage):
    """A press release: dateline, lead, photos with credits, quotes, contact, corrections."""

    base_form_class = NewsPageForm

    date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the moment of first publication."),
    )
    dateline = models.CharField(_("dateline"), max_length=100, blank=True, help_text=_('The city, e.g. "Wuppertal".'))
    lead = models.TextField(
        _("lead"), help_text=_("One to three sentences: shown in listings, feeds and search engines.")
    )
    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"), blank=True)
    press_contact = models.ForeignKey(
        PressContact,
        verbose_name=_("press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    release_pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("release as PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("dateline")], heading=_("Date and place")),
        FieldPanel("lead"),
        LeadImageMixin.lead_image_panel,
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topics")),
        InlinePanel("member_links", label=_("Member cities named")),
        InlinePanel("partner_links", label=_("Partners named")),
        FieldPanel("press_contact"),
        FieldPanel("release_pdf"),
        InlinePanel("press_photos", label=_("Press kit photos")),
        InlinePanel("related_links", label=_("Related news")),
        InlinePanel("corrections", label=_("Corrections")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("dateline"),
        index.FilterField("date"),
    ]
    # The read API (syndication/api.py) shows these, with its own renderings of
    # the date (German time), topics and lead image.
    api_fields = ["date", "dateline", "lead", "topics", "lead_image"]

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def save(self, *args, **kwargs):
        # The publication date defaults to the moment of first publication.
        if self.live and self.date is None:
            self.date = self.first_published_at or timezone.now()
        if self.date is not None and self.date.microsecond:
            # Whole seconds: HTML's <time datetime> and feeds want no microseconds.
            self.date = self.date.replace(microsecond=0)
        super().save(*args, **kwargs)

    description_fields = ("search_description", "lead")

    @cached_property
    def topics(self):
        return linked_topics(self)

    @property
    def listing_date(self):
        return self.date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        self.add_linked_content(
            context, request, ("related_news", "member_cities", "partners", "press_photos", "corrections")
        )
        context["structured_data"] = partial(
            frame_cached, request, f"news-ld:{self.pk}", lambda: self.structured_data(request)
        )
        return context

    def linked_content(self, request):
        return {
            "related_news": list(relations.linked(self, "related_links__related", relations.NEWS_PAGE, request)),
            "member_cities": list(relations.linked(self, "member_links__member", relations.MEMBER_PAGE, request)),
            "partners": list(relations.linked(self, "partner_links__partner", relations.PARTNER_PAGE, request)),
            "press_photos": [p for p in self.press_photos.select_related("image") if p.image],
            "corrections": list(self.corrections.all()),
        }

    def structured_data(self, request):
        from news.structured_data import news_article

        return news_article(self, request)


class NewsPageTopic(TranslatableMixin, Orderable):
    """Files a release under a topic; translated with the page to the topic's translation."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="news_links")

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")


class NewsPressPhoto(TranslatableMixin, Orderable):
    """A photo journalists may download in full resolution, with credit and licence."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="press_photos")
    image = models.ForeignKey(CustomImage, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("image")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press kit photo")


class NewsRelatedLink(TranslatableMixin, Orderable):
    """Another release readers of this one should see."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        Page, verbose_name=_("press release"), null=True, on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related", page_type="news.NewsPage")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("related press release")


class NewsCorrection(TranslatableMixin, Orderable):
    """A public correction note: 'Updated on … because …'."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("date of the correction"), default=timezone.localdate)
    note = models.TextField(_("what was corrected and why"))

    panels = [FieldPanel("date"), FieldPanel("note")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["sort_order"]


class NewsPageMember(TranslatableMixin, Orderable):
    """A member city named in the release; its member page lists the release in turn."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="member_links")
    member = models.ForeignKey(
        "members.MemberPage", verbose_name=_("member city"), on_delete=models.CASCADE, related_name="+"
    )

    # A list of the cities in the release's language, the editor's own
    # first (core/page_forms.NewsPageForm).
    panels = [FieldPanel("member")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member city")


class NewsPagePartner(TranslatableMixin, Orderable):
    """A partner named in the release; its partner page lists the release in turn."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        "partners.PartnerPage", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("partner", page_type="partners.PartnerPage")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")


precomputed.register(NewsIndexPage, "news-listing", listing.build, listing.update)
