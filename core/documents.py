"""Documents served with byte ranges, so that videos can be sought, Safari plays them and downloads resume.

Wagtail's document view (wagtail.documents.views.serve) checks the
collection's privacy, sends the `document_served` signal, the ETag and the
Content-Type, but always answers with the whole file (200). Browsers fetch
video in ranges ("Range: bytes=…"): Safari refuses to play a video whose
server does not answer 206 Partial Content, and no browser can seek in it.
This view lets Wagtail's view decide everything, then cuts the range out of
its answer.
"""

import re

from django.http import FileResponse, HttpResponse
from django.utils.http import http_date, parse_http_date_safe

from wagtail.documents.views.serve import serve as wagtail_serve

SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def serve(request, document_id, document_filename):
    """/documents/<id>/<name>: Wagtail's document view, answering a single
    byte range with 206 (416 where it lies beyond the file)."""
    response = wagtail_serve(request, document_id, document_filename)
    if response.status_code != 200 or not isinstance(response, FileResponse):
        return response
    response["Accept-Ranges"] = "bytes"
    if response.get("Content-Encoding") == "None":  # Wagtail's sendfile writes out a missing encoding
        del response["Content-Encoding"]
    if request.method not in ("GET", "HEAD") or "Range" not in request.headers:
        return response
    size = _size(response)
    if size is None or not _if_range_holds(request, response):
        return response
    wanted = _parse_range(request.headers["Range"], size)
    if wanted is None:  # several ranges, or none we understand: the whole file
        return response
    if wanted is False:
        response.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    start, end = wanted
    file = response.file_to_stream
    file.seek(start)
    length = end - start + 1
    response.streaming_content = _read(file, length)  # an iterator: no sendfile of the whole file
    response.status_code = 206
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(length)
    return response


def _size(response):
    try:
        return int(response["Content-Length"])
    except (KeyError, ValueError):
        return None


def _if_range_holds(request, response):
    """If-Range: the range only if the file is still the one the browser has."""
    condition = request.headers.get("If-Range")
    if not condition:
        return True
    if condition.startswith(('"', 'W/"')):
        return not condition.startswith("W/") and condition == response.get("ETag")
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return modified is not None and http_date(modified) == condition.strip()


def _parse_range(header, size):
    """(first, last byte) of a single range; False if it cannot be satisfied; None to ignore it."""
    match = SINGLE_RANGE.match(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            return False
        return max(size - length, 0), size - 1
    first = int(first)
    if last and int(last) < first:  # malformed: ignored, as RFC 9110 says
        return None
    if first >= size:
        return False
    return first, min(int(last), size - 1) if last else size - 1


def _read(file, length):
    while length > 0:
        chunk = file.read(min(CHUNK, length))
        if not chunk:
            break
        length -= len(chunk)
        yield chunk
