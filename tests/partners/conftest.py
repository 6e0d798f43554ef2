from wagtail.models import Locale

import pytest

from partners.models import PartnerIndexPage, PartnerRole
from tests.factories import translate, without_the_demo_pages


@pytest.fixture
def partners_de(db, german):
    return PartnerIndexPage.objects.get(locale=german)


@pytest.fixture
def partners_en(db, english):
    return PartnerIndexPage.objects.get(locale=english)


@pytest.fixture
def empty_partners_en(partners_de, partners_en):
    """The English partner index without the demo's partners (the German
    index is emptied too: the translations would be left there)."""
    return without_the_demo_pages(partners_de, partners_en)[1]


def role(name_de, name_en):
    """A partner role snippet with its English translation; the German one."""
    german = PartnerRole.objects.create(name=name_de, locale=Locale.objects.get(language_code="de"))
    english = german.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = name_en
    english.save()
    return german


def translate_partner(partner, **fields):
    """The live English translation of a partner (tests.factories.translate)
    with the English versions of its roles, as wagtail-localize's
    synchronisation files it: a plain copy would keep the German roles."""
    translation = translate(partner, "en", **fields)
    links = list(translation.role_links.all())
    for link in links:
        link.role = link.role.get_translation(translation.locale)
        link.save()
    if links:
        translation.save_revision().publish()
    return type(partner).objects.get(pk=translation.pk)
