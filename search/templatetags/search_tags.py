"""Marking the searched words in results."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, pattern):
    """Escape the text and wrap the words the pattern finds in <mark>.

    The pattern runs on the raw text and every piece is escaped on its own,
    so a mark never splits an entity and nothing reaches the page unescaped.
    """
    text = "" if text is None else str(text)
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
