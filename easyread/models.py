"""Leichte Sprache: explanations in easy-to-read German, written for it (BITV
2.0 § 4 and Annex 2 part 2), not translated from other pages.

The section exists in the German tree only (/de/leichte-sprache/): Leichte
Sprache is German, so these pages are never translated
(core.localization.NeverTranslated).
"""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.caching.fragments import frame_cached
from core.feeds import FeedRoutes
from core.images import LOGO_SPECS, prefetch_renditions
from core.listing import IndexPage
from core.localization import NeverTranslated, language_homes, page_url, real_pages
from core.models import BasePage
from easyread.blocks import RULES, EasyReadStreamBlock, split_lines

# A size the task worker already makes for every image (core.images.LOGO_SPECS):
# a pictogram is shown at most 10rem wide.
PICTOGRAM_SPEC = LOGO_SPECS[1]
FEED_SIZE = 50


class EasyReadMixin(NeverTranslated):
    """What the section and its pages share: German only
    (core.localization.NeverTranslated), and a language switcher that leads
    to standard German and English instead of to translations, which they
    never have."""

    never_translated_message = _(
        "Pages in Leichte Sprache exist only in German. They are written in easy-to-read German, "
        "not translated: create them in the German page tree."
    )

    def switcher_targets(self, request):
        """((language code, URL), …) for the language switcher: the page in
        standard German on the same topic and its English translation, each
        falling back to the home page of its language. Kept in the frame
        cache until the next publish."""
        return frame_cached(request, f"easyread-switcher:{self.pk}", lambda: self._switcher_targets(request))

    def _switcher_targets(self, request):
        targets = dict(language_homes(request))
        related_page_id = getattr(self, "related_page_id", None)  # the section has none
        if related_page_id:
            same_topic = Page.objects.filter(
                translation_key__in=Page.objects.filter(pk=related_page_id).values("translation_key")
            )
            for page in real_pages(same_topic, request).select_related("locale"):
                targets[page.locale.language_code] = page_url(page, request)
        return tuple((code, targets.get(code) or f"/{code}/") for code, _name in settings.LANGUAGES)


class EasyReadIndexPage(EasyReadMixin, FeedRoutes, RoutablePageMixin, IndexPage):
    """'Leichte Sprache': the entry to the explanations in easy-to-read
    German, one below the German home page, with RSS and Atom feeds. The
    header of every page in both languages links here."""

    rss_feed_class = "easyread.feeds.EasyReadRssFeed"
    atom_feed_class = "easyread.feeds.EasyReadAtomFeed"

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=format_lazy(
            "{} {}", _("A few short lines in Leichte Sprache that say what readers find here."), RULES
        ),
    )

    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("Leichte Sprache section")
        verbose_name_plural = _("Leichte Sprache sections")

    @property
    def intro_lines(self):
        return split_lines(self.intro)

    def explanations(self, request=None):
        """The live, public pages of the section, in the order editors gave them."""
        return real_pages(EasyReadPage.objects.child_of(self), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["explanations"] = (
            self.explanations(request)
            .select_related("pictogram")
            .prefetch_related(prefetch_renditions("pictogram", PICTOGRAM_SPEC))
            .order_by("path")
        )
        return context


class EasyReadPage(EasyReadMixin, BasePage):
    """One explanation in Leichte Sprache: headings and lines of short
    sentences, some beside a pictogram. Written in German only (never
    translated); `related_page` names the page in standard German on the
    same topic, which the language switcher offers."""

    pictogram = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("pictogram"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a simple picture shown next to the title in the list of the section."),
    )
    pictogram_alt = models.CharField(
        _("alternative text of the pictogram"),
        max_length=200,
        blank=True,
        help_text=_("Say in German what the picture shows, in a few simple words."),
    )
    body = StreamField(
        EasyReadStreamBlock(),
        verbose_name=_("text in Leichte Sprache"),
        help_text=RULES,
    )
    related_page = models.ForeignKey(
        Page,
        verbose_name=_("page in standard German"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: the page in standard German on the same topic. The language switcher offers it "
            "(and its English translation) to readers of this page."
        ),
    )

    parent_page_types = ["easyread.EasyReadIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("pictogram"), FieldPanel("pictogram_alt")], heading=_("Pictogram")),
        PageChooserPanel("related_page"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    # Listings, feeds and search engines fall back to the first lines of the text.
    description_fields = ("search_description", "listing_summary", "first_lines")

    class Meta:
        verbose_name = _("page in Leichte Sprache")
        verbose_name_plural = _("pages in Leichte Sprache")

    def clean(self):
        super().clean()
        if self.pictogram_id and not self.pictogram_alt.strip():
            raise ValidationError({"pictogram_alt": _("Describe the pictogram for people who cannot see it.")})

    @property
    def first_lines(self):
        """The first two sentences of the text."""
        lines = []
        for block in self.body:
            value = block.value["lines"] if block.block_type == "lines_with_pictogram" else block.value
            if block.block_type != "heading":
                lines += split_lines(value)
            if len(lines) >= 2:
                break
        return " ".join(lines[:2])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = partial(
            frame_cached, request, f"easyread-ld:{self.pk}", lambda: self.structured_data(request)
        )
        return context

    def structured_data(self, request):
        from easyread.structured_data import easy_read_web_page

        return easy_read_web_page(self, request)
