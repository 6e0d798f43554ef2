"""The blocks of a Leichte Sprache page: a heading, lines of text, and lines
beside a pictogram. Annex 2 part 2 of BITV 2.0 asks for one statement per
line, so the text is kept as lines, not as rich text: an editor cannot
justify it, run sentences together or hide them in a table. Block names are
stored in the database: "heading", "lines", "lines_with_pictogram".
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# The rules in brief, for editors (the full rules: BITV 2.0, Annex 2 part 2).
RULES = _(
    "Write short sentences. Put one statement on each line. Split long compound words with a hyphen "
    "(Internet-Seite). Use no abbreviations. Use the active voice. Address readers as “Sie”. "
    "Explain difficult words in the next line."
)


def split_lines(text):
    """The sentences of a Leichte Sprache text: one a line, empty lines left out."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class LinesBlock(blocks.TextBlock):
    """Text in Leichte Sprache, one sentence a line; each line is shown as a
    line of its own."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Lines"))
        kwargs.setdefault("help_text", RULES)
        kwargs.setdefault("rows", 6)
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["lines"] = split_lines(value)
        return context

    def clean(self, value):
        value = super().clean(value)
        if self.required and not split_lines(value):
            raise ValidationError(_("Write at least one line."))
        return value

    class Meta:
        icon = "list-ul"
        template = "easyread/blocks/lines_block.html"
        description = _("Sentences in Leichte Sprache, one on each line.")
        preview_value = "Das ist ein Satz.\nDas ist noch ein Satz."


class EasyReadHeadingBlock(blocks.CharBlock):
    """A heading (h2): it tells readers what the next lines are about."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Heading"))
        kwargs.setdefault("max_length", 80)
        kwargs.setdefault("help_text", _("A short heading that says what comes next, e.g. “Was ist Leichte Sprache?”."))
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        template = "easyread/blocks/heading_block.html"
        description = _("A short heading above a few lines.")
        preview_value = "Wer sind wir?"


class LinesWithPictogramBlock(blocks.StructBlock):
    """Lines with a pictogram that shows what they are about: beside the text
    on wide screens, above it on phones."""

    image = ImageChooserBlock(
        label=_("Pictogram"), help_text=_("A simple, clear picture that shows what the lines are about.")
    )
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        help_text=_(
            "Say in German what the picture shows, in a few simple words, e.g. “Ein Mensch schreibt einen Brief.”"
        ),
    )
    lines = LinesBlock()

    class Meta:
        icon = "image"
        template = "easyread/blocks/lines_with_pictogram_block.html"
        label = _("Lines with pictogram")
        description = _("Sentences in Leichte Sprache beside a picture that helps to understand them.")
        preview_value = {"alt_text": "Ein Brief", "lines": "Sie können uns schreiben.\nWir antworten Ihnen."}


class EasyReadStreamBlock(blocks.StreamBlock):
    """What a Leichte Sprache page is made of."""

    heading = EasyReadHeadingBlock()
    lines = LinesBlock()
    lines_with_pictogram = LinesWithPictogramBlock()
