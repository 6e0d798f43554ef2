"""The press distribution list (Presseverteiler): journalists and member
offices subscribe by e-mail, confirm (double opt-in), and get each press
release in their language the moment it goes live.

- `Subscriber`: an address, its language(s) and filters (topics, member
  cities: none means all), and when and to what it consented. Only a
  confirmed address gets releases; an unconfirmed one expires after
  PRESS_CONFIRM_DAYS. Erasure deletes the row and its deliveries.
- `Mailing`: one sending of one release (a page in one language): the
  first when it goes live, more only when an editor chooses "send again"
  with a correction note. A release page has at most one first mailing:
  unpublished and published again, it is not sent again.
- `Delivery`: one mail of a mailing to one subscriber, with its status
  (queued, sending, sent, failed with the server's answer), attempts and
  next try. One per subscriber and mailing: nobody gets a mailing twice.

Sending runs in the task worker (press.sending), never in an editor's
request; the scheduler's sweep (`manage.py send_press_mail`) picks up
what a stopped worker left.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.models import BasePage

LANGUAGES_BOTH = "both"


def new_secret():
    return secrets.token_urlsafe(18)


class Subscriber(models.Model):
    class Language(models.TextChoices):
        GERMAN = "de", _("German")
        ENGLISH = "en", _("English")
        BOTH = LANGUAGES_BOTH, _("German and English")

    class Source(models.TextChoices):
        WEB = "web", _("sign-up form")
        IMPORT = "import", _("import")

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=4, choices=Language.choices, default=Language.GERMAN)
    # Translation keys of news.Topic and members.MemberPage: the same in
    # every language. Empty: every topic, every city.
    topics = models.JSONField(_("topics"), default=list, blank=True)
    cities = models.JSONField(_("member cities"), default=list, blank=True)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.WEB)
    # Part of every link mailed to the address: renewed when the address
    # unsubscribes, so old links stop working.
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    # When a confirmation or "already subscribed" mail last went out (at
    # most one per PRESS_MAIL_INTERVAL_MINUTES per address).
    last_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        permissions = [("view_subscriber_address", _("Can see subscribers' e-mail addresses"))]
        indexes = [models.Index(fields=["confirmed_at"])]

    def __str__(self):
        # What the admin's log keeps of a deleted subscriber: not the address.
        from core.mail import mask

        return mask(self.email)

    @property
    def confirmed(self):
        return self.confirmed_at is not None

    def topic_names(self):
        """The topics by name (in German), for the export."""
        from press.admin_views import recent, topic_names

        names = recent("topics", topic_names)
        return "; ".join(names.get(key, key) for key in self.topics)

    def city_names(self):
        from press.admin_views import city_names, recent

        names = recent("cities", city_names)
        return "; ".join(names.get(key, key) for key in self.cities)

    def languages(self):
        return ("de", "en") if self.language == LANGUAGES_BOTH else (self.language,)

    def wants(self, language, topic_keys, city_keys):
        """Does this subscriber want a release in `language` filed under these topics and cities?"""
        if language not in self.languages():
            return False
        if self.topics and not set(self.topics) & set(topic_keys):
            return False
        return not (self.cities and not set(self.cities) & set(city_keys))


class Mailing(models.Model):
    """One sending of a release in one language."""

    page = models.ForeignKey(
        "news.NewsPage", verbose_name=_("press release"), on_delete=models.CASCADE, related_name="mailings"
    )
    # 0: the first sending, when the release went live; 1, 2, …: sent again.
    edition = models.PositiveSmallIntegerField(_("edition"), default=0)
    correction_note = models.TextField(_("correction note"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Not before: a release dated ahead is sent at its date.
    send_after = models.DateTimeField(_("send from"), default=timezone.now)
    # When the recipients were listed (the deliveries made).
    prepared_at = models.DateTimeField(_("recipients listed"), null=True, blank=True)
    # Why nothing was sent: the release was no longer live, or private.
    cancelled = models.CharField(_("not sent because"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["page", "edition"], name="press_one_mailing_per_edition")]

    def __str__(self):
        return f"{self.page_id}#{self.edition}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_try = models.DateTimeField(_("next try"), default=timezone.now)
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["mailing", "subscriber"], name="press_one_delivery_per_subscriber")
        ]
        indexes = [models.Index(fields=["mailing", "status", "next_try"])]

    def __str__(self):
        return f"{self.mailing_id}→{self.subscriber_id}: {self.status}"


class PressListPage(RoutablePageMixin, BasePage):
    """The sign-up page of the press list, below the newsroom of each
    language: the form (address, language, topics, cities, consent), and
    the pages the mailed links lead to (confirm, manage, unsubscribe). Never
    kept in a cache, sets no cookie (the form checks where it comes from:
    contact.protection)."""

    accepts_public_posts = True  # contact.middleware.FormPageCsrfExemption
    shown_on_every_page = True  # linked from every footer (core.caching.purge.affects_every_page)

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What subscribers get and how often, in a few sentences."),
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("press list sign-up page")
        verbose_name_plural = _("press list sign-up pages")

    # Views ----------------------------------------------------------------

    @path("")
    def form_view(self, request):
        from press import views

        return views.sign_up(self, request)

    @path("sent/", name="sent")
    def sent_view(self, request):
        from press import views

        return views.sent(self, request)

    @path("confirm/<str:token>/", name="confirm")
    def confirm_view(self, request, token):
        from press import views

        return views.confirm(self, request, token)

    @path("manage/<str:token>/", name="manage")
    def manage_view(self, request, token):
        from press import views

        return views.manage(self, request, token)

    @path("unsubscribe/<str:token>/", name="unsubscribe")
    def unsubscribe_view(self, request, token):
        from press import views

        return views.unsubscribe(self, request, token)
