"""The root of each language tree and the plain content pages under it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock, CallToActionBlock
from core.models import BasePage


class HomePage(BasePage):
    """One per language: the entry page, root of that language's page tree.

    Latest news, upcoming events and partners are slotted in by their apps
    (see site/templates/home/home_page.html).
    """

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that say what the network is and does."),
    )
    highlights = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("highlights"),
        blank=True,
        help_text=_("Up to three boxes leading to the most important pages."),
        max_num=3,
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "partners.PartnerIndexPage",
        "members.MemberIndexPage",
    ]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("highlights")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(BasePage):
    """A content page: About, Contact, Impressum, Datenschutz, accessibility statement."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short lead paragraph shown above the body."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    description_fields = ("search_description", "listing_summary", "intro")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
