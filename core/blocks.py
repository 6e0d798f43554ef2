"""The site's block vocabulary, shared by every page type.

Block names are stored in the database with the content: they are chosen
once and never renamed. wagtail-localize translates the text inside the
blocks (CharBlock, TextBlock, RichTextBlock) and keeps choosers (images,
documents, pages) and URLs synchronised from the German source.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.embeds import embed_info

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the document outline correct."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
        help_text=_("Use H2 for main sections and H3 only inside an H2 section."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that structures the page for readers and screen readers.")
        preview_value = {"text": "Beratung vor Ort", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """A content image with alt text, caption and the credit line the law requires."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it, in the language of this page."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("Credit line"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("A photo or graphic with caption and credit line.")


class QuoteBlock(blocks.StructBlock):
    """A quotation attributed to a named person."""

    quote = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=120)
    role = blocks.CharBlock(
        label=_("Role"), required=False, max_length=200, help_text=_("For example: Lord Mayor of Wuppertal")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the speaker's name and role.")
        preview_value = {
            "quote": "Antidiskriminierungsarbeit gehört in die Mitte der Verwaltung.",
            "speaker": "Erika Beispiel",
            "role": "Leiterin der Antidiskriminierungsstelle (Demo)",
        }


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box that leads readers to one next step."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80, help_text=_("Say where the link leads."))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with a link to one next step.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an external link, not both."))}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    """A download link that states file type and size before anyone clicks."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Leave empty to use the document's title.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document download")
        description = _("A document to download, with file type and size.")


class GalleryBlock(blocks.StructBlock):
    """Several photos shown together, each with its own alt text and credit."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=2, max_num=12)

    class Meta:
        icon = "image"
        template = "blocks/gallery_block.html"
        label = _("Gallery")
        description = _("Two to twelve photos in a grid, each with caption and credit.")


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads only after the visitor agrees."""

    url = blocks.URLBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Says what the video is about, also for screen readers.")
    )
    transcript = blocks.TextBlock(
        label=_("Transcript or summary"),
        required=False,
        help_text=_("For people who cannot watch or hear the video."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A video that loads from the provider only after the visitor agrees.")

    def clean(self, value):
        value = super().clean(value)
        if embed_info(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Enter a YouTube or Vimeo video link."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"], context["embed_url"] = embed_info(value["url"]) or ("", "")
        return context


class FundingNoticeBlock(SnippetChooserBlock):
    """The funder's required notice (wording and logo), in the page's language."""

    def __init__(self, **kwargs):
        super().__init__("partners.FundingNotice", **kwargs)

    class Meta:
        icon = "pick"
        template = "blocks/funding_notice_block.html"
        label = _("Funding notice")
        description = _("The wording and logo a funder requires on funded work.")


class BaseStreamBlock(blocks.StreamBlock):
    """The body vocabulary of standard content pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
        description=_("Running text with links and lists."),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    funding_notice = FundingNoticeBlock()


class ArticleStreamBlock(BaseStreamBlock):
    """Press releases and event pages add galleries and videos."""

    gallery = GalleryBlock()
    video = VideoBlock()
