"""Point the default Wagtail Site at settings.BASE_URL.

The Site's root URL (hostname and port) is where every absolute link of the
site comes from: canonical and hreflang links, og:image, JSON-LD, feeds,
calendars, vCards, sitemaps, robots.txt and notification mails. It never
comes from the request's Host header. Member calendars served by the site
itself (the demo's) move with it. `make run` runs this after load_demo;
run it after deploying with BASE_URL set to the public address, e.g.
BASE_URL=https://www.example.org.
"""

import ipaddress
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEFAULT_PORTS = {"http": 80, "https": 443}
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def valid_hostname(hostname):
    try:
        ipaddress.ip_address(hostname)
        return True
    except ValueError:
        pass
    # Letters, digits and hyphens (international names in their xn-- form).
    return len(hostname) <= 253 and all(HOST_LABEL.match(label) for label in hostname.split("."))


def site_address(base_url):
    """(hostname, port) of the Wagtail Site for a base URL such as
    http://127.0.0.1:8000 or https://www.example.org; CommandError if the
    URL is not one that a Wagtail Site can stand for."""
    example = "e.g. BASE_URL=http://127.0.0.1:8000 or BASE_URL=https://www.example.org"
    value = (base_url or "").strip()
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:
        raise CommandError(f"BASE_URL {value!r} is not a valid URL ({error}); {example}.") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(f"BASE_URL {value!r} must start with http:// or https:// and name a host; {example}.")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username or parts.password:
        raise CommandError(
            f"BASE_URL {value!r} must be only scheme, host and port (the site is served at the root); {example}."
        )
    hostname = parts.hostname
    if not valid_hostname(hostname):
        raise CommandError(f"BASE_URL {value!r}: {hostname!r} is not a host name; {example}.")
    if port is None:
        port = DEFAULT_PORTS[parts.scheme]
    elif port == 0:
        raise CommandError(f"BASE_URL {value!r}: port 0 is not a port; {example}.")
    # A Wagtail Site's root URL is https:// only on port 443 and http:// on
    # every other port: other combinations would produce wrong links.
    if parts.scheme == "https" and port != 443:
        raise CommandError(f"BASE_URL {value!r}: an https site must be served on port 443 (a Wagtail Site's rule).")
    if parts.scheme == "http" and port == 443:
        raise CommandError(f"BASE_URL {value!r}: port 443 means https://.")
    if ":" in hostname:  # IPv6 literal: Wagtail writes the hostname as it is stored
        hostname = f"[{hostname}]"
    return hostname, port


def move_own_calendars(old_root, new_root):
    """Member calendars the site serves itself (the demo's static files, a
    calendar uploaded as a document) move with it: their addresses on the
    old root URL now point at the new one, in the pages and in their latest
    revisions (which the admin edits), without a new revision: the purge of
    everything that follows a move covers what shows them."""
    from core import relations

    MemberPage = relations.model(relations.MEMBER_PAGE)
    own = MemberPage.objects.filter(calendar_url__startswith=f"{old_root}/").select_related("latest_revision")
    for page in own:
        url = new_root + page.calendar_url[len(old_root) :]
        MemberPage.objects.filter(pk=page.pk).update(calendar_url=url)
        revision = page.latest_revision
        if revision is not None and revision.content.get("calendar_url") == page.calendar_url:
            revision.content["calendar_url"] = url
            revision.save(update_fields=["content"])


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from BASE_URL (the root URL of every absolute link)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", help="instead of settings.BASE_URL (the BASE_URL environment variable)")

    def handle(self, *args, base_url=None, **options):
        from wagtail.models import Site

        hostname, port = site_address(base_url or settings.BASE_URL)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Wagtail Site yet: run `manage.py load_demo` (or create one) first.")
        if (site.hostname, site.port) == (hostname, port):
            if options["verbosity"] > 1:
                self.stdout.write(f"The site is already at {site.root_url}.")
            return
        old_root = site.root_url
        site.hostname, site.port = hostname, port
        site.save()
        move_own_calendars(old_root, site.root_url)
        # Cached pages, feeds and sitemaps carry the old root URL.
        from core.caching import page_cache
        from core.caching.fragments import new_generation

        page_cache.purge_all()
        new_generation()
        if options["verbosity"] > 0:
            self.stdout.write(f"The site's root URL is now {site.root_url}.")
