"""The press list in the admin.

- "Presseverteiler" (every editor): how many confirmed subscribers per
  language, topic and member city, and each release's sendings with their
  deliveries by status. No addresses.
- The subscribers themselves (press.wagtail_hooks.SubscriberViewSet):
  addresses, export (CSV/XLSX), erasure; for Moderation and administrators
  only (the `press.view_subscriber` permissions).
- Import (CSV with consent dates) and "send again" (a correction) for the
  same people.
"""

import csv
import io
import time
from collections import Counter
from datetime import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import relations
from press.models import Mailing, Subscriber

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def can_see_addresses(user):
    return user.has_perm("press.view_subscriber")


def can_change_list(user):
    return user.has_perm("press.add_subscriber") and user.has_perm("press.change_subscriber")


def topic_names(locale_code="de"):
    Topic = relations.model(relations.TOPIC)
    return {
        str(key): name
        for key, name in Topic.objects.filter(locale__language_code=locale_code).values_list("translation_key", "name")
    }


def city_names(locale_code="de"):
    MemberPage = relations.model(relations.MEMBER_PAGE)
    return {
        str(key): city
        for key, city in MemberPage.objects.filter(locale__language_code=locale_code).values_list(
            "translation_key", "city"
        )
    }


_RECENT = {}


def recent(kind, load, seconds=30):
    """`load()`, remembered a few seconds (an export names the topics of every row)."""
    now = time.monotonic()
    entry = _RECENT.get(kind)
    if entry is None or entry[0] < now:
        entry = _RECENT[kind] = (now + seconds, load())
    return entry[1]


class OverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "press/admin/overview.html"
    page_title = gettext_lazy("Press list")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        confirmed = Subscriber.objects.filter(confirmed_at__isnull=False)
        languages, topics, cities = Counter(), Counter(), Counter()
        everything_topics = everything_cities = 0
        for language, subscriber_topics, subscriber_cities in confirmed.values_list("language", "topics", "cities"):
            languages[language] += 1
            topics.update(subscriber_topics or [])
            cities.update(subscriber_cities or [])
            everything_topics += not subscriber_topics
            everything_cities += not subscriber_cities
        topic_name, city_name = topic_names(), city_names()
        mailings = (
            Mailing.objects.select_related("page")
            .annotate(
                queued=Count("deliveries", filter=Q(deliveries__status__in=["queued", "sending"])),
                sent=Count("deliveries", filter=Q(deliveries__status="sent")),
                failed=Count("deliveries", filter=Q(deliveries__status="failed")),
            )
            .order_by("-created_at")[:50]
        )
        context.update(
            confirmed=confirmed.count(),
            waiting=Subscriber.objects.filter(confirmed_at__isnull=True).count(),
            languages=[(label, languages[value]) for value, label in Subscriber.Language.choices],
            topics=sorted(((topic_name.get(key, "?"), count) for key, count in topics.items()), key=lambda i: i[0]),
            cities=sorted(((city_name.get(key, "?"), count) for key, count in cities.items()), key=lambda i: i[0]),
            all_topics=everything_topics,
            all_cities=everything_cities,
            mailings=mailings,
            can_see_addresses=can_see_addresses(self.request.user),
            can_change_list=can_change_list(self.request.user),
        )
        return context


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns: email, language (de, en or both), consent_date (YYYY-MM-DD: when the person agreed), and "
            "optionally topics and cities (names separated by “;”). Only addresses with a consent date are imported; "
            "addresses already on the list are left as they are."
        ),
    )


class ImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "press/admin/import.html"
    page_title = gettext_lazy("Import subscribers")
    header_icon = "mail"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if not can_change_list(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("press_overview"), "label": _("Press list")},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            form.add_error("file", _("The file is larger than 5 MB."))
            return self.form_invalid(form)
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not UTF-8 text."))
            return self.form_invalid(form)
        added, skipped, problems = import_subscribers(text)
        if problems and not added:
            for problem in problems[:10]:
                form.add_error("file", problem)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(added)d addresses imported, %(skipped)d already on the list.") % {"added": added, "skipped": skipped},
        )
        for problem in problems[:10]:
            messages.warning(self.request, problem)
        return redirect("press_overview")


def import_subscribers(text):
    """(added, already there, problems) for a CSV text; all rows or none."""
    by_name_topic = {name.lower(): key for key, name in topic_names().items()}
    by_name_topic.update({name.lower(): key for key, name in topic_names("en").items()})
    by_name_city = {name.lower(): key for key, name in city_names().items()}
    by_name_city.update({name.lower(): key for key, name in city_names("en").items()})
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"email", "language", "consent_date"} <= {n.strip() for n in reader.fieldnames}:
        return 0, 0, [_("The file needs the columns email, language and consent_date.")]
    rows, problems = [], []
    for number, row in enumerate(reader, start=2):
        row = {(key or "").strip(): (value or "").strip() for key, value in row.items()}
        email = row.get("email", "").lower()
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("Line %(line)d: not an e-mail address.") % {"line": number})
            continue
        language = row.get("language", "")
        if language not in Subscriber.Language.values:
            problems.append(_("Line %(line)d: the language must be de, en or both.") % {"line": number})
            continue
        try:
            consent = datetime.strptime(row.get("consent_date", ""), "%Y-%m-%d")
        except ValueError:
            problems.append(_("Line %(line)d: no consent date (YYYY-MM-DD).") % {"line": number})
            continue
        topics, cities, unknown = [], [], []
        for name in filter(None, (part.strip() for part in row.get("topics", "").split(";"))):
            (topics.append(by_name_topic[name.lower()]) if name.lower() in by_name_topic else unknown.append(name))
        for name in filter(None, (part.strip() for part in row.get("cities", "").split(";"))):
            (cities.append(by_name_city[name.lower()]) if name.lower() in by_name_city else unknown.append(name))
        if unknown:
            problems.append(
                _("Line %(line)d: unknown topics or cities: %(names)s") % {"line": number, "names": ", ".join(unknown)}
            )
            continue
        rows.append((email, language, topics, cities, timezone.make_aware(consent)))
        if len(rows) > 100_000:
            return 0, 0, [_("The file has more than 100,000 lines.")]
    existing = set(Subscriber.objects.filter(email__in=[row[0] for row in rows]).values_list("email", flat=True))
    new = {row[0]: row for row in rows if row[0] not in existing}
    with transaction.atomic():
        Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=email,
                    language=language,
                    topics=topics,
                    cities=cities,
                    confirmed_at=consent,
                    created_at=consent,
                    source=Subscriber.Source.IMPORT,
                    consent_text=_("Imported with consent given on %(date)s") % {"date": consent.date().isoformat()},
                )
                for email, language, topics, cities, consent in new.values()
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )
    return len(new), len(rows) - len(new), problems


class SendAgainForm(forms.Form):
    correction_note = forms.CharField(
        label=gettext_lazy("Correction note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What was corrected and why; it stands at the top of the mail."),
    )


class SendAgainView(WagtailAdminTemplateMixin, FormView):
    """Send a release once more to its subscribers, with a correction note."""

    template_name = "press/admin/send_again.html"
    page_title = gettext_lazy("Send again")
    header_icon = "mail"
    form_class = SendAgainForm

    def dispatch(self, request, page_id, *args, **kwargs):
        self.release = get_object_or_404(relations.model(relations.NEWS_PAGE), pk=page_id)
        if not self.release.permissions_for_user(request.user).can_publish() or not self.release.live:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("press_overview"), "label": _("Press list")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(release=self.release, **kwargs)

    def form_valid(self, form):
        from press.signals import start_mailing

        edition = (
            Mailing.objects.filter(page=self.release).order_by("-edition").values_list("edition", flat=True).first()
            or 0
        ) + 1
        start_mailing(
            self.release, edition=edition, correction_note=form.cleaned_data["correction_note"], user=self.request.user
        )
        messages.success(self.request, _("“%(title)s” is being sent again.") % {"title": self.release.title})
        return redirect("press_overview")
