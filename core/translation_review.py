"""Translations go live only through someone who may publish them.

wagtail-localize writes a translation's content in several places: its
"submit for translation" and "sync" views, the translation editor's
publish button, and `create_or_update_translation()`, which saved the live
row of an existing page even when asked for a draft. Its "convert to alias"
view copies the source page's latest (possibly unreviewed) revision onto the
live translation. They checked only that the user may edit. Here:

- `Translation.save_target()` publishes only for a user who may publish the
  translated page (or, for a new one, pages below its parent); for anyone
  else it saves a draft revision, which then goes through the review
  workflow like any other change.
- While a draft is saved that way, the live row of an existing live page is
  not written (`keeps_live_row()`, checked by `BasePage.save()`): the
  translated content lives in the new revision only.
- Converting a translation to an alias needs the right to publish it
  (`convert_to_alias`), and "Sync translated pages" publishes at once only
  for those who may publish every translation, telling everyone else that
  the changes wait for review (`reviewed_update_translations`); both are
  routed in config/urls.py before wagtail-localize's own views.

Installed by CoreConfig.ready().
"""

import contextvars
import functools

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

_DRAFTS_ONLY = contextvars.ContextVar("translation_drafts_only", default=False)


def may_publish(user, translation):
    """Whether `user` may publish the target of a wagtail-localize Translation."""
    if user is None:
        return True  # management commands and the demo loader act for the site itself
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:  # not translated yet
        target = None
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    source = translation.source.get_source_instance()
    if isinstance(source, Page):
        parent = source.get_parent().specific.get_translation_or_none(translation.target_locale)
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()
    return True  # snippets: wagtail-localize checks their own permissions


def keeps_live_row(page, save_kwargs):
    """True while a translation is saved as a draft and `page` is live: its
    row stays as reviewed and the content goes into the revision saved next."""
    return _DRAFTS_ONLY.get() and page.pk is not None and page.live and not save_kwargs.get("update_fields")


def reviewed_save_target(save_target):
    @functools.wraps(save_target)
    def wrapper(self, user=None, publish=True):
        if publish and not may_publish(user, self):
            publish = False
        token = _DRAFTS_ONLY.set(not publish)
        try:
            return save_target(self, user=user, publish=publish)
        finally:
            _DRAFTS_ONLY.reset(token)

    wrapper.reviewed = True
    return wrapper


def convert_to_alias(request, page_id):
    """wagtail-localize's "convert to alias page", for those who may publish the page."""
    from wagtail_localize.views.convert import convert_to_alias as localize_convert_to_alias

    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return localize_convert_to_alias(request, page_id)


def install():
    from wagtail_localize.models import Translation

    if not getattr(Translation.save_target, "reviewed", False):
        Translation.save_target = reviewed_save_target(Translation.save_target)


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", but "publish immediately"
    only for those who may publish every translated page; for everyone else
    the synced translations wait as drafts for review."""

    def form_valid(self, form):
        as_drafts = False
        if form.cleaned_data.get("publish_translations"):
            source = self.object
            targets = Page.objects.filter(translation_key=source.object_id).exclude(locale_id=source.locale_id)
            if not all(page.permissions_for_user(self.request.user).can_publish() for page in targets):
                form.cleaned_data["publish_translations"] = False
                as_drafts = True
        response = super().form_valid(form)
        if as_drafts:
            # The new source text is now in the translation editor; the live
            # translation stays as it was until the changes are reviewed.
            messages.info(
                self.request,
                _("Synced, not published: translate the changes and submit the page for review by Moderation."),
            )
        return response


reviewed_update_translations = require_admin_access(ReviewedUpdateTranslationsView.as_view())
