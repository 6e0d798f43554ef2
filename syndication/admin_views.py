"""The report "Calendar imports" (Reports → Calendar imports): every member
city with a calendar address, what its last import did, failures first.

Shown to whoever may edit member pages: Redaktion, Moderation and
administrators see every city, a city's editors their own (the rows are
the German member pages they may change). Nobody else gets it.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from core import relations


def members_with_calendars(user):
    """The German member pages with a calendar address that `user` may edit."""
    MemberPage = relations.model(relations.MEMBER_PAGE)
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        MemberPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        .exclude(calendar_url="")
        .filter(pk__in=editable.values("pk"))
    )


def can_see_report(user):
    return members_with_calendars(user).exists()


@dataclass
class Row:
    """A member and its import record (None before the first import)."""

    member: object
    record: object

    @property
    def pk(self):
        return self.member.pk

    @property
    def city(self):
        return self.member.city

    @property
    def calendar_url(self):
        return self.member.calendar_url

    @property
    def calendar_address(self):
        """The address short enough for the table (server and file name; the
        member page shows it whole): a long one squeezed the city to a letter a line."""
        parts = urlsplit(self.member.calendar_url)
        segments = [segment for segment in parts.path.split("/") if segment]
        if len(segments) <= 1:
            return f"{parts.netloc}{parts.path}"
        return f"{parts.netloc}/…/{segments[-1]}"

    @property
    def finished_at(self):
        return self.record.finished_at if self.record else None

    @property
    def succeeded_at(self):
        return self.record.succeeded_at if self.record else None

    @property
    def failed(self):
        return bool(self.record and self.record.finished_at and not self.record.ok)

    @property
    def result(self):
        if self.record is None or self.record.finished_at is None:
            return _("not imported yet")
        if not self.record.ok:
            return _("failed")
        if self.record.not_modified:
            return _("unchanged (304)")
        return _("OK")

    @property
    def counts(self):
        if not self.record or not self.record.ok or self.record.not_modified:
            return ""
        return _("%(added)d added, %(updated)d updated, %(cancelled)d cancelled, %(unpublished)d unpublished") % {
            "added": self.record.added,
            "updated": self.record.updated,
            "cancelled": self.record.cancelled,
            "unpublished": self.record.unpublished,
        }

    @property
    def error(self):
        return self.record.error if self.record else ""


class CalendarImportsView(ReportView):
    page_title = _("Calendar imports")
    header_icon = "calendar-alt"
    index_url_name = "syndication_calendar_imports"
    index_results_url_name = "syndication_calendar_imports_results"
    paginate_by = 50
    columns = [
        TitleColumn("city", label=_("City"), url_name="wagtailadmin_pages:edit"),
        Column("calendar_address", label=_("Calendar address")),
        DateColumn("finished_at", label=_("Last import")),
        StatusTagColumn("result", label=_("Result"), primary=lambda row: not row.failed),
        Column("counts", label=_("Changes")),
        Column("error", label=_("Error")),
        DateColumn("succeeded_at", label=_("Last successful import")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        failed = Q(calendar_import__ok=False, calendar_import__finished_at__isnull=False)
        succeeded = Q(calendar_import__ok=True, calendar_import__finished_at__isnull=False)
        # Failures first (someone has to act), then cities not yet imported, then the rest.
        return (
            members_with_calendars(self.request.user)
            .select_related("calendar_import")
            .annotate(
                failed_first=Case(
                    When(failed, then=Value(0)),
                    When(succeeded, then=Value(2)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("failed_first", "city", "pk")
        )

    def paginate_queryset(self, queryset, page_size):
        # Rows before the table is made of them (ReportView decorates the page only afterwards).
        paginator, page, members, is_paginated = super().paginate_queryset(queryset, page_size)
        # A member never imported has no record: the reverse relation then raises AttributeError.
        rows = [Row(member, getattr(member, "calendar_import", None)) for member in members]
        return paginator, page, rows, is_paginated
