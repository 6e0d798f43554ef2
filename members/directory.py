"""The member directory's precomputed index: every live office of a
directory page in A–Z order, with its list entry and map marker already
rendered.

Built when a member page of the directory is published, changed,
unpublished, moved or deleted (core.caching.precomputed); a visitor's request only
filters it by federal state or city name and joins the pieces.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation

from core.localization import language_of, real_pages
from members import geo


@dataclass(frozen=True)
class Entry:
    pk: int
    city: str
    federal_state: str
    list_item: str  # <li> of the list
    marker: str  # <a> of the map
    dimmed_marker: str  # the same, for an office the filter leaves out


def build(directory):
    """The entries of a MemberIndexPage, in its language."""
    from members.models import MemberPage

    members = real_pages(MemberPage.objects.child_of(directory)).order_by("city", "title")
    # Members are children of the directory: their URLs follow from its own.
    base_url = directory.get_url()
    entries = []
    with translation.override(language_of(directory)):
        for member in members:
            url = f"{base_url}{member.slug}/"
            x, y = geo.project(member.longitude, member.latitude)
            context = {"member": member, "url": url, "x": x, "y": y}
            entries.append(
                Entry(
                    pk=member.pk,
                    city=member.city,
                    federal_state=member.federal_state,
                    list_item=render_to_string("members/includes/directory_item.html", context),
                    marker=render_to_string("members/includes/map_marker.html", {**context, "listed": True}),
                    dimmed_marker=render_to_string("members/includes/map_marker.html", {**context, "listed": False}),
                )
            )
    return tuple(entries)
