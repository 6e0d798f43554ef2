"""A city editor's new event starts with their city as host and their office
as organiser; the host is chosen from the cities in the event's language,
their own city first."""

import pytest
from bs4 import BeautifulSoup

from members.models import MemberPage

pytestmark = pytest.mark.django_db


def test_a_city_editors_new_event_is_hosted_by_their_city(login, event_index_de, wuppertal):
    client = login("wuppertal")
    response = client.get(f"/admin/pages/add/events/eventpage/{event_index_de.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["host_member"] == wuppertal.pk
    assert form.initial["organiser"] == f"{wuppertal.office_name}, Wuppertal"
    # The list shows the city already chosen, first and labelled as theirs.
    select = BeautifulSoup(response.content, "html.parser").find("select", attrs={"name": "host_member"})
    groups = select.find_all("optgroup")
    assert groups[0]["label"] in ("Ihre Stadt", "Your city")
    assert [option.get_text() for option in groups[0].find_all("option")] == ["Wuppertal"]
    assert groups[0].find("option").has_attr("selected")


def test_the_host_city_list_holds_the_cities_in_the_events_language_only(login, event_index_de, german, english):
    client = login("wuppertal")
    response = client.get(f"/admin/pages/add/events/eventpage/{event_index_de.pk}/")
    select = BeautifulSoup(response.content, "html.parser").find("select", attrs={"name": "host_member"})
    offered = {int(option["value"]) for option in select.find_all("option") if option["value"]}
    assert offered == set(MemberPage.objects.filter(locale=german, alias_of__isnull=True).values_list("pk", flat=True))
    assert len(offered) > 1  # other cities stay possible (a partner city hosting)
    assert not offered & set(MemberPage.objects.filter(locale=english).values_list("pk", flat=True))


def test_the_newsroom_chooses_the_host_itself(login, event_index_de):
    client = login("redaktion")
    form = client.get(f"/admin/pages/add/events/eventpage/{event_index_de.pk}/").context["form"]
    assert not form.initial.get("host_member")
    assert not form.initial.get("organiser")
    # No city of their own: one group of all cities.
    select = BeautifulSoup(response_html(client, event_index_de), "html.parser").find(
        "select", attrs={"name": "host_member"}
    )
    assert [group["label"] for group in select.find_all("optgroup")] in (["Mitgliedsstädte"], ["Member cities"])


def response_html(client, index):
    return client.get(f"/admin/pages/add/events/eventpage/{index.pk}/").content


def test_a_city_editors_release_names_member_cities_from_a_list_their_own_first(login, news_index_de, german):
    from wagtail.test.utils.form_data import inline_formset

    from tests.workflow.conftest import release_form

    client = login("wuppertal")
    response = client.get(f"/admin/pages/add/news/newspage/{news_index_de.pk}/")
    page = BeautifulSoup(response.content, "html.parser")
    # The row template the "add" button copies, and any row, offer the list.
    selects = page.find_all(
        "select", attrs={"name": lambda name: name and name.startswith("member_links-") and name.endswith("-member")}
    )
    assert selects
    groups = selects[0].find_all("optgroup")
    # (Inside the row's <template>: get_text() leaves template strings out.)
    assert [str(option.string) for option in groups[0].find_all("option")] == ["Wuppertal"]
    offered = {int(option["value"]) for option in selects[0].find_all("option") if option["value"]}
    assert offered == set(MemberPage.objects.filter(locale=german, alias_of__isnull=True).values_list("pk", flat=True))

    # A city of the other language is refused.
    english_city = MemberPage.objects.exclude(locale=german).first()
    data = release_form("Mit fremder Stadt", member_links=inline_formset([{"member": english_city.pk}]))
    response = client.post(f"/admin/pages/add/news/newspage/{news_index_de.pk}/", data)
    assert response.status_code == 200  # the form again, with the error
    assert not news_index_de.get_children().filter(title="Mit fremder Stadt").exists()
