"""Sign-language (DGS) videos: the section's index and one page per video.

BITV 2.0 § 4 asks for explanations in Deutsche Gebärdensprache on the home
page: videos marked with the DGS logo, at least 320×240 pixels at 25 frames
per second, downloadable with their size and duration stated. The videos
and their WebVTT captions are Wagtail documents: uploaded, chosen, kept in
collections (a private collection keeps a video from the public) and served
by the site itself (core.documents adds byte ranges for seeking).

The section is German only, like Leichte Sprache: a DGS video has no
English version (core.localization.NeverTranslated).
"""

import contextlib

from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from core.feeds import FeedRoutes
from core.images import prefetch_renditions
from core.listing import IndexPage
from core.localization import NeverTranslated, real_pages
from core.models import BasePage
from signlanguage import media

POSTER_SPECS = "fill-320x180|format-webp"  # signlanguage/sign_language_index_page.html
FEED_SIZE = 50


class GermanSignLanguage(NeverTranslated):
    """DGS is a German sign language: the section lives in the German tree
    only and is never translated (core.localization.NeverTranslated)."""

    never_translated_message = _("Sign-language pages exist in German only; they are not translated.")


class SignLanguageIndexPage(GermanSignLanguage, FeedRoutes, RoutablePageMixin, IndexPage):
    """ "Gebärdensprache": the videos in Deutsche Gebärdensprache, with RSS and Atom feeds of them."""

    rss_feed_class = "signlanguage.feeds.SignLanguageRssFeed"
    atom_feed_class = "signlanguage.feeds.SignLanguageAtomFeed"

    subpage_types = ["signlanguage.SignLanguageVideoPage"]

    class Meta:
        verbose_name = _("sign-language index")
        verbose_name_plural = _("sign-language indexes")

    def videos(self, request=None):
        """The live, public videos of the section in the editors' order, with what the listing shows."""
        return (
            real_pages(SignLanguageVideoPage.objects.child_of(self), request)
            .select_related("video", "poster")
            .prefetch_related(prefetch_renditions("poster", POSTER_SPECS))
            .order_by("path")
        )

    @path("")
    def listing(self, request):
        return self.render(request, context_overrides={"videos": self.videos(request)})


class SignLanguageVideoPage(GermanSignLanguage, BasePage):
    """One video in Deutsche Gebärdensprache, with captions and the same
    content as text. The video's size, frame rate and duration are read
    from the file when the page is saved (signlanguage.media)."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences above the video: what it explains."),
    )
    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Upload the video as a document: WebM (.webm) or MP4 (H.264, .mp4), at least 320×240 pixels and "
            "25 frames per second. Keep it in a private collection until the page is published."
        ),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The captions as a WebVTT file (.vtt, UTF-8): what is signed, in German, with timings."),
    )
    poster = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays and in the list of videos; a still of the signer works well."),
    )
    transcript = RichTextField(
        _("text alternative"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("Everything the video says, as text, for people who do not watch it."),
    )
    # Read from the video file on save (clean()); not edited by hand.
    video_width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    video_height = models.PositiveIntegerField(_("height in pixels"), null=True, editable=False)
    video_frame_rate = models.DecimalField(
        _("frames per second"), max_digits=6, decimal_places=3, null=True, editable=False
    )
    video_duration = models.FloatField(_("duration in seconds"), null=True, editable=False)
    video_size = models.PositiveBigIntegerField(_("file size in bytes"), null=True, editable=False)
    # The hash of the file these were read from: a file replaced in the
    # documents' admin is read again (signlanguage.signals, save()).
    video_hash = models.CharField(max_length=40, blank=True, editable=False)

    parent_page_types = ["signlanguage.SignLanguageIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("captions"), FieldPanel("poster")],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("transcript")]

    description_fields = ("search_description", "listing_summary", "intro")

    class Meta:
        verbose_name = _("sign-language video")
        verbose_name_plural = _("sign-language videos")

    def clean(self):
        super().clean()
        errors = {}
        if self.video is not None:
            try:
                info = read_video_document(self.video)
            except media.MediaError as error:
                errors["video"] = [str(error)]
            except OSError:
                errors["video"] = [_("The video file could not be opened.")]
            else:
                problems = media.check_video(info)
                if problems:
                    errors["video"] = [str(problem) for problem in problems]
                self.set_video_metadata(video_metadata(info, self.video))
        if self.captions is not None:
            try:
                with self.captions.open_file() as file:
                    media.check_webvtt(file, self.captions.file.name)
            except media.MediaError as error:
                errors["captions"] = [str(error)]
            except OSError:
                errors["captions"] = [_("The captions file could not be opened.")]
        if errors:
            raise ValidationError(errors)

    def set_video_metadata(self, metadata):
        for name, value in metadata.items():
            setattr(self, name, value)

    def save(self, *args, **kwargs):
        """A revision published later (by the scheduler, or a draft from
        before the video file was replaced) carries the metadata of the file
        it was edited with: read again if the file has changed since."""
        if self.video_id and self.video is not None and self.video.file_hash != self.video_hash:
            # Unreadable: kept; the editor's form says what is wrong at the next edit.
            with contextlib.suppress(media.MediaError, OSError):
                self.set_video_metadata(video_metadata(read_video_document(self.video), self.video))
        return super().save(*args, **kwargs)

    @property
    def video_type(self):
        """The video's MIME type, as the <source> element and the feeds state it."""
        return media.VIDEO_FORMATS.get(media.extension(self.video.filename), ("video/mp4",))[0]

    @property
    def video_format_name(self):
        """ "WebM" or "MP4", for the download link."""
        return media.VIDEO_FORMATS.get(media.extension(self.video.filename), ("", "Video"))[1]

    @property
    def download_size(self):
        """The size of the file the download link sends, in bytes."""
        return self.video.get_file_size() or self.video_size or 0

    @property
    def size_text(self):
        """ "1,2 MB" (in the reader's number format), the exact number of bytes
        in a <data> element for machines."""
        return format_html('<data value="{}">{}</data>', self.download_size, filesizeformat(self.download_size))

    @property
    def duration_text(self):
        return media.duration_text(self.video_duration or 0)


def read_video_document(document):
    """The video's properties (signlanguage.media.VideoInfo), read from a document's file."""
    with document.open_file() as file:
        return media.read_video(file, document.file.name)


def video_metadata(info, document):
    """The page's fields that state what the file is."""
    return {
        "video_width": info.width,
        "video_height": info.height,
        "video_frame_rate": round(float(info.frame_rate), 3),
        "video_duration": info.duration,
        "video_size": info.size,
        "video_hash": document.file_hash,
    }
