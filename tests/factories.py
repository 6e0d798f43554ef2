"""Small, explicit test data: build only what a test needs."""

from wagtail.models import Locale

import factory
import wagtail_factories

from core.models import CustomImage
from events.models import EventPage
from home.models import StandardPage
from members.models import MemberPage
from news.models import NewsPage, NewsPageTopic


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
