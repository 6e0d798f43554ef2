"""How pages of one type show pages of another, in the reader's language.

Editors link a page (a release names a member city, an event its partners)
to whichever translation they chose, often the German one; a reader of the
English page must see the English translation of what it names. Links are
therefore followed by translation key, within the language of the page that
shows them, and only to pages a visitor may be sent to (core.localization.
real_pages).

The page apps name each other's models here by label ("members.MemberPage"),
never by import, so no page app imports another.
"""

from django.apps import apps

from core.localization import real_pages

NEWS_INDEX_PAGE = "news.NewsIndexPage"
NEWS_PAGE = "news.NewsPage"
EVENT_INDEX_PAGE = "events.EventIndexPage"
EVENT_PAGE = "events.EventPage"
EVENT_SERIES_PAGE = "events.EventSeriesPage"
MEMBER_PAGE = "members.MemberPage"
PARTNER_PAGE = "partners.PartnerPage"
TOPIC = "news.Topic"
FUNDING_NOTICE = "partners.FundingNotice"


def model(label):
    """A model of another app, by its label."""
    return apps.get_model(label)


def in_language(label, translation_keys, locale_id, request=None):
    """The pages of a type with these translation keys (a list or a
    `values()` query), in one language: what a page links to, shown as
    its readers see it."""
    pages = model(label).objects.filter(translation_key__in=translation_keys, locale_id=locale_id)
    return real_pages(pages, request)


def linked(page, relation, label, request=None):
    """The pages of a type that `page` links to through `relation` (e.g.
    "member_links__member"), in the page's language, one of each."""
    keys = type(page).objects.filter(pk=page.pk).values(f"{relation}__translation_key")
    return in_language(label, keys, page.locale_id, request)


def naming(page, label, relation, request=None):
    """The pages of a type, in the page's language, that link to any
    translation of `page` through `relation`: the releases naming a member
    city ("member_links__member"), the events it hosts ("host_member")."""
    pages = (
        model(label)
        .objects.filter(**{f"{relation}__translation_key": page.translation_key}, locale_id=page.locale_id)
        .distinct()
    )
    return real_pages(pages, request)


def named_by(page, request, news_relation, events_relation, count=10):
    """The newest releases and events naming `page` (a member city, a
    partner), for its page: {"related_news": […], "related_events": […]}."""
    return {
        "related_news": list(naming(page, NEWS_PAGE, news_relation, request).order_by("-date", "-pk")[:count]),
        "related_events": list(naming(page, EVENT_PAGE, events_relation, request).order_by("-start", "-pk")[:count]),
    }
