from django import template

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
    directory = MemberIndexPage.for_request(request)
    return {"directory": directory, "request": request}
