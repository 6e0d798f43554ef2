"""The record of each member calendar's import."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarImport(models.Model):
    """The last import of one member city's calendar: when, what it did, or
    why it failed; and what the next request sends to fetch the calendar
    only if it changed (ETag, Last-Modified). One per member (its German
    page), shown on the member page in the admin and in the report."""

    member = models.OneToOneField(
        "members.MemberPage", verbose_name=_("member"), on_delete=models.CASCADE, related_name="calendar_import"
    )
    url = models.URLField(_("calendar address"), max_length=1000)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    succeeded_at = models.DateTimeField(_("last successful import"), null=True, blank=True)
    ok = models.BooleanField(_("succeeded"), default=False)
    not_modified = models.BooleanField(_("calendar unchanged"), default=False)
    added = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    cancelled = models.PositiveIntegerField(_("cancelled"), default=0)
    unpublished = models.PositiveIntegerField(_("unpublished"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("calendar import")
        verbose_name_plural = _("calendar imports")

    def __str__(self):
        return f"{self.member} ({self.url})"


class ImportedEvent(models.Model):
    """An event (or one occurrence of a recurring event) of a member's
    calendar and the German event page made of it. The feed's UID and
    RECURRENCE-ID name it: a re-import updates the page and never makes a
    second one. Translations are found by the page's translation key."""

    member = models.ForeignKey(
        "members.MemberPage", verbose_name=_("member"), on_delete=models.CASCADE, related_name="+"
    )
    uid = models.CharField("UID", max_length=500)
    recurrence_id = models.CharField(
        "RECURRENCE-ID", max_length=64, blank=True, help_text=_("The occurrence's original start, in UTC.")
    )
    # An editor who deletes the page deletes the event from the site: the
    # record stays without it, so that the next import does not bring it back.
    page = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="imported_as",
    )
    fingerprint = models.CharField(
        max_length=64, blank=True, help_text=_("A hash of what the feed said: an unchanged event is left alone.")
    )
    missing_since = models.DateTimeField(
        _("missing from the feed since"), null=True, blank=True, help_text=_("Cancelled then, unpublished later.")
    )

    class Meta:
        verbose_name = _("imported event")
        verbose_name_plural = _("imported events")
        constraints = [
            models.UniqueConstraint(fields=["member", "uid", "recurrence_id"], name="syndication_one_page_per_event")
        ]

    def __str__(self):
        return f"{self.uid} {self.recurrence_id}".strip()
