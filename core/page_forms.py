"""The admin form of every page of the site (BasePage.base_form_class)."""

import unicodedata

from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm

# German letters as German writes them without umlauts: "für" is "fuer".
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


def ascii_slug(value):
    """A slug in ASCII letters only, umlauts written out: addresses stay
    readable when pasted into a mail, a print or a letter."""
    text = unicodedata.normalize("NFC", value or "").translate(GERMAN_LETTERS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return slugify(text)


class PageForm(WagtailAdminPageForm):
    def clean_slug(self):
        # Before Wagtail's clean() checks the slug is free among the siblings.
        slug = self.cleaned_data.get("slug")
        return ascii_slug(slug) or slug
