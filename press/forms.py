"""The sign-up and manage forms of the press list, with the spam defences
of the site's other public forms (contact.protection)."""

import django.forms
from django.utils.translation import gettext_lazy as _

from contact import protection
from core import relations
from press.models import Subscriber

CONSENT = "privacy_consent"


def topic_choices(locale_id):
    Topic = relations.model(relations.TOPIC)
    return [
        (str(topic.translation_key), topic.name) for topic in Topic.objects.filter(locale_id=locale_id).order_by("name")
    ]


def city_choices(locale_id):
    members = (
        relations.model(relations.MEMBER_PAGE).objects.live().public().filter(locale_id=locale_id).order_by("city")
    )
    return [(str(key), city) for key, city in members.values_list("translation_key", "city")]


class PreferencesForm(django.forms.Form):
    """Language and filters: what a subscriber gets."""

    language = django.forms.ChoiceField(
        label=_("Language of the press releases"),
        choices=Subscriber.Language.choices,
        widget=django.forms.RadioSelect,
        initial=Subscriber.Language.GERMAN,
    )
    topics = django.forms.MultipleChoiceField(
        label=_("Topics"),
        help_text=_("Only releases on these topics. Choose none to get every release."),
        required=False,
        widget=django.forms.CheckboxSelectMultiple,
    )
    cities = django.forms.MultipleChoiceField(
        label=_("Member cities"),
        help_text=_("Only releases that name these cities. Choose none to get every release."),
        required=False,
        widget=django.forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["topics"].choices = topic_choices(page.locale_id)
        self.fields["cities"].choices = city_choices(page.locale_id)
        if not self.is_bound and "language" not in self.initial:
            self.initial["language"] = page.locale.language_code

    @property
    def visible_fields_in_order(self):
        return [field for field in self if not field.is_hidden]


class SubscribeForm(PreferencesForm):
    email = django.forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=django.forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["email", "language", "topics", "cities"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT] = django.forms.BooleanField(
            label=_(
                "I want to receive the network's press releases by e-mail. My address is used for nothing else; "
                "I can unsubscribe at any time with the link in every e-mail."
            ),
            error_messages={"required": _("Please agree, or we cannot send you press releases.")},
        )
        self.fields.update(protection.guard_fields(self.page))

    def consent_text(self):
        return str(self.fields[CONSENT].label)
