"""The press list in the admin (press.admin_views): the overview for every
editor, the subscribers' addresses for Moderation and administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from press import admin_views
from press.models import Subscriber


class SubscriberViewSet(ModelViewSet):
    """The addresses: list, search, export (CSV/XLSX with the consent date),
    change, and delete on request (erasure: the deliveries go with it)."""

    model = Subscriber
    icon = "user"
    menu_label = _("Press list subscribers")
    add_to_admin_menu = False
    list_display = ["email", "language", "confirmed_at", "created_at", "source"]
    list_filter = ["language", "source"]
    search_fields = ["email"]
    list_export = [
        "email",
        "language",
        "topic_names",
        "city_names",
        "confirmed_at",
        "created_at",
        "source",
        "consent_text",
    ]
    export_headings = {"topic_names": _("topics"), "city_names": _("member cities")}
    export_filename = "presseverteiler"
    form_fields = ["email", "language"]
    ordering = ["email"]
    inspect_view_enabled = False
    copy_view_enabled = False


subscribers = SubscriberViewSet("press_subscribers")


@hooks.register("register_admin_viewset")
def register_subscribers():
    return subscribers


@hooks.register("register_admin_urls")
def register_press_urls():
    return [
        path("press/", admin_views.OverviewView.as_view(), name="press_overview"),
        path("press/import/", admin_views.ImportView.as_view(), name="press_import"),
        path("press/send-again/<int:page_id>/", admin_views.SendAgainView.as_view(), name="press_send_again"),
    ]


@hooks.register("register_admin_menu_item")
def register_press_menu_item():
    return MenuItem(_("Press list"), reverse("press_overview"), name="press-list", icon_name="mail", order=260)
