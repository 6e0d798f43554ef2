"""A city editor's new event starts with their city as host and their office as organiser."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_city_editors_new_event_is_hosted_by_their_city(login, event_index_de, wuppertal):
    client = login("wuppertal")
    response = client.get(f"/admin/pages/add/events/eventpage/{event_index_de.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["host_member"] == wuppertal.pk
    assert form.initial["organiser"] == f"{wuppertal.office_name}, Wuppertal"
    # The chooser shows the city already chosen.
    assert wuppertal.title in response.content.decode()


def test_the_newsroom_chooses_the_host_itself(login, event_index_de):
    client = login("redaktion")
    form = client.get(f"/admin/pages/add/events/eventpage/{event_index_de.pk}/").context["form"]
    assert not form.initial.get("host_member")
    assert not form.initial.get("organiser")
