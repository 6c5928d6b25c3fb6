"""A list applies its own filters and search only: the address cannot add lookups of its own."""

import pytest
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext as _

from portal.tests.factories import UserFactory, user_with_role
from programmes.tests.factories import ConsentFactory, OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

PARTICIPANTS = "/admin/programmes/participant/"


@pytest.fixture
def school():
    organisation = OrganisationFactory()
    child = ParticipantFactory(
        organisation=organisation,
        mentee=True,
        last_name="Снегирёва",
        user=UserFactory(username="snegireva", password=make_password("secret-1")),
    )
    mentor = ConsentFactory(participant__organisation=organisation).participant
    ParticipantFactory(organisation=organisation, mentee=True)
    return {"organisation": organisation, "child": child, "mentor": mentor}


def staff_client(client, role, organisation):
    user = user_with_role(role)
    organisation.members.add(user)
    client.force_login(user)
    return client


def shown(response) -> list[int]:
    return [participant.pk for participant in response.context["object_list"]]


def test_a_password_hash_cannot_be_probed_a_prefix_at_a_time(client, school):
    client = staff_client(client, "auditor", school["organisation"])
    password = school["child"].user.password
    everyone = shown(client.get(PARTICIPANTS))

    right = client.get(
        PARTICIPANTS,
        {"user__username": "snegireva", "user__password__startswith": password[:12]},
    )
    wrong = client.get(
        PARTICIPANTS, {"user__username": "snegireva", "user__password__startswith": "x"}
    )

    assert len(everyone) == 3
    assert shown(right) == shown(wrong) == everyone
    # Nor do the page's filter and sort links carry the parameter on.
    assert "user__password" not in right.content.decode()


def test_another_organisations_staff_cannot_be_probed_through_relations(client, school):
    other = OrganisationFactory()
    other.members.add(UserFactory(username="other-curator"))
    client = staff_client(client, "curator", school["organisation"])
    everyone = shown(client.get(PARTICIPANTS))

    probe = client.get(
        PARTICIPANTS, {"organisation__members__username__startswith": "nobody-is-called-so"}
    )

    assert shown(probe) == everyone


def test_offered_filters_and_the_search_still_narrow_the_list(client, school):
    client = staff_client(client, "curator", school["organisation"])

    mentors = client.get(PARTICIPANTS, {"is_mentor__exact": "1"})
    consenting = client.get(PARTICIPANTS, {"consent": "yes"})
    found = client.get(PARTICIPANTS, {"q": "Снегирёва"})

    assert shown(mentors) == [school["mentor"].pk]
    assert shown(consenting) == [school["mentor"].pk]
    assert shown(found) == [school["child"].pk]


def test_a_value_an_offered_filter_cannot_take_shows_the_whole_list_with_a_message(client, school):
    client = staff_client(client, "curator", school["organisation"])

    response = client.get(PARTICIPANTS, {"is_mentor__exact": "abc", "q": "Снегирёва"})

    assert response.status_code == 400
    assert len(shown(response)) == 3
    message = _("The list cannot be filtered by the values in the address; it is shown unfiltered.")
    assert message in response.content.decode()


def test_a_bad_filter_value_in_an_export_answers_400_not_a_file(client, school):
    client = staff_client(client, "curator", school["organisation"])

    response = client.get(PARTICIPANTS, {"export": "xlsx", "is_mentor__exact": "abc"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
