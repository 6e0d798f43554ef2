"""Fetching a member's calendar over HTTP, within limits.

A member's server may be slow, down, answer with a login page, or send far
more than a calendar: the import of one city must neither hang the
scheduler nor fill its memory. So: a connect and read timeout and a total
deadline, the body read in pieces and dropped beyond a size limit, a few
redirects at most, http and https only, and a User-Agent that tells the
member's administrators who is asking. ETag and Last-Modified make an
unchanged calendar cost one short answer (304).
"""

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

import requests
import urllib3

MAX_REDIRECTS = 3
CHUNK_SIZE = 64 * 1024


class ImportFailed(Exception):
    """Why a calendar could not be imported, in words for the member page's
    editors (shown in the admin and the import's report)."""


@dataclass
class Fetched:
    """A calendar as the server sent it, or None for "not modified" (304)."""

    body: bytes | None
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self):
        return self.body is None


def user_agent():
    from core.localization import site_root_url

    return f"NKA-CalendarImport/1.0 (+{site_root_url() or settings.BASE_URL}; {settings.WAGTAIL_SITE_NAME})"


def fetch(url, etag="", last_modified=""):
    """GET a calendar; with `etag`/`last_modified` of the last import, a
    conditional request. Raises ImportFailed."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise ImportFailed(_("The calendar address must start with http:// or https://."))
    timeout = settings.CALENDAR_IMPORT_TIMEOUT
    max_bytes = settings.CALENDAR_IMPORT_MAX_BYTES
    deadline = time.monotonic() + settings.CALENDAR_IMPORT_DEADLINE
    headers = {"User-Agent": user_agent(), "Accept": "text/calendar, text/plain;q=0.5, */*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.trust_env = False  # no proxy or .netrc of the server's account
        try:
            response = session.get(url, headers=headers, timeout=(timeout, timeout), stream=True)
        except requests.TooManyRedirects:
            raise ImportFailed(_("The calendar address redirects too often.")) from None
        except requests.Timeout:
            raise ImportFailed(_("The calendar's server did not answer in time.")) from None
        except requests.ConnectionError:
            raise ImportFailed(_("The calendar's server could not be reached.")) from None
        except requests.RequestException as error:
            message = _("The calendar could not be fetched (%(error)s).") % {"error": type(error).__name__}
            raise ImportFailed(message) from None
        with response:
            if response.status_code == 304:
                return Fetched(None, etag, last_modified)
            if response.status_code != 200:
                raise ImportFailed(
                    _("The calendar's server answered %(status)s %(reason)s.")
                    % {"status": response.status_code, "reason": response.reason or ""}
                )
            body = read_body(response, max_bytes, deadline)
            return Fetched(
                body,
                etag=response.headers.get("ETag", "")[:500],
                last_modified=response.headers.get("Last-Modified", "")[:100],
            )


def read_body(response, max_bytes, deadline):
    """The body, decompressed, read as it arrives: each read returns what
    the network has (read1), so a server trickling bytes meets the total
    deadline, and one sending too much is cut off at `max_bytes`."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes and "Content-Encoding" not in response.headers:
        raise too_big(max_bytes)
    chunks, size = [], 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise ImportFailed(_("The calendar's server took too long to send the calendar."))
            chunk = response.raw.read1(CHUNK_SIZE, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise too_big(max_bytes)
            chunks.append(chunk)
    except (urllib3.exceptions.TimeoutError, TimeoutError):
        raise ImportFailed(_("The calendar's server did not answer in time.")) from None
    except (urllib3.exceptions.HTTPError, OSError):
        raise ImportFailed(_("The connection broke off while the calendar was sent.")) from None
    return b"".join(chunks)


def too_big(max_bytes):
    return ImportFailed(
        _("The calendar is larger than %(size)s MB: it was not imported.") % {"size": round(max_bytes / 1e6, 1)}
    )
