"""What the site reads from a sign-language video and its captions file.

BITV 2.0 asks for DGS videos of at least 320×240 pixels at 25 frames per
second, downloadable with their size and duration stated. The figures are
read from the file itself with PyAV (FFmpeg's libraries, shipped in its
wheel), never taken from what an editor types.
"""

import re
from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

MIN_WIDTH, MIN_HEIGHT = 320, 240
MIN_FRAME_RATE = 25
# The containers browsers play without a plug-in, by file extension:
# (MIME type, what the download link calls it, FFmpeg's names of the container).
VIDEO_FORMATS = {
    "webm": ("video/webm", "WebM", {"matroska", "webm"}),
    "mp4": ("video/mp4", "MP4", {"mov", "mp4", "m4a", "3gp", "3g2", "mj2"}),
}
# A cue's timing line: "00:01.000 --> 00:04.000" or with hours.
CUE_TIMING = re.compile(r"^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}", re.M)


class MediaError(ValueError):
    """A file that is not what it claims, or not good enough; the message is for the editor."""


@dataclass(frozen=True)
class VideoInfo:
    width: int
    height: int
    frame_rate: Fraction
    duration: float  # seconds
    size: int  # bytes


def extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_video(file, name):
    """Width, height, frame rate, duration and size of a video file (an
    open binary file); MediaError if it is no WebM/MP4 video."""
    import av

    kind = VIDEO_FORMATS.get(extension(name))
    if kind is None:
        raise MediaError(_("The video must be a WebM (.webm) or MP4 (.mp4) file."))
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    try:
        with av.open(file, "r") as container:
            if not set(container.format.name.split(",")) & kind[2]:
                raise MediaError(
                    _("The file's content does not match its extension .%(ext)s.") % {"ext": extension(name)}
                )
            if not container.streams.video:
                raise MediaError(_("The file contains no video."))
            stream = container.streams.video[0]
            rate = stream.average_rate or stream.guessed_rate
            if container.duration is not None:
                duration = container.duration / av.time_base
            elif stream.duration is not None and stream.time_base:
                duration = float(stream.duration * stream.time_base)
            else:
                duration = 0.0
            width, height = stream.codec_context.width, stream.codec_context.height
    except av.FFmpegError as error:
        raise MediaError(_("The file could not be read as a video.")) from error
    finally:
        file.seek(0)
    return VideoInfo(width, height, Fraction(rate or 0).limit_denominator(1001), duration, size)


def check_video(info):
    """The editor's messages for what BITV 2.0 does not accept (empty if all is well)."""
    problems = []
    if info.width < MIN_WIDTH or info.height < MIN_HEIGHT:
        problems.append(
            _(
                "The video is %(width)s×%(height)s pixels; sign-language videos must be at least "
                "%(min_width)s×%(min_height)s pixels (BITV 2.0) so that hands and faces can be read."
            )
            % {"width": info.width, "height": info.height, "min_width": MIN_WIDTH, "min_height": MIN_HEIGHT}
        )
    if info.frame_rate < MIN_FRAME_RATE:
        problems.append(
            _(
                "The video has %(rate)s frames per second; sign-language videos need at least %(min)s "
                "(BITV 2.0) so that fast signs stay legible."
            )
            % {"rate": f"{float(info.frame_rate):.3g}", "min": MIN_FRAME_RATE}
        )
    if info.duration <= 0:
        problems.append(_("The video's duration could not be read."))
    return problems


def check_webvtt(file, name):
    """MediaError unless the file is a WebVTT captions file (UTF-8, the
    "WEBVTT" signature, at least one cue)."""
    if extension(name) != "vtt":
        raise MediaError(_("The captions must be a WebVTT file (.vtt)."))
    file.seek(0)
    try:
        text = file.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MediaError(_("The captions file must be saved as UTF-8 text.")) from error
    finally:
        file.seek(0)
    if not re.match(r"WEBVTT(?:[ \t]|\r?\n|$)", text):
        raise MediaError(_('This is not a WebVTT file: its first line must be "WEBVTT".'))
    if not CUE_TIMING.search(text):
        raise MediaError(_('The captions file has no cues (lines such as "00:00.000 --> 00:04.000").'))


def duration_text(seconds):
    """ "0:20", "12:05", "1:02:03": minutes and seconds as players show them."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
