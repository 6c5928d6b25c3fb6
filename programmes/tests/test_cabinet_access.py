"""Every URL of the participant's cabinet, against every role.

Only a user whose account is linked to a participant sees anything of the programme here;
staff (editors, curators, auditors, superusers) without a linked record get the «not linked»
page and 404 for any meeting, whatever they may see in the admin.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory, user_with_role
from programmes.models import Feedback
from programmes.tests.factories import (
    MeetingFactory,
    PairFactory,
    PairMenteeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

LINKED = "participant"
UNLINKED = "participant without a record"
CASES = ["anonymous", LINKED, UNLINKED, "editor", "curator", "auditor", "superuser"]
STAFF = ["editor", "curator", "auditor", "superuser"]

OK, NOT_LINKED, TO_LOGIN, NOT_FOUND, SAVED = "ok", "not linked", "login", "404", "saved"


@pytest.fixture
def world():
    programme = ProgrammeFactory()
    organisation = programme.organisation
    pair = PairFactory(
        programme=programme,
        active=True,
        mentor__last_name="Наставникова",
        mentor__first_name="Анна",
    )
    mentee = PairMenteeFactory(pair=pair, mentee__last_name="Ученикова").mentee
    PairMenteeFactory(pair=pair, mentee__last_name="Соседова")
    meeting = MeetingFactory(pair=pair, topic="Разбор олимпиадных задач")
    other_pair = PairFactory(programme=programme, active=True, mentor__last_name="Чужаков")
    PairMenteeFactory(pair=other_pair, mentee__last_name="Посторонняя")
    other_meeting = MeetingFactory(pair=other_pair, topic="Секретная тема")
    return {
        "organisation": organisation,
        "mentee": mentee,
        "meeting": meeting,
        "other_meeting": other_meeting,
    }


def login(client, case, world):
    if case == "anonymous":
        return None
    if case == UNLINKED:
        user = UserFactory(username="unlinked")
        user.groups.add(Group.objects.get(name=PARTICIPANTS))
    else:
        user = user_with_role(case)
    if case == LINKED:
        world["mentee"].user = user
        world["mentee"].save()
    if case in ("curator", "auditor"):
        # Even staff who work with the organisation's records see none of them here.
        world["organisation"].members.add(user)
    client.force_login(user)
    return user


def outcome(response) -> str:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/accounts/login/?next="):
            return TO_LOGIN
        assert location == reverse("cabinet:overview"), location
        return SAVED
    if response.status_code == 404:
        return NOT_FOUND
    assert response.status_code == 200, response.status_code
    templates = {template.name for template in response.templates}
    if "programmes/cabinet/not_linked.html" in templates:
        return NOT_LINKED
    return OK


def expected(case: str, for_linked: str, for_staff: str) -> str:
    if case == "anonymous":
        return TO_LOGIN
    if case == LINKED:
        return for_linked
    return for_staff


@pytest.mark.parametrize("case", CASES)
def test_overview_shows_the_own_record_only_to_a_linked_participant(client, world, case):
    login(client, case, world)

    response = client.get(reverse("cabinet:overview"))

    assert outcome(response) == expected(case, OK, NOT_LINKED)
    if case == "anonymous":
        assert response["Location"] == "/accounts/login/?next=/cabinet/"
        return
    content = response.content.decode()
    for name in ("Чужаков", "Посторонняя", "Секретная тема"):
        assert name not in content
    if case == LINKED:
        assert "Ученикова" in content
        assert "Разбор олимпиадных задач" in content
    else:
        for name in ("Наставникова", "Ученикова", "Соседова", "Разбор олимпиадных задач"):
            assert name not in content


@pytest.mark.parametrize("case", CASES)
def test_feedback_form_opens_only_for_a_meeting_of_the_own_pair(client, world, case):
    login(client, case, world)
    url = reverse("cabinet:feedback", args=[world["meeting"].pk])

    response = client.get(url)

    assert outcome(response) == expected(case, OK, NOT_FOUND)
    if case == "anonymous":
        assert response["Location"] == f"/accounts/login/?next={url}"
    if case == LINKED:
        assert "Разбор олимпиадных задач" in response.content.decode()


@pytest.mark.parametrize("case", CASES)
def test_feedback_is_saved_only_by_a_member_of_the_pair(client, world, case):
    login(client, case, world)

    response = client.post(
        reverse("cabinet:feedback", args=[world["meeting"].pk]), {"rating": "5", "comment": ""}
    )

    assert outcome(response) == expected(case, SAVED, NOT_FOUND)
    assert Feedback.objects.count() == (1 if case == LINKED else 0)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_pairs_meeting_is_not_found_for_anyone(client, world, case, method):
    login(client, case, world)

    response = getattr(client, method)(
        reverse("cabinet:feedback", args=[world["other_meeting"].pk]),
        {"rating": "5", "comment": ""} if method == "post" else {},
    )

    assert outcome(response) == expected(case, NOT_FOUND, NOT_FOUND)
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("case", [LINKED, *STAFF])
def test_a_meeting_that_does_not_exist_is_not_found(client, world, case):
    login(client, case, world)

    response = client.get(reverse("cabinet:feedback", args=[world["other_meeting"].pk + 1000]))

    assert response.status_code == 404


@pytest.mark.parametrize("case", CASES)
def test_the_header_links_signed_in_users_to_their_cabinet(client, world, case):
    login(client, case, world)

    content = client.get(reverse("login") if case == "anonymous" else "/search/").content.decode()

    assert (f'href="{reverse("cabinet:overview")}"' in content) == (case != "anonymous")


def test_overview_of_a_linked_staff_member_shows_their_own_pairs(client, world):
    # A teacher may be a curator and a mentor at once: the cabinet follows the record.
    user = user_with_role("curator")
    mentor = world["meeting"].pair.mentor
    mentor.user = user
    mentor.save()
    client.force_login(user)

    content = client.get(reverse("cabinet:overview")).content.decode()

    assert "Ученикова" in content
    assert "Чужаков" not in content
