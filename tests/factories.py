"""Small, explicit test data: build only what a test needs."""

from wagtail.models import Locale

import factory
import wagtail_factories

from core.models import CustomImage
from home.models import StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    kind = CustomImage.Kind.PHOTO
    credit = factory.Sequence(lambda n: f"Foto: Testagentur/Person {n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Testseite {n}")
    intro = "Kurzer Vorspann."
    locale = factory.LazyFunction(Locale.get_default)
