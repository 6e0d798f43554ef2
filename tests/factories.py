"""Small, explicit test data: build only what a test needs."""

import datetime

from wagtail.models import Locale

import factory
import wagtail_factories

from core.models import CustomImage
from events.models import EventPage, EventSeriesPage
from home.models import AccessibilityBarrier, AccessibilityStatementPage, StandardPage
from members.models import MemberPage
from news.models import NewsPage, NewsPageTopic
from partners.models import PartnerPage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    kind = CustomImage.Kind.PHOTO
    credit = factory.Sequence(lambda n: f"Testagentur/Person {n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Testseite {n}")
    intro = "Kurzer Vorspann."
    locale = factory.LazyFunction(Locale.get_default)


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    """A live accessibility statement; pass parent=<HomePage> and, as a list of
    dicts of AccessibilityBarrier fields, barriers=."""

    class Meta:
        model = AccessibilityStatementPage
        skip_postgeneration_save = True

    title = "Erklärung zur Barrierefreiheit"
    compliance_status = AccessibilityStatementPage.ComplianceStatus.PARTIAL
    prepared_on = datetime.date(2026, 3, 2)
    feedback_contact = "Redaktion (Test)"
    feedback_email = "barrieren@example.org"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    @factory.post_generation
    def barriers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.barriers = [AccessibilityBarrier(sort_order=n, **fields) for n, fields in enumerate(extracted)]
            obj.save_revision().publish()  # as the admin publishes a page with its barriers


class NewsPageFactory(wagtail_factories.PageFactory):
    """A live press release; pass parent=<NewsIndexPage>."""

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Testmeldung {n}")
    lead = factory.Sequence(lambda n: f"Vorspann der Testmeldung {n}.")
    dateline = "Teststadt"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            for topic in extracted:
                NewsPageTopic.objects.create(page=obj, topic=topic, locale=obj.locale)
            obj.save()  # as the admin saves a page with its topics: one purge with both


class MemberPageFactory(wagtail_factories.PageFactory):
    """A live member office; pass parent=<MemberIndexPage>."""

    class Meta:
        model = MemberPage

    title = factory.Sequence(lambda n: f"Teststadt {n}")
    city = factory.SelfAttribute("title")
    federal_state = "NW"
    office_name = "Antidiskriminierungsstelle (Test)"
    member_since = 2020
    street = "Teststraße 1"
    postcode = "12345"
    email = "test@example.org"
    latitude = "51.00000"
    longitude = "9.00000"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


class EventPageFactory(wagtail_factories.PageFactory):
    """A live in-person event; pass parent=<EventIndexPage or EventSeriesPage> and start=."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Testtermin {n}")
    lead = "Testvorspann."
    venue_name = "Saal"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


class EventSeriesPageFactory(wagtail_factories.PageFactory):
    """A live series; pass parent=<EventIndexPage>. Its modules are the events built below it."""

    class Meta:
        model = EventSeriesPage

    title = factory.Sequence(lambda n: f"Testreihe {n}")
    intro = "Eine Reihe von Modulen."
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


class PartnerPageFactory(wagtail_factories.PageFactory):
    """A live partner; pass parent=<PartnerIndexPage>."""

    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Testpartner {n}")
    summary = "Ein Partner des Netzwerks."
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


def translate(page, language_code="en", **fields):
    """The live translation of `page` into another language, as a translator
    would publish it: the page copied under its parent's translation, with
    `fields` (title, slug, lead …) in that language."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def without_the_demo_pages(*indexes):
    """Take every page below `indexes` off the public site, for a test that
    fills a section itself and counts what it shows: unpublished, their slugs
    and URLs given a "-demo" suffix (so the test may use the same names), the
    page cache purged as after any unpublish. A few statements instead of
    deleting the demo's pages one by one, which takes seconds."""
    from django.db import transaction
    from django.db.models import Value
    from django.db.models.functions import Concat, Replace

    from wagtail.models import Page

    from core.caching.purge import purge_everything

    with transaction.atomic():
        for index in indexes:
            for pk, path, url_path in Page.objects.child_of(index).values_list("pk", "path", "url_path"):
                Page.objects.filter(path__startswith=path).update(
                    live=False,
                    has_unpublished_changes=True,
                    url_path=Replace("url_path", Value(url_path), Value(f"{url_path[:-1]}-demo/")),
                )
                Page.objects.filter(pk=pk).update(slug=Concat("slug", Value("-demo")))
        purge_everything()
    return [type(index).objects.get(pk=index.pk) for index in indexes]


class EasyReadIndexPageFactory(wagtail_factories.PageFactory):
    """A live Leichte Sprache section; pass parent=<the German HomePage>."""

    class Meta:
        model = "easyread.EasyReadIndexPage"

    title = "Leichte Sprache (Test)"
    intro = "Hier sind Texte in Leichter Sprache.\nDie Texte sind leicht."
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


class EasyReadPageFactory(wagtail_factories.PageFactory):
    """A live page in Leichte Sprache; pass parent=<EasyReadIndexPage>."""

    class Meta:
        model = "easyread.EasyReadPage"

    title = factory.Sequence(lambda n: f"Leichter Text {n}")
    body = factory.LazyFunction(lambda: [("heading", "Eine Überschrift"), ("lines", "Ein Satz.\nNoch ein Satz.")])
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


class SignLanguageVideoPageFactory(wagtail_factories.PageFactory):
    """A live DGS video; pass parent=<SignLanguageIndexPage>, and video= and
    captions= (Wagtail documents, made by tests/signlanguage/conftest.py)."""

    class Meta:
        model = "signlanguage.SignLanguageVideoPage"

    title = factory.Sequence(lambda n: f"Testvideo {n}")
    intro = "Ein Video zum Testen."
    transcript = "<p>Was im Video gebärdet wird, steht hier als Text.</p>"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())


# Form pages (contact/) ---------------------------------------------------

CONTACT_FIELDS = [
    {"label": "Name", "field_type": "singleline", "required": False, "autocomplete": "name"},
    {"label": "E-Mail-Adresse", "field_type": "email", "required": False},
    {"label": "Nachricht", "field_type": "multiline", "required": True},
]


def with_form_fields(page, fields=CONTACT_FIELDS):
    """Give a form page (ContactPage, AccessibilityStatementPage) these
    fields, as dicts of form field values, and publish it as the admin does."""
    model = page._meta.get_field("form_fields").related_model
    page.form_fields = [model(sort_order=n, locale=page.locale, **values) for n, values in enumerate(fields)]
    page.save()  # the fields get their ids (and names) before the revision is taken
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


class ContactPageFactory(wagtail_factories.PageFactory):
    """A live contact page with a form; pass parent=<HomePage> and, as a list
    of dicts of form field values, form_fields= (CONTACT_FIELDS by default)."""

    class Meta:
        model = "contact.ContactPage"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kontakt {n}")
    intro = "So erreichen Sie uns."
    to_address = "buero@example.org"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    @factory.post_generation
    def form_fields(obj, create, extracted, **kwargs):
        if create:
            with_form_fields(obj, CONTACT_FIELDS if extracted is None else extracted)


def make_document(name, data, title=None, collection=None):
    """A Wagtail document of these bytes, stored as an upload in the admin stores it."""
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document(title=title or name, **({"collection": collection} if collection else {}))
    document.file.save(name, ContentFile(data), save=False)
    document._set_document_file_metadata()  # size and hash, as an upload in the admin
    document.save()
    return document
