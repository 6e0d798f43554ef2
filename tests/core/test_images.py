"""Images: credit and consent rules, renditions with srcset and modern formats."""

from django.core.exceptions import ValidationError

import pytest

from core.models import CustomImage
from tests.conftest import soup
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_photo_without_credit_line_is_rejected():
    image = ImageFactory.build(credit="", kind=CustomImage.Kind.PHOTO)
    with pytest.raises(ValidationError) as error:
        image.full_clean(exclude=["file", "collection"])
    assert "credit" in error.value.message_dict


def test_a_logo_may_go_without_credit():
    ImageFactory.build(credit="", kind=CustomImage.Kind.GRAPHIC, title="Logo").full_clean(
        exclude=["file", "collection"]
    )


def test_identifiable_people_need_consent_on_file():
    image = ImageFactory.build(people_identifiable=True, consent_on_file=False)
    with pytest.raises(ValidationError) as error:
        image.full_clean(exclude=["file", "collection"])
    assert "consent_on_file" in error.value.message_dict
    image.consent_on_file = True
    image.full_clean(exclude=["file", "collection"])


def test_image_block_renders_a_figure_with_renditions_and_credit(client, home_de):
    photo = ImageFactory(credit="Stadt Wuppertal/Stefanie vom Stein", width=1600, height=1000)
    StandardPageFactory(
        parent=home_de,
        slug="mit-bild",
        body=[
            ("image", {"image": photo, "alt_text": "Gruppenfoto", "caption": "Auftakt in Wuppertal", "credit": ""}),
        ],
    )
    page_soup = soup(client.get("/de/mit-bild/"))
    figure = page_soup.find("figure", class_="figure")
    img = figure.find("img")
    assert img["alt"] == "Gruppenfoto"
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    assert len(img["srcset"].split(",")) >= 2
    assert figure.find("source", type="image/webp") is not None
    assert img["src"].endswith((".jpg", ".jpeg"))
    assert figure.figcaption.find(class_="figure__credit").get_text() == "Foto: Stadt Wuppertal/Stefanie vom Stein"


def test_block_credit_overrides_the_images_own(client, home_de):
    photo = ImageFactory(credit="Foto: Archiv")
    StandardPageFactory(
        parent=home_de,
        slug="nachweis",
        body=[("image", {"image": photo, "alt_text": "Bild", "caption": "", "credit": "Foto: Agentur XY"})],
    )
    credit = soup(client.get("/de/nachweis/")).find(class_="figure__credit").get_text()
    assert credit == "Foto: Agentur XY"


@pytest.mark.parametrize(
    "language, kind, expected",
    [
        ("de", "photo", "Foto: Agentur XY"),
        ("en", "photo", "Photo: Agentur XY"),
        ("de", "graphic", "Grafik: Agentur XY"),
        ("en", "graphic", "Graphic: Agentur XY"),
    ],
)
def test_the_credit_word_is_in_the_readers_language(client, home_de, home_en, language, kind, expected):
    home = home_de if language == "de" else home_en
    # An editor who typed "Foto:" into the credit does not get it twice.
    photo = ImageFactory(credit="Foto: Agentur XY", kind=kind)
    StandardPageFactory(
        parent=home,
        slug="nachweis-sprache",
        locale=home.locale,
        body=[("image", {"image": photo, "alt_text": "Bild", "caption": "", "credit": ""})],
    )
    credit = soup(client.get(f"/{language}/nachweis-sprache/")).find(class_="figure__credit").get_text()
    assert credit == expected


def test_a_credit_is_stored_as_the_name_only():
    photo = ImageFactory(credit="  Foto:  Stadt Wuppertal/Stefanie vom Stein ")
    photo.full_clean()
    assert photo.credit == "Stadt Wuppertal/Stefanie vom Stein"
