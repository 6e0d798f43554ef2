"""The machinery every public form page shares, and the contact page.

A form page (FormPageMixin) is a Wagtail form page (wagtail.contrib.forms)
whose fields editors build in the admin, translated like pages; what a
visitor sends is stored as a Submission first and then mailed to the
office by the task worker (contact.mail), so a failing mail server loses
nothing. Submissions are listed under Forms in the admin (with the mail's
status), exportable as CSV, and deleted after the page's retention period
(`manage.py delete_old_submissions`, daily).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin, validate_to_address
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from contact import protection
from contact.forms import CONFIRMATION, CONSENT, PublicFormBuilder
from core.blocks import BaseStreamBlock
from core.models import BasePage
from core.page_forms import PageForm


class FormPageAdminForm(PageForm, WagtailAdminFormPageForm):
    """The site's page form (slugs) with Wagtail's check that no two form
    fields end up with the same name."""


class FormField(TranslatableMixin, AbstractFormField):
    """A field of a public form, built by editors. wagtail-localize
    translates label, help text, choices and default value; the field's
    name (under which answers are stored), its type, whether it is required
    and its autocomplete purpose are copied from the German page, so the
    submissions of every language version have the same columns."""

    class Autocomplete(models.TextChoices):
        # The purposes of WCAG 2.1 success criterion 1.3.5 a contact form asks for.
        NAME = "name", _("name")
        EMAIL = "email", _("e-mail address")
        TEL = "tel", _("phone number")
        ORGANIZATION = "organization", _("organisation")
        URL = "url", _("web address")

    autocomplete = models.CharField(
        _("purpose"),
        max_length=20,
        choices=Autocomplete.choices,
        blank=True,
        help_text=_(
            "What the field asks for, if it is about the sender (name, e-mail address …): browsers then offer "
            "to fill it in, which helps many people with disabilities."
        ),
    )

    panels = AbstractFormField.panels + [FieldPanel("autocomplete")]

    translatable_fields = [
        SynchronizedField("clean_name"),
        TranslatableField("label"),
        TranslatableField("help_text"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("autocomplete"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]


class Submission(AbstractFormSubmission):
    """What a visitor sent through a form page, and how its mail to the office went.

    Stored before anything is mailed; the mail's status (queued, sent,
    failed and retried, failed for good) is shown next to the submission in
    the admin. Deleted after the page's retention period."""

    class MailStatus(models.TextChoices):
        QUEUED = "queued", _("queued")
        RETRYING = "retrying", _("failed, will be tried again")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    language = models.CharField(_("language"), max_length=10, blank=True)
    mail_status = models.CharField(
        _("e-mail to the office"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    mail_attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    mail_error = models.CharField(_("last error"), max_length=100, blank=True)
    mail_next_try = models.DateTimeField(_("next try"), null=True, blank=True)
    mail_sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Set while a worker sends the mail, so that a retry queued twice sends it once.
    mail_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        indexes = [models.Index(fields=["mail_status", "mail_next_try"], name="contact_submission_mail")]

    def get_data(self):
        return {**super().get_data(), "mail_status": self.mail_status_text()}

    def mail_status_text(self):
        """The mail's status as the admin's list and the CSV export show it."""
        status = self.MailStatus
        if self.mail_status == status.SENT and self.mail_sent_at:
            when = date_format(timezone.localtime(self.mail_sent_at), "SHORT_DATETIME_FORMAT")
            return _("sent %(when)s") % {"when": when}
        if self.mail_status == status.RETRYING:
            when = date_format(timezone.localtime(self.mail_next_try), "SHORT_DATETIME_FORMAT")
            return _("failed (%(error)s, %(attempts)d attempts), next try %(when)s") % {
                "error": self.mail_error,
                "attempts": self.mail_attempts,
                "when": when,
            }
        if self.mail_status == status.FAILED:
            return _("failed (%(error)s, %(attempts)d attempts), not tried again") % {
                "error": self.mail_error,
                "attempts": self.mail_attempts,
            }
        return str(self.get_mail_status_display())


class FormPageMixin(RoutablePageMixin, FormMixin, models.Model):
    """A page with a public form: the form, its confirmation page and the
    submissions' way to the office. Spam defences in contact.protection;
    the form itself in contact.forms. The page is never kept in a cache
    (its form carries the time it was rendered), nor does it set a cookie."""

    thank_you_text = RichTextField(
        _("confirmation text"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_(
            "Shown after a visitor sent the form, e.g. how soon they will get an answer. Leave empty for a "
            "standard text."
        ),
    )
    to_address = models.CharField(
        _("send submissions to"),
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text=_("The e-mail addresses of the office that answers, separated by commas."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep submissions for (days)"),
        default=180,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_(
            "Submissions are deleted automatically this many days after they arrived. Keep them only as long "
            "as you need them to answer (data minimisation)."
        ),
    )

    base_form_class = FormPageAdminForm
    form_builder = PublicFormBuilder
    # The confirmation is also Wagtail's "landing page" preview.
    landing_page_template = "contact/form_confirmation.html"

    class Meta:
        abstract = True

    @classmethod
    def form_panels(cls):
        return [
            InlinePanel("form_fields", heading=_("Form fields"), label=_("Field")),
            FieldPanel("thank_you_text"),
            MultiFieldPanel([FieldPanel("to_address"), FieldPanel("retention_days")], heading=_("Submissions")),
        ]

    # Where the answers go -------------------------------------------------

    def mail_recipients(self):
        """The page's addresses, else the organisation's (site settings)."""
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        if not addresses:
            from core.models import SiteSettings

            site = self.get_site()
            email = SiteSettings.for_site(site).email if site else ""
            addresses = [email] if email else []
        return addresses

    def sender_field(self):
        """The form field of the sender's e-mail address (Reply-To, confirmation), or None."""
        return next((field for field in self.get_form_fields() if field.field_type == "email"), None)

    def get_data_fields(self):
        fields = super().get_data_fields()
        fields.append((CONSENT, _("Consent to the privacy policy")))
        if self.sender_field() is not None:
            fields.append((CONFIRMATION, _("Confirmation requested")))
        fields.append(("mail_status", _("E-mail to the office")))
        return fields

    def get_submission_class(self):
        return Submission

    def get_form_fields(self):
        # Read once per request: the form, the sender field and the data columns all use them.
        if not hasattr(self, "_form_fields"):
            self._form_fields = list(self.form_fields.all())
        return self._form_fields

    def get_form(self, *args, **kwargs):
        kwargs.setdefault("page", self)
        return super().get_form(*args, **kwargs)

    def process_form_submission(self, form):
        """Store the submission, then (once it is committed) queue its mail
        and, if asked for, the sender's confirmation."""
        from contact import tasks

        data = form.submission_data()
        with transaction.atomic():
            submission = Submission.objects.create(page=self, form_data=data, language=get_language() or "")
            transaction.on_commit(lambda: tasks.send_submission_mail.enqueue(submission.pk))
            if data.get(CONFIRMATION) and form.sender_address():
                transaction.on_commit(lambda: tasks.send_confirmation_mail.enqueue(submission.pk))
        return submission

    # Views ----------------------------------------------------------------

    @path("")
    def form_view(self, request):
        if request.method == "POST":
            response = self.receive(request)
        elif request.method in ("GET", "HEAD"):
            response = self.render_form(request, self.get_form(user=request.user))
        else:
            response = HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        # The form carries the time it was rendered: never from a cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    @path("danke/", name="confirmation")
    @path("thank-you/", name="confirmation_en")
    def confirmation_view(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        response = self.render_landing_page(request)
        # A page of its own only for the visitor who just sent the form.
        response["X-Robots-Tag"] = "noindex"
        return response

    def confirmation_url(self, request=None):
        name = "confirmation" if self.locale.language_code == "de" else "confirmation_en"
        return self.get_url(request) + self.reverse_subpage(name)

    def receive(self, request):
        """A submission: refused (stored nowhere) or stored and redirected to the confirmation."""
        refusal = protection.check_origin(request) or protection.check_rate(request)
        if refusal is None:
            refusal = protection.check_honeypot(request.POST) or protection.check_stamp(
                self, request.POST.get(protection.STAMP)
            )
        # Shown again with what the visitor typed, a fresh stamp and the trap emptied.
        data = request.POST.copy()
        data[protection.STAMP] = protection.new_stamp(self)
        data[protection.HONEYPOT] = ""
        form = self.get_form(data, user=request.user)
        valid = form.is_valid()
        if refusal is not None:
            response = self.render_form(request, form, refusal=refusal, status=refusal.status)
            for header, value in refusal.headers.items():
                response[header] = value
            return response
        if not valid:
            return self.render_form(request, form)
        self.process_form_submission(form)
        # POST/redirect/GET: a reload does not send it twice; nothing of it in the URL.
        return HttpResponseRedirect(self.confirmation_url(request), status=303)

    def render_form(self, request, form, refusal=None, status=200):
        context = self.get_context(request)
        # A page whose editors built no fields shows no form.
        if self.get_form_fields():
            context.update({"form": form, "refusal": refusal, "form_has_errors": bool(refusal or form.errors)})
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        context["form_submission"] = form_submission
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.render_landing_page(request)
        return self.render_form(request, self.get_form(user=request.user))


class ContactPage(FormPageMixin, BasePage):  # noqa: DJ008 - Page.__str__ gives the title
    """The general contact page: how to reach the network's office, and a
    form that writes to it without a mail program (one per language)."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short lead paragraph shown above the body."))
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Addresses, office hours and whom to write to about what. The form follows below."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")] + FormPageMixin.form_panels()
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    description_fields = ("search_description", "listing_summary", "intro")

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")


class ContactFormField(FormField):
    """A field of the contact page's form."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(FormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
