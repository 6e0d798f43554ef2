from django import forms
from django.utils.translation import gettext_lazy as _


def code_field(label, help_text, max_length, **attrs):
    """A field for a one-time code, which browsers and password managers
    may fill in from the authenticator app."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", **attrs}),
    )


class CodeForm(forms.Form):
    """One code: six digits from the authenticator app, or a recovery code."""

    code = code_field(
        _("Code"),
        _("The six digits your authenticator app shows, or one of your recovery codes."),
        32,
        spellcheck="false",
        autofocus=True,
    )

    def clean_code(self):
        # Apps show "123 456"; recovery codes may be typed in capitals.
        return "".join(self.cleaned_data["code"].split()).lower()


class SetupForm(CodeForm):
    """The first code of a new authenticator app."""

    code = code_field(
        _("Code from the app"),
        _("Enter the six digits the app shows now, to confirm it is set up."),
        16,
        inputmode="numeric",
    )
