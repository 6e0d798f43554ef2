"""Images and documents by role: the newsroom manages all of them, each city
uploads to and edits in its own collection, translators choose."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

from core import roles
from members.models import MemberPage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def photo_upload(name="foto.jpg"):
    buffer = BytesIO()
    PILImage.new("RGB", (640, 480), (200, 80, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def upload(client, collection, title):
    return client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": photo_upload(),
            "collection": collection.pk,
            "tags": "",
            "kind": "photo",
            "credit": "Foto: Stadt Wuppertal/Stefanie vom Stein",
            "licence": "",
            "source": "",
            "usage_rights_until": "",
        },
    )


@pytest.fixture
def root():
    return Collection.get_first_root_node()


@pytest.fixture
def wuppertal_collection(german):
    return roles.city_collection(MemberPage.objects.get(locale=german, city="Wuppertal"))


@pytest.mark.parametrize("username", ["redaktion", "moderation"])
def test_the_newsroom_uploads_a_photo_with_its_credit_and_finds_it_in_the_chooser(login, root, username):
    client = login(username)
    assert client.get("/admin/images/").status_code == 200
    response = upload(client, root, "Auftakt der Aktionswochen")
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Auftakt der Aktionswochen")
    assert image.credit == "Stadt Wuppertal/Stefanie vom Stein"  # the site adds "Foto:"
    assert "Auftakt der Aktionswochen" in client.get("/admin/images/chooser/").content.decode()
    assert client.get(f"/admin/images/{image.pk}/").status_code == 200


def test_a_city_uploads_into_its_own_collection_only(login, root, wuppertal_collection):
    client = login("wuppertal")
    form = client.get("/admin/images/add/")
    assert form.status_code == 200
    # No collection to choose: there is only the city's own.
    assert "collection" not in form.context["form"].fields
    assert upload(client, wuppertal_collection, "Beratungsstelle Elberfeld").status_code == 302
    assert get_image_model().objects.get(title="Beratungsstelle Elberfeld").collection == wuppertal_collection
    # Asking for the network's collection changes nothing.
    upload(client, root, "Ins Netzwerk")
    assert get_image_model().objects.get(title="Ins Netzwerk").collection == wuppertal_collection


def test_a_city_edits_its_colleagues_files_but_not_other_cities(login, root, german, wuppertal_collection):
    other = roles.city_collection(MemberPage.objects.filter(locale=german).exclude(city="Wuppertal").first())
    colleague = ImageFactory(title="Von der Kollegin", collection=wuppertal_collection)
    foreign = ImageFactory(title="Aus einer anderen Stadt", collection=other)
    network = ImageFactory(title="Netzwerkfoto", collection=root)
    client = login("wuppertal")
    assert client.get(f"/admin/images/{colleague.pk}/").status_code == 200
    for image in (foreign, network):
        response = client.get(f"/admin/images/{image.pk}/")
        assert response.status_code in (302, 403), image.title
        client.post(f"/admin/images/{image.pk}/delete/")
        assert get_image_model().objects.filter(pk=image.pk).exists()
    # All of them can be chosen for a page.
    chooser = client.get("/admin/images/chooser/").content.decode()
    assert all(title in chooser for title in ("Von der Kollegin", "Aus einer anderen Stadt", "Netzwerkfoto"))


def test_translators_choose_images_but_do_not_upload(login, root):
    ImageFactory(title="Gruppenbild", collection=root)
    client = login("uebersetzung")
    assert "Gruppenbild" in client.get("/admin/images/chooser/").content.decode()
    assert client.get("/admin/images/add/").status_code == 302
    assert upload(client, root, "Vom Übersetzer").status_code == 302
    assert not get_image_model().objects.filter(title="Vom Übersetzer").exists()


def test_the_newsroom_deletes_files_a_translator_cannot(login, root):
    document = get_document_model().objects.create(
        title="Jahresbericht", collection=root, file=SimpleUploadedFile("bericht.txt", b"Bericht")
    )
    image = ImageFactory(title="Altes Foto", collection=root)
    login("uebersetzung").post(f"/admin/images/{image.pk}/delete/")
    login("uebersetzung").post(f"/admin/documents/delete/{document.pk}/")
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert get_document_model().objects.filter(pk=document.pk).exists()
    login("redaktion").post(f"/admin/images/{image.pk}/delete/")
    login("moderation").post(f"/admin/documents/delete/{document.pk}/")
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not get_document_model().objects.filter(pk=document.pk).exists()


def test_setup_roles_replaces_grants_that_wagtail_never_checks(root):
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupCollectionPermission

    editors = Group.objects.get(name="Redaktion")
    stale = Permission.objects.get(content_type__app_label="core", codename="add_customimage")
    GroupCollectionPermission.objects.create(group=editors, collection=root, permission=stale)
    roles.ensure_roles()
    codenames = set(editors.collection_permissions.values_list("permission__codename", flat=True))
    assert "add_customimage" not in codenames
    assert {"add_image", "change_image", "choose_image", "add_document"} <= codenames
