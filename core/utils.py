"""Small helpers shared by the apps."""

import ipaddress
import unicodedata

from django.conf import settings


def query_param(request, name, max_length=100):
    """A query-string value safe to look up: control characters (a NUL byte
    is an error in PostgreSQL) removed, whitespace trimmed, length capped."""
    value = request.GET.get(name, "")
    value = "".join(char for char in value if unicodedata.category(char) != "Cc")
    return value.strip()[:max_length]


def ascii_int(value, max_digits=9):
    """The number written in ASCII digits 0-9 (at most `max_digits` of them),
    or None. `str.isdigit()` also accepts "²" or "١", which `int()` then
    refuses or reads as a number no visitor typed."""
    if isinstance(value, str) and 0 < len(value) <= max_digits and value.isascii() and value.isdigit():
        return int(value)
    return None


def int_param(request, name, max_digits=9):
    """A query-string number in ASCII digits, or None when absent or not one."""
    return ascii_int(query_param(request, name), max_digits)


def in_order(links):
    """Orderable links in the order an editor gave them, and in the order they
    were added where none was given (links made in code have no sort_order):
    the same on every database."""
    return sorted(links, key=lambda link: (link.sort_order is None, link.sort_order or 0, link.pk or 0))


def linked_topics(page):
    """The topics a page is filed under, in one query (or none when prefetched)."""
    links = page.topic_links.all()
    if "topic_links" not in getattr(page, "_prefetched_objects_cache", {}):
        links = links.select_related("topic")
    return [link.topic for link in in_order(links)]


def client_ip(request):
    """The visitor's address, for login throttling. REMOTE_ADDR, unless
    TRUSTED_PROXIES proxies stand in front of the app server: then the
    address the outermost of them saw, counted from the right of
    X-Forwarded-For (what a visitor writes there themselves is further
    left and ignored). Without proxies the header is ignored, so a forged
    one does not escape a lockout."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote  # not through every proxy: only the last hop is known
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote
