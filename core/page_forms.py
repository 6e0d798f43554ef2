"""The admin form of every page of the site (BasePage.base_form_class)."""

import unicodedata

from django import forms
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from core import relations

# German letters as German writes them without umlauts: "für" is "fuer".
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


def ascii_slug(value):
    """A slug in ASCII letters only, umlauts written out: addresses stay
    readable when pasted into a mail, a print or a letter."""
    text = unicodedata.normalize("NFC", value or "").translate(GERMAN_LETTERS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return slugify(text)


class PageForm(WagtailAdminPageForm):
    def page_locale_id(self):
        """The language of the page edited, or of the page being added (its parent's)."""
        if self.instance.pk:
            return self.instance.locale_id
        return self.parent_page.locale_id if self.parent_page is not None else None

    def clean_slug(self):
        # Before Wagtail's clean() checks the slug is free among the siblings.
        slug = self.cleaned_data.get("slug")
        return ascii_slug(slug) or slug


def member_pages_of(user, locale_id):
    """The member cities whose city editors' group the user belongs to, in a language."""
    from core.roles import CITY_GROUP_PREFIX, city_group_name, member_pages

    MemberPage = relations.model(relations.MEMBER_PAGE)

    if user is None or not user.is_authenticated:
        return []
    groups = set(user.groups.filter(name__startswith=CITY_GROUP_PREFIX).values_list("name", flat=True))
    if not groups:
        return []
    keys = [member.translation_key for member in member_pages() if city_group_name(member) in groups]
    return list(MemberPage.objects.filter(translation_key__in=keys, locale_id=locale_id).order_by("city"))


def city_choices(cities, own):
    """Select choices of member cities: the user's own city first, labelled, then the others."""
    own_ids = {city.pk for city in own}
    choices = [("", "---------")]
    if own:
        choices.append((_("Your city"), [(city.pk, city.city) for city in own]))
    others = [(city.pk, city.city) for city in cities if city.pk not in own_ids]
    choices.append((_("Other member cities") if own else _("Member cities"), others))
    return choices


class EventPageForm(PageForm):
    """The host city is chosen from the member cities in the event's
    language, the editor's own city first. A city editor's new event starts
    with their city as host and their office as organiser (both can be
    changed)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.page_locale_id()
        if locale_id is None:
            return
        user = getattr(self, "for_user", None)
        cities = member_pages_of(user, locale_id)
        if "host_member" in self.fields:
            self.limit_host_cities(locale_id, cities)
        if self.instance.pk or self.is_bound or len(cities) != 1:
            return
        [city] = cities
        if "host_member" in self.fields and not self.initial.get("host_member"):
            self.initial["host_member"] = city.pk
        if "organiser" in self.fields and not self.initial.get("organiser"):
            self.initial["organiser"] = f"{city.office_name}, {city.city}"

    def limit_host_cities(self, locale_id, own):
        limit_to_cities(self.fields["host_member"], locale_id, own, self.instance.host_member_id)


def limit_to_cities(field, locale_id, own, current_id=None):
    """Make a member-page field a list of the cities in one language, the
    user's own first (the current value stays allowed, whatever its language)."""
    MemberPage = relations.model(relations.MEMBER_PAGE)

    field.queryset = MemberPage.objects.filter(
        Q(locale_id=locale_id, alias_of__isnull=True) | Q(pk=current_id or 0)
    ).order_by("city")
    field.widget = forms.Select(choices=city_choices(list(field.queryset.only("id", "city")), own))


class NewsPageForm(PageForm):
    """The member cities a release names are chosen from a list of the
    cities in its language, the editor's own first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("member_links")
        if formset is None:
            return
        locale_id = self.page_locale_id()
        if locale_id is None:
            return
        own = member_pages_of(getattr(self, "for_user", None), locale_id)
        base = formset.form

        class MemberLinkForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "member" in self.fields:
                    current = self.instance.member_id if self.instance.pk else None
                    limit_to_cities(self.fields["member"], locale_id, own, current)

        MemberLinkForm.__name__ = base.__name__
        formset.form = MemberLinkForm
