"""The member directory: every municipal anti-discrimination office of the network."""

from collections import Counter

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core import relations
from core.blocks import BaseStreamBlock
from core.caching import precomputed
from core.caching.page_cache import vary_on
from core.listing import IndexPage
from core.localization import language_of, real_pages
from core.models import BasePage
from core.utils import query_param
from members import directory as directory_index


class FederalState(models.TextChoices):
    """The 16 Länder, by their official abbreviations."""

    BW = "BW", _("Baden-Württemberg")
    BY = "BY", _("Bavaria")
    BE = "BE", _("Berlin")
    BB = "BB", _("Brandenburg")
    HB = "HB", _("Bremen")
    HH = "HH", _("Hamburg")
    HE = "HE", _("Hesse")
    MV = "MV", _("Mecklenburg-Western Pomerania")
    NI = "NI", _("Lower Saxony")
    NW = "NW", _("North Rhine-Westphalia")
    RP = "RP", _("Rhineland-Palatinate")
    SL = "SL", _("Saarland")
    SN = "SN", _("Saxony")
    ST = "ST", _("Saxony-Anhalt")
    SH = "SH", _("Schleswig-Holstein")
    TH = "TH", _("Thuringia")


class MemberIndexPage(RoutablePageMixin, IndexPage):
    """'Mitglieder' / 'Members': the directory, A–Z, by federal state, searchable by city, with a map."""

    subpage_types = ["members.MemberPage"]

    class Meta:
        verbose_name = _("member directory")

    def members(self, request=None):
        return real_pages(MemberPage.objects.child_of(self), request).order_by("city", "title")

    @path("")
    def directory(self, request):
        state = query_param(request, "state")
        query = query_param(request, "q")
        state_error = bool(state) and state not in FederalState.values
        # Searches by city name (any text) are answered, never kept in the page cache.
        vary_on(request, state=None if state_error else state)
        # Offices, their list entries and map markers from the precomputed
        # index (members.directory): filtered here, never queried per request.
        entries = precomputed.get("member-directory", self)
        needle = query.casefold()
        listed = [
            entry
            for entry in entries
            if not state_error and (not state or entry.federal_state == state) and needle in entry.city.casefold()
        ]
        listed_ids = {entry.pk for entry in listed}
        state_counts = Counter(entry.federal_state for entry in entries)
        states = [(code, label, state_counts.get(code, 0)) for code, label in FederalState.choices]
        markers = (entry.marker if entry.pk in listed_ids else entry.dimmed_marker for entry in entries)

        context = self.get_context(request)
        context.update(
            {
                "member_count": len(listed),
                "member_list": mark_safe("".join(entry.list_item for entry in listed)),  # noqa: S308 - our templates
                "map_markers": mark_safe("".join(markers)),  # noqa: S308 - rendered by our templates
                "states": sorted(states, key=lambda item: str(item[1])),
                "state": state,
                "state_error": state_error,
                "query": query,
                "filtered": bool(state or query),
            }
        )
        # An unknown federal state is a bad request, answered with the directory and a message.
        return render(request, "members/member_index_page.html", context, status=400 if state_error else 200)


class MemberPage(RoutablePageMixin, BasePage):
    """A member city's anti-discrimination office: contact, counselling, accessibility, location.

    wagtail-localize translates the texts (city name, office name, opening
    hours, …) and keeps state, year, phone, e-mail and coordinates in sync.
    """

    city = models.CharField(_("city"), max_length=100, help_text=_("As readers of this language know it."))
    federal_state = models.CharField(_("federal state"), max_length=2, choices=FederalState.choices)
    office_name = models.CharField(
        _("name of the office"),
        max_length=200,
        help_text=_('e.g. "Stabsstelle Gleichstellung und Antidiskriminierung"'),
    )
    position_in_administration = models.CharField(
        _("place in the administration"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "reports directly to the Lord Mayor"'),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"), validators=[MinValueValidator(2019), MaxValueValidator(2100)]
    )
    counsels_residents = models.BooleanField(
        _("counsels residents"), default=True, help_text=_("Tick if people can come to the office for counselling.")
    )
    counselling_languages = models.CharField(
        _("languages of counselling"), max_length=300, blank=True, help_text=_("e.g. German, English, Turkish")
    )
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    accessibility = models.TextField(
        _("accessibility of the premises"),
        blank=True,
        help_text=_("Step-free access, lift, accessible toilet, induction loop, sign language on request, …"),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    calendar_url = models.URLField(
        _("calendar address (iCal)"),
        max_length=1000,
        blank=True,
        help_text=_(
            "The public iCal/ICS address of the office's own event calendar (https://…/….ics). Its events are "
            "imported into the network's calendar every hour, marked with the city and a link back."
        ),
    )
    calendar_publish_directly = models.BooleanField(
        _("publish imported events directly"),
        default=False,
        help_text=_(
            "Leave unticked to have new imported events wait as drafts until an editor publishes them. "
            "Changes and cancellations of published events are always applied."
        ),
    )

    parent_page_types = ["members.MemberIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("city"),
                FieldPanel("federal_state"),
                FieldPanel("office_name"),
                FieldPanel("position_in_administration"),
            ],
            heading=_("Office"),
        ),
        MultiFieldPanel(
            [FieldPanel("member_since"), FieldPanel("counsels_residents"), FieldPanel("counselling_languages")],
            heading=_("Membership and counselling"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
                FieldPanel("accessibility"),
            ],
            heading=_("Contact"),
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location (city centre or office)")),
        FieldPanel("body"),
        # syndication (apps.py) adds the last import of the calendar to this
        # panel, and the iframes of the city's news and events after it.
        MultiFieldPanel(
            [FieldPanel("calendar_url"), FieldPanel("calendar_publish_directly")],
            heading=_("Event calendar"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("city", boost=3),
        index.SearchField("office_name"),
        index.SearchField("federal_state_name"),
        index.SearchField("position_in_administration"),
        index.SearchField("counselling_languages"),
        index.SearchField("body"),
        index.FilterField("federal_state"),
    ]
    # The read API (syndication/api.py) shows these, the state with its name.
    api_fields = [
        "city",
        "federal_state",
        "office_name",
        "position_in_administration",
        "counsels_residents",
        "counselling_languages",
        "street",
        "postcode",
        "phone",
        "email",
        "opening_hours",
        "accessibility",
        "latitude",
        "longitude",
        "calendar_url",
    ]

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    @property
    def meta_description(self):
        return super().meta_description or f"{self.office_name}, {self.city}"

    @property
    def federal_state_name(self):
        """The state's name in the page's language, for the search index ("Bayern", "Bavaria")."""
        with translation.override(language_of(self)):
            return str(self.get_federal_state_display())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.add_linked_content(context, request, ("related_news", "related_events", "structured_data"))
        return context

    def linked_content(self, request):
        """The releases naming this city, the events it hosts, its JSON-LD."""
        content = relations.named_by(self, request, "member_links__member", "host_member")
        content["structured_data"] = self.structured_data(request)
        return content

    def structured_data(self, request):
        from core.localization import page_url

        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice",
            "name": f"{self.office_name} – {self.city}",
            "url": page_url(self, request),
            "inLanguage": language_of(self),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.street,
                "postalCode": self.postcode,
                "addressLocality": self.city,
                "addressRegion": self.get_federal_state_display(),
                "addressCountry": "DE",
            },
            "areaServed": {"@type": "City", "name": self.city},
            "geo": {"@type": "GeoCoordinates", "latitude": float(self.latitude), "longitude": float(self.longitude)},
        }
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.opening_hours:
            data["openingHours"] = " ".join(self.opening_hours.split())
        return data

    @path("vcard/", name="vcard")
    def vcard(self, request):
        """'Save contact': the office as a vCard 4.0 (RFC 6350)."""
        import vobject

        from core.localization import page_url

        card = vobject.vCard()
        card.add("version").value = "4.0"
        card.add("kind").value = "org"
        card.add("fn").value = f"{self.office_name} ({self.city})"
        card.add("n").value = vobject.vcard.Name(family=self.office_name)
        card.add("org").value = [self.city, self.office_name]
        address = card.add("adr")
        address.value = vobject.vcard.Address(
            street=self.street,
            city=self.city,
            region=self.get_federal_state_display(),
            code=self.postcode,
            country="Deutschland" if language_of(self) == "de" else "Germany",
        )
        address.type_param = "work"
        if self.phone:
            tel = card.add("tel")
            tel.value = self.phone
            tel.type_param = "work"
        if self.email:
            card.add("email").value = self.email
        card.add("geo").value = f"geo:{self.latitude},{self.longitude}"
        card.add("url").value = page_url(self, request)
        if self.opening_hours:
            card.add("note").value = str(self.opening_hours)
        response = HttpResponse(card.serialize(), content_type="text/vcard; charset=utf-8")
        filename = slugify(f"{self.city}-{self.office_name}")[:80] or "kontakt"
        response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
        return response


precomputed.register(MemberIndexPage, "member-directory", directory_index.build)
