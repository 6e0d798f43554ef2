"""The root of each language tree, the plain content pages under it and the
accessibility statement."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from contact.models import FormField, FormPageMixin
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
        "home.AccessibilityStatementPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "partners.PartnerIndexPage",
        "members.MemberIndexPage",
        "easyread.EasyReadIndexPage",
        "signlanguage.SignLanguageIndexPage",
        "contact.ContactPage",
    ]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("highlights")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(BasePage):
    """A content page: About, Contact, Impressum, Datenschutz."""

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


class AccessibilityStatementPage(FormPageMixin, BasePage):
    """The "Erklärung zur Barrierefreiheit" that § 7 BITV 2.0 requires, in the
    order of the EU model statement (Implementing Decision (EU) 2018/1523):
    compliance status, content that is not accessible, how the statement was
    prepared, feedback contact, enforcement procedure, and a summary in
    Leichte Sprache. One per language, linked from every footer through the
    site settings. Its feedback section holds a form to report a barrier
    (contact.models.FormPageMixin), mailed to the feedback address unless
    editors name another.

    wagtail-localize translates the texts and the barriers' descriptions; the
    status, method, dates, e-mail address and URL are choices, dates and
    addresses and so copied from the German page, and the standard, the
    phone number and the Leichte Sprache summary are kept the same in every
    language (home/apps.py).
    """

    class ComplianceStatus(models.TextChoices):
        # The wording of the EU model statement ("mit … vereinbar").
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    class Method(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", _("self-assessment")
        THIRD_PARTY = "third_party", _("evaluation by a third party")

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "A short lead paragraph: who commits to making which website accessible "
            "(e.g. the network, for this website)."
        ),
    )
    compliance_status = models.CharField(
        _("compliance status"),
        max_length=20,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
        help_text=_(
            'How far the website meets the requirements. "Partially compliant" as long as any content '
            "below is listed as not accessible."
        ),
    )
    standard = models.CharField(
        _("standard"),
        max_length=100,
        default="BITV 2.0 / WCAG 2.1 AA",
        help_text=_("The requirements the website is measured against. The same in every language."),
    )
    prepared_on = models.DateField(
        _("statement prepared on"),
        help_text=_("The date this statement was first prepared."),
    )
    reviewed_on = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_("The date the statement was last checked against the website. Review it at least once a year."),
    )
    method = models.CharField(
        _("method"),
        max_length=20,
        choices=Method.choices,
        default=Method.SELF_ASSESSMENT,
        help_text=_("Whether the network assessed the website itself or had it evaluated by a third party."),
    )
    method_details = models.TextField(
        _("how the website was checked"),
        blank=True,
        help_text=_("Which tools and checks were used, e.g. automated tests, keyboard and screen-reader checks."),
    )
    feedback_intro = models.TextField(
        _("introduction to feedback"),
        blank=True,
        help_text=_(
            "Invite readers to report barriers or to ask for content in an accessible form, and say how "
            "soon they will get an answer."
        ),
    )
    feedback_contact = models.CharField(
        _("contact person or office"),
        max_length=200,
        help_text=_("Who answers reports of barriers, e.g. the name of the office or team."),
    )
    feedback_email = models.EmailField(
        _("e-mail for feedback"),
        help_text=_("Shown as a link that opens the reader's mail program."),
    )
    feedback_phone = models.CharField(
        _("phone for feedback"),
        max_length=50,
        blank=True,
        help_text=_("Optional. The same in every language."),
    )
    enforcement_url = models.URLField(
        _("web address of the enforcement body"),
        default="https://www.schlichtungsstelle-bgg.de/",
        help_text=_(
            "Where readers turn when they get no satisfactory answer: the conciliation body under the "
            "Disability Equality Act (BGG), or the enforcement body of a federal state."
        ),
    )
    enforcement_text = models.TextField(
        _("about the enforcement procedure"),
        blank=True,
        help_text=_(
            "Explain when and how readers can turn to the enforcement body. Leave empty for a standard text "
            "about the conciliation body under the BGG."
        ),
    )
    easy_read_summary = models.TextField(
        _("summary in Leichte Sprache"),
        blank=True,
        help_text=_(
            "A short summary in German easy-to-read language (Leichte Sprache): one short sentence per line. "
            "Shown in German on every language version of the page."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("further information"),
        blank=True,
        help_text=_("Optional: anything else readers should know about the accessibility of the website."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("compliance_status"), FieldPanel("standard")], heading=_("Compliance status")),
        InlinePanel("barriers", heading=_("Content that is not accessible"), label=_("Barrier")),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("reviewed_on"), FieldPanel("method"), FieldPanel("method_details")],
            heading=_("Preparation of this statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_intro"),
                FieldPanel("feedback_contact"),
                FieldPanel("feedback_email"),
                FieldPanel("feedback_phone"),
            ],
            heading=_("Feedback and contact information"),
        ),
        *FormPageMixin.form_panels(),
        MultiFieldPanel(
            [FieldPanel("enforcement_url"), FieldPanel("enforcement_text")], heading=_("Enforcement procedure")
        ),
        FieldPanel("easy_read_summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("method_details"),
        index.SearchField("feedback_intro"),
        index.SearchField("enforcement_text"),
        index.SearchField("body"),
    ]

    description_fields = ("search_description", "listing_summary", "intro")

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def clean(self):
        super().clean()
        if self.prepared_on and self.reviewed_on and self.reviewed_on < self.prepared_on:
            raise ValidationError({"reviewed_on": _("The review cannot be earlier than the preparation.")})

    def mail_recipients(self):
        """Barrier reports go to the feedback address unless editors name others."""
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        return addresses or [self.feedback_email]

    @property
    def easy_read_lines(self):
        """The Leichte Sprache summary, one sentence per line, without empty lines."""
        return [line.strip() for line in self.easy_read_summary.splitlines() if line.strip()]


class AccessibilityBarrier(TranslatableMixin, Orderable):
    """Content of the website that is not accessible, why, and what readers
    can use instead: the heart of the statement, kept as a list so that each
    barrier is shown with its reason in the EU model's terms."""

    class Reason(models.TextChoices):
        NON_COMPLIANCE = "non_compliance", _("non-compliance with the requirements")
        DISPROPORTIONATE_BURDEN = "disproportionate_burden", _("disproportionate burden")
        OUT_OF_SCOPE = "out_of_scope", _("outside the scope of the regulation")

    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="barriers")
    description = models.TextField(
        _("what is not accessible"),
        help_text=_('Name the content and the barrier, e.g. "Older PDF files of press releases have no tags."'),
    )
    reason = models.CharField(
        _("reason"),
        max_length=30,
        choices=Reason.choices,
        default=Reason.NON_COMPLIANCE,
        help_text=_("Why the content is not accessible, in the terms of the regulation."),
    )
    alternative = models.TextField(
        _("accessible alternative"),
        blank=True,
        help_text=_('What readers can use instead, e.g. "On request we send the text as an accessible file."'),
    )

    panels = [FieldPanel("description"), FieldPanel("reason"), FieldPanel("alternative")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")
        ordering = ["sort_order"]

    def __str__(self):
        return self.description


class AccessibilityFormField(FormField):
    """A field of the statement's form for reporting a barrier."""

    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(FormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
