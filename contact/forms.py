"""The public form of a form page: the editors' fields, then the consent,
the confirmation checkbox, the honeypot and the signed time stamp."""

import django.forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from contact import protection

CONSENT = "privacy_consent"
CONFIRMATION = "send_confirmation"
# Names the site's own fields use; an editor's field never takes them.
RESERVED = {CONSENT, CONFIRMATION, protection.HONEYPOT, protection.STAMP}
# Stored nowhere: they only guard the form.
GUARDS = {protection.HONEYPOT, protection.STAMP}


class PublicForm(BaseForm):
    """A form page's form. Required fields are marked in their label
    (contact/includes/form.html), Django links each field to its help text
    and error (aria-describedby, aria-invalid)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        editor_fields = list(self.fields)
        self.fields[CONSENT] = django.forms.BooleanField(
            label=_("I agree that my details are stored and processed to answer my message."),
            error_messages={"required": _("Please agree to the processing of your details, or we cannot answer.")},
        )
        self.sender_name = next(
            (name for name in editor_fields if isinstance(self.fields[name], django.forms.EmailField)), None
        )
        if self.sender_name is not None:
            self.fields[CONFIRMATION] = django.forms.BooleanField(
                label=_("Send me a confirmation of receipt by e-mail."),
                help_text=_("It says only that your message arrived; it does not repeat your message."),
                required=False,
            )
        self.fields.update(protection.guard_fields(self.page))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(CONFIRMATION) and not cleaned.get(self.sender_name):
            self.add_error(
                self.sender_name,
                _("Please enter your e-mail address, or untick the confirmation: we need it to send one."),
            )
        return cleaned

    @property
    def visible_fields_in_order(self):
        return [field for field in self if not field.is_hidden]

    def sender_address(self):
        return self.cleaned_data.get(self.sender_name) if self.sender_name else None

    def submission_data(self):
        """What is stored: the answers and the consent, never the guards."""
        return {name: value for name, value in self.cleaned_data.items() if name not in GUARDS}


class PublicFormBuilder(FormBuilder):
    """Wagtail's form builder, with the autocomplete purposes editors chose
    and the site's public form class."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        purpose = getattr(field, "autocomplete", "") or ("email" if field.field_type == "email" else "")
        if purpose:
            widget = {
                "multiline": django.forms.Textarea,
                "email": django.forms.EmailInput,
                "url": django.forms.URLInput,
            }.get(field.field_type, django.forms.TextInput)
            options["widget"] = widget(attrs={"autocomplete": purpose})
        return options

    @property
    def formfields(self):
        fields = super().formfields
        return {name: value for name, value in fields.items() if name not in RESERVED}

    def get_form_class(self):
        return type("PublicPageForm", (PublicForm,), self.formfields)
