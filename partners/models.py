"""Who funds and shapes the network: partner organisations and the funding notice."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import relations
from core.blocks import BaseStreamBlock
from core.images import PARTNER_CARD_SPECS, prefetch_renditions
from core.listing import IndexPage
from core.localization import real_pages
from core.models import BasePage, CustomImage
from core.utils import in_order


class PartnerRole(TranslatableMixin, models.Model):
    """A role in the network: funder, designer of the training series, study partner, …"""

    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner role")
        verbose_name_plural = _("partner roles")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FundingNotice(TranslatableMixin, models.Model):
    """The wording and logo a funder requires wherever funded work is shown."""

    funder = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("funder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    wording = models.CharField(
        _("required wording"), max_length=300, help_text=_('e.g. "Funded by the Federal Anti-Discrimination Agency".')
    )
    logo = models.ForeignKey(
        CustomImage, verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo_alt = models.CharField(_("alternative text of the logo"), max_length=200, blank=True)

    panels = [FieldPanel("funder"), FieldPanel("wording"), FieldPanel("logo"), FieldPanel("logo_alt")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding notice")
        verbose_name_plural = _("funding notices")

    def __str__(self):
        return self.wording


register_snippet(PartnerRole)
register_snippet(FundingNotice)


class PartnerIndexPage(IndexPage):
    """'Partner' / 'Partners': the organisations behind the network."""

    subpage_types = ["partners.PartnerPage"]

    class Meta:
        verbose_name = _("partner index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = (
            real_pages(PartnerPage.objects.child_of(self), request)
            .select_related("logo")
            .prefetch_related(prefetch_renditions("logo", PARTNER_CARD_SPECS), "role_links__role")
            .order_by("title")
        )
        return context


class PartnerPage(BasePage):
    """One partner organisation, with the press releases (and later events) linked to it."""

    short_name = models.CharField(_("short name"), max_length=40, blank=True, help_text=_('e.g. "ECCAR"'))
    logo = models.ForeignKey(
        CustomImage, verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo_alt = models.CharField(
        _("alternative text of the logo"), max_length=200, blank=True, help_text=_('Usually "Logo of …".')
    )
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("short description"), help_text=_("One or two sentences for the partner list."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("short_name"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        InlinePanel("role_links", label=_("Roles in the network")),
        FieldPanel("summary"),
        FieldPanel("website"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("contact_address")],
            heading=_("Contact"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("short_name", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    description_fields = ("search_description", "listing_summary", "summary")

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    @property
    def roles(self):
        return [link.role for link in in_order(self.role_links.all())]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.add_linked_content(context, request, ("related_news", "related_events"))
        return context

    def linked_content(self, request):
        """The releases and events naming this partner."""
        return relations.named_by(self, request, "partner_links__partner", "partner_links__partner")


class PartnerPageRole(TranslatableMixin, Orderable):
    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="role_links")
    role = models.ForeignKey(PartnerRole, verbose_name=_("role"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("role")
