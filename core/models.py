"""The shared kernel: images with credits, the base page, site settings."""

import re
from functools import partial

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image
from wagtail.models import Page
from wagtail.search import index

from core.page_forms import PageForm

# "Foto: ", "Photo: ", "Grafik: " … before a credit: the site adds the word in
# the reader's language, so the credit keeps the name only.
CREDIT_PREFIX = re.compile(r"^\s*(foto|photo|bild|image|grafik|graphic|illustration|abbildung)\s*:\s*", re.IGNORECASE)


def credit_name(credit):
    """A credit line without a leading "Foto:" and the like: the name only."""
    return CREDIT_PREFIX.sub("", credit or "").strip()


class CustomImage(AbstractImage):
    """Wagtail's image plus what a public body must know before publishing a photo.

    The credit line renders under every use of the image; usage rights and
    consent are recorded so editors can check them before reuse.
    """

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        GRAPHIC = "graphic", _("Graphic, logo or illustration")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.PHOTO,
        help_text=_("Photos need a credit line; logos and graphics may go without."),
    )
    credit = models.CharField(
        _("credit line"),
        max_length=255,
        blank=True,
        help_text=_(
            'Who made it, e.g. "Stadt Wuppertal/Stefanie vom Stein". Shown under the image wherever it is used, '
            'after "Foto:" or "Grafik:" in the reader\'s language.'
        ),
    )
    licence = models.CharField(
        _("licence"), max_length=255, blank=True, help_text=_('e.g. "CC BY 4.0" or "Rights of use for press work".')
    )
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the image came from: person, agency or web address."),
    )
    usage_rights_until = models.DateField(
        _("usage rights end"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the rights do not expire."),
    )
    people_identifiable = models.BooleanField(
        _("people identifiable"), default=False, help_text=_("Tick if people can be recognised in the image.")
    )
    consent_on_file = models.BooleanField(
        _("consent on file"),
        default=False,
        help_text=_("Tick once the written consent of the people shown is filed."),
    )

    admin_form_fields = (
        *Image.admin_form_fields,
        "kind",
        "credit",
        "licence",
        "source",
        "usage_rights_until",
        "people_identifiable",
        "consent_on_file",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_file = instance.__dict__.get("file")
        return instance

    def file_changed(self):
        """A new file since this image was read (an editor replaced it)."""
        loaded = getattr(self, "_loaded_file", None)
        return loaded is not None and str(loaded) != self.file.name

    # Renditions of the site's sizes come from the task worker
    # (core/images.py): a page that asks for one not made yet gets the
    # original file at the requested size and queues the task, so a visitor
    # never waits for an image to be resized. Other sizes (the admin's
    # thumbnails) are made on first use, as Wagtail does.

    def get_rendition(self, filter):
        from core import images

        filter = self.clean_filter_for_svg(Filter(spec=filter) if isinstance(filter, str) else filter)
        if not images.in_background() or filter.spec not in images.site_specs():
            return super().get_rendition(filter)
        return self.get_renditions(filter)[filter.spec]

    def get_renditions(self, *filters):
        from core import images

        filters = list(
            dict.fromkeys(self.clean_filter_for_svg(Filter(spec=f) if isinstance(f, str) else f) for f in filters)
        )
        if not images.in_background() or not any(f.spec in images.site_specs() for f in filters):
            return super().get_renditions(*filters)
        found = self.find_existing_renditions(*filters)
        if any(f not in found for f in filters):
            if self.pk:
                images.queue_renditions([self.pk])
            return PendingRenditions(self, filters)
        Rendition = self.get_rendition_model()
        Rendition.cache_backend.set_many(
            {
                Rendition.construct_cache_key(self, f.get_cache_key(self), f.spec): rendition
                for f, rendition in found.items()
                if not getattr(rendition, "_from_cache", False)
            }
        )
        return {f.spec: found[f] for f in filters}

    def make_renditions(self, *specs):
        """Make the renditions of these specs that do not exist yet (the
        worker's part, core.tasks.make_renditions_task); returns their specs."""
        filters = [Filter(spec=spec) for spec in specs]
        found = self.find_existing_renditions(*filters)
        made = self.create_renditions(*[f for f in filters if f not in found])
        return {f.spec for f in made}

    def pending_rendition(self, filter):
        """The original file standing in for a rendition not made yet: the
        requested size (the layout does not move), never saved or cached."""
        width, height = filter.get_transform(self).size
        rendition = self.get_rendition_model()(
            image=self,
            filter_spec=filter.spec,
            focal_point_key=filter.get_cache_key(self),
            file=self.file.name,
            width=width,
            height=height,
        )
        rendition.pending = True
        return rendition

    def clean(self):
        super().clean()
        errors = {}
        self.credit = credit_name(self.credit)
        if self.kind == self.Kind.PHOTO and not self.credit:
            errors["credit"] = _("A photo needs a credit line.")
        if self.people_identifiable and not self.consent_on_file:
            errors["consent_on_file"] = _("Photos of identifiable people may only be published with their consent.")
        if errors:
            raise ValidationError(errors)


class PendingRenditions(dict):
    """The renditions of an image whose site sizes are not made yet: every
    spec answers with the original file at that spec's size, but the dict
    holds one entry, so `{% picture %}` and `{% srcset_image %}` render one
    plain <img> of the original instead of <source> elements claiming AVIF
    or WebP for a PNG."""

    def __init__(self, image, filters):
        self.image = image
        super().__init__({filters[0].spec: image.pending_rendition(filters[0])})

    def __missing__(self, spec):
        return self.image.pending_rendition(Filter(spec=spec))


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    pending = False  # the original standing in (CustomImage.pending_rendition)

    def img_tag(self, extra_attributes=None):
        if self.pending and extra_attributes:
            # One image without srcset: `sizes` would be invalid HTML.
            extra_attributes = {k: v for k, v in extra_attributes.items() if k not in ("sizes", "srcset")}
        return super().img_tag(extra_attributes)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ListingMixin(models.Model):
    """How a page presents itself in listings and teasers."""

    listing_summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences for listings, teasers and search engines."),
    )
    listing_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in teasers and when the page is shared."),
    )

    panels = [MultiFieldPanel([FieldPanel("listing_summary"), FieldPanel("listing_image")], heading=_("Listing"))]

    class Meta:
        abstract = True


class LeadImageMixin(models.Model):
    """A page's lead photo: alt text and caption in the page's language; the
    credit line comes with the image wherever it is shown."""

    lead_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text of the lead image"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the photo shows, in the language of this page."),
    )
    lead_image_caption = models.CharField(_("caption of the lead image"), max_length=300, blank=True)

    lead_image_panel = MultiFieldPanel(
        [FieldPanel("lead_image"), FieldPanel("lead_image_alt"), FieldPanel("lead_image_caption")],
        heading=_("Lead image"),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.lead_image and not self.lead_image_alt.strip():
            raise ValidationError({"lead_image_alt": _("Describe the lead image for people who cannot see it.")})


class BasePage(ListingMixin, Page):
    """What every page of the site shares: listing teaser and meta fields."""

    promote_panels = Page.promote_panels + ListingMixin.panels
    # Slugs in ASCII with umlauts written out ("fuer"), core/page_forms.py.
    base_form_class = PageForm

    # The site search (search/) finds a page by its title first, then by its
    # teaser texts; each page type adds its own fields.
    search_fields = Page.search_fields + [index.SearchField("search_description"), index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from core.translation_review import keeps_live_row

        if keeps_live_row(self, kwargs):
            return None  # a translation saved as a draft: the revision holds it
        return super().save(*args, **kwargs)

    # Where the page's description (meta description, feed summaries) comes
    # from: the first of these fields an editor filled in.
    description_fields = ("search_description", "listing_summary")

    @property
    def meta_description(self):
        return next((value for name in self.description_fields if (value := getattr(self, name, ""))), "")

    def linked_content(self, request):
        """What the page shows of other pages (the releases naming a city, a
        release's partners): {name: value}, for add_linked_content()."""
        return {}

    def add_linked_content(self, context, request, names=None, timeout=None):
        """Put linked_content() into a template context. It changes only when
        something is published, so it is kept in the frame cache until then
        (never in previews). With `names`, each is looked up only if the
        template reads it: the page's rendered HTML usually comes from the
        frame cache as well. `timeout`: at most that many seconds, for
        content that changes with time (core.caching.fragments.TIME_BOUND)."""
        from core.caching.fragments import frame_cached

        def content():
            options = {} if timeout is None else {"timeout": timeout}
            return frame_cached(request, f"linked-content:{self.pk}", lambda: self.linked_content(request), **options)

        if names is None:
            context.update(content())
            return
        for name in names:
            context[name] = partial(lambda name: content()[name], name)

    def get_cached_paths(self):
        """The paths below the page's URL that caches keep (Wagtail's hook for
        purging): the page itself and its sub-routes that take no arguments
        (feeds, calendars, iCal, vCard)."""
        paths = ["/"]
        for route in getattr(self, "get_subpage_urls", list)():
            if not route.name or "<" in str(route.pattern) or "(" in str(route.pattern):
                continue
            try:
                paths.append(self.reverse_subpage(route.name))
            except Exception:  # noqa: S112 - a route that cannot be reversed has no fixed URL
                continue
        return list(dict.fromkeys(paths))


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The organisation's name, contact details and the footer's fixed links."""

    organisation_name = models.CharField(
        _("organisation name (German)"), max_length=200, default="Netzwerk kommunaler Antidiskriminierungsstellen"
    )
    organisation_name_en = models.CharField(
        _("organisation name (English)"), max_length=200, default="Network of Municipal Anti-Discrimination Offices"
    )
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    contact_page = models.ForeignKey(
        Page, verbose_name=_("contact page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imprint_page = models.ForeignKey(
        Page, verbose_name=_("imprint"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        Page, verbose_name=_("privacy policy"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        Page,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    funding_notice = models.ForeignKey(
        "partners.FundingNotice",
        verbose_name=_("funding notice in the footer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on every page, in the visitor's language."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("organisation_name_en")], heading=_("Name")),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("contact_page"),
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading=_("Footer links"),
            help_text=_("Choose the German pages; visitors see the translation in their language."),
        ),
        FieldPanel("funding_notice"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def name(self):
        """The organisation's name in the active language."""
        return self.organisation_name_en if get_language() == "en" else self.organisation_name

    @property
    def social_links(self):
        links = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]

    @property
    def footer_page_ids(self):
        return [
            pk
            for pk in (self.contact_page_id, self.imprint_page_id, self.privacy_page_id, self.accessibility_page_id)
            if pk
        ]
