"""Video embeds that load nothing from the provider until the visitor agrees.

The embed address is derived from the video URL here, without asking the
provider (no oEmbed request), and only the privacy-enhanced hosts are used.
"""

import re
from urllib.parse import parse_qs, urlparse

from core.utils import ascii_int

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def embed_info(url):
    """(provider name, embed URL) for a YouTube or Vimeo link, else None."""
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    host = (parsed.hostname or "").lower()
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parsed.path.lstrip("/")
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
        else:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        if YOUTUBE_ID.match(video_id):
            return "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host in VIMEO_HOSTS:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if ascii_int(video_id, max_digits=12) is not None:
            return "Vimeo", f"https://player.vimeo.com/video/{video_id}?dnt=1"
    return None
