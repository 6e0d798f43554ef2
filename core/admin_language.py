"""The German admin, where wording cannot be fixed by a catalogue alone.

Most corrections of Wagtail's and wagtail-localize's German are entries in
site/locale-overrides (LOCALE_PATHS wins over the apps' catalogues). This
module holds the one that needs code: the language filter of Wagtail's
chooser modals has no label, so Django shows its field name, "Locale",
whatever the language (wagtail/admin/forms/choosers.py, LocaleFilterMixin).

Installed by CoreConfig.ready().
"""

from django.utils.translation import gettext_lazy as _


def install():
    from wagtail.admin.forms.choosers import LocaleFilterMixin

    if getattr(LocaleFilterMixin.__init__, "labelled", False):
        return
    original = LocaleFilterMixin.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = _("Language")

    __init__.labelled = True
    LocaleFilterMixin.__init__ = __init__
