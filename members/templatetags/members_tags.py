from django import template
from django.utils.translation import get_language

from core.cache import frame_cached
from core.localization import real_pages
from members import geo
from members.models import MemberIndexPage

register = template.Library()


@register.inclusion_tag("members/includes/map.html")
def germany_map(markers):
    """The directory map: Germany's outline with the members' markers
    (rendered in advance, members/directory.py)."""
    return {"markers": markers, "outline": geo.outline_path(), "view_box": geo.view_box()}


@register.inclusion_tag("members/includes/directory_entry.html", takes_context=True)
def member_directory_entry(context):
    """The 'Find the office of your city' entry point on the home pages."""
    request = context.get("request")
    directory = frame_cached(
        request,
        f"member_directory:{get_language()}",
        lambda: real_pages(MemberIndexPage.objects.filter(locale__language_code=get_language()), request).first(),
        site_wide=True,  # a main section: publishing it purges every page
    )
    return {"directory": directory, "request": request}
