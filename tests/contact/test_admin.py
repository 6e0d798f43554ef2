"""Submissions in the admin: listed under Forms with the mail's status,
exported as CSV, and seen only by those who may edit the form page."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from contact.models import Submission
from core.roles import EDITORS, ensure_city_group, ensure_roles, member_pages

pytestmark = pytest.mark.django_db

URL_DE = "/de/kontakt-test/"
MESSAGE = {"name": "Ada Muster", "e_mail_adresse": "ada@example.org", "nachricht": "Wann ist das nächste Treffen?"}


@pytest.fixture
def submitted(contact_de, send):
    assert send(URL_DE, MESSAGE).status_code == 303
    return Submission.objects.get(page=contact_de)


def test_the_submission_is_listed_with_its_mail_status(admin_client, contact_de, submitted):
    response = admin_client.get(f"/admin/forms/submissions/{contact_de.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wann ist das nächste Treffen?" in html
    assert submitted.mail_status_text() in html
    assert contact_de.title in admin_client.get("/admin/forms/").content.decode()


def test_the_csv_export_holds_the_submission(admin_client, contact_de, submitted):
    response = admin_client.get(f"/admin/forms/submissions/{contact_de.pk}/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    header, row = text.strip().splitlines()[:2]
    assert "Nachricht" in header and "E-Mail-Adresse" in header
    assert "Wann ist das nächste Treffen?" in row and "ada@example.org" in row


def test_a_member_city_editor_cannot_see_the_networks_submissions(client, contact_de, submitted):
    ensure_roles()
    city = member_pages().first()
    group = ensure_city_group(city)
    user = get_user_model().objects.create_user(
        "stadtredakteurin-test", "stadt-test@example.org", "ein-langes-testpasswort"
    )
    user.groups.add(group)
    client.force_login(user)
    listing = client.get("/admin/forms/")
    assert contact_de.title not in listing.content.decode()
    response = client.get(f"/admin/forms/submissions/{contact_de.pk}/")
    assert response.status_code in (302, 403)
    assert "Wann ist das nächste Treffen?" not in response.content.decode()
    export = client.get(f"/admin/forms/submissions/{contact_de.pk}/?export=csv")
    assert export.status_code in (302, 403)


def test_the_newsroom_sees_the_submissions(client, contact_de, submitted):
    ensure_roles()
    user = get_user_model().objects.create_user(
        "redakteurin-test", "redakteurin-test@example.org", "ein-langes-testpasswort"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    response = client.get(f"/admin/forms/submissions/{contact_de.pk}/")
    assert response.status_code == 200
    assert "Wann ist das nächste Treffen?" in response.content.decode()
