"""The snippets a member city copies into its own website to show the
network's news and events of the city there (core.embed): a read-only
panel at the end of a member page in the admin.

One iframe per list and language, on the Site's root URL, naming the city
as the list's ?city= filter expects it: by the slug of the member page in
that language (the English page may have a slug of its own). The members
app imports this panel, so the page models are named by label
(core.relations).
"""

from urllib.parse import urlencode

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.models import Locale

from core import relations
from core.localization import page_url, real_pages

# (list, index page, the frame's height in pixels: five items and the link
# below them in a column of about 30 em; the member's web team may change it).
LISTS = (
    (_("News"), relations.NEWS_INDEX_PAGE, 620),
    (_("Events"), relations.EVENT_INDEX_PAGE, 520),
)


def embed_snippets(member, request=None):
    """[{label, language, url, code}] for a member page (any translation):
    each list in each language where both the list's index and the
    member's page are published; [] for a page not yet saved."""
    if member is None or member.pk is None:
        return []
    pages = real_pages(relations.model(relations.MEMBER_PAGE).objects.filter(translation_key=member.translation_key))
    by_locale = {page.locale_id: page for page in pages}
    locales = {locale.pk: locale for locale in Locale.objects.filter(pk__in=by_locale)}
    default = Locale.get_default().pk
    snippets = []
    for label, index_label, height in LISTS:
        indexes = real_pages(relations.model(index_label).objects.filter(locale_id__in=by_locale))
        for index in sorted(indexes, key=lambda index: (index.locale_id != default, index.locale_id)):
            city = by_locale[index.locale_id]
            query = urlencode({"city": city.slug})
            url = f"{page_url(index, request)}{index.reverse_subpage('embed')}?{query}"
            # The title names the list for screen readers on the member's page,
            # in the list's language: the index's title and the city's name.
            code = format_html(
                '<iframe src="{}" title="{}: {}" width="100%" height="{}" loading="lazy" style="border:0"></iframe>',
                url,
                index.title,
                city.city,
                height,
            )
            language = locales[index.locale_id].get_display_name()
            snippets.append({"label": label, "language": language, "url": url, "code": code})
    return snippets


class EmbedSnippetsPanel(Panel):
    """Copy-and-paste iframes of this city's news and events for the
    office's own website; read-only, built from the published pages."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("News and events on the office's own website"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "syndication/admin/embed_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["snippets"] = embed_snippets(self.instance, self.request)
            return context
