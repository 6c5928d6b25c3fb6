"""Each role's admin menu shows exactly what the role may open, and every item opens.

The menu is read as the role sees it: from the sidebar's props in the rendered dashboard, with
every submenu unfolded. An item the superuser has and the role lacks must refuse the role, so a
screen cannot be hidden from the menu yet open to whoever types its address, nor be shown and
then refuse. Participants have no admin: their way is the site's header to the cabinet.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from forms_app.tests.factories import questionnaire_page
from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory, user_with_role
from programmes.tests.factories import (
    MeetingFactory,
    OrganisationFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db

SIDEBAR_PROPS = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S
)
STAFF_ROLES = ["editor", "curator", "auditor", "other_curator", "superuser"]


def menu_items(client) -> dict[str, str]:
    """{url: label} of every item of the main menu the signed-in user is shown."""
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    props = json.loads(SIDEBAR_PROPS.search(response.content.decode()).group(1))
    found = {}

    def walk(node):
        if isinstance(node, dict):
            args = node.get("_args")
            is_link = node.get("_type", "").endswith("MenuItem") and args and "url" in args[0]
            # Wagtail's help links lead to its own site, outside the portal.
            if is_link and args[0]["url"].startswith("/"):
                found[args[0]["url"]] = args[0]["label"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    main_menu = [m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule"]
    walk(main_menu)
    return found


@pytest.fixture
def world():
    """Two organisations, each with a curator, a pair and a questionnaire; one auditor."""
    school, other_school = OrganisationFactory(), OrganisationFactory()
    users = {role: user_with_role(role) for role in ["editor", "curator", "auditor", "superuser"]}
    users["other_curator"] = UserFactory(username="other_curator")
    users["other_curator"].groups.add(Group.objects.get(name="Кураторы"))
    school.members.add(users["curator"], users["auditor"])
    other_school.members.add(users["other_curator"])
    for organisation in (school, other_school):
        pair = pair_with_mentees(programme__organisation=organisation, active=True)
        MeetingFactory(pair=pair)
    questionnaires = {
        "school": questionnaire_page(title="Анкета школы", organisation=school),
        "other": questionnaire_page(title="Анкета другой школы", organisation=other_school),
    }
    return {"users": users, "questionnaires": questionnaires}


@pytest.fixture
def superuser_menu(client, world):
    client.force_login(world["users"]["superuser"])
    items = menu_items(client)
    client.logout()
    return items


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_every_menu_item_opens_for_the_role(client, world, role):
    client.force_login(world["users"][role])

    refused = {}
    for url, label in menu_items(client).items():
        response = client.get(url)
        if response.status_code != 200:
            refused[label] = (url, response.status_code)

    assert refused == {}


@pytest.mark.parametrize("role", [r for r in STAFF_ROLES if r != "superuser"])
def test_what_the_menu_leaves_out_the_role_may_not_open(client, world, superuser_menu, role):
    client.force_login(world["users"][role])
    shown = menu_items(client)

    opened = {}
    for url, label in superuser_menu.items():
        if url not in shown:
            response = client.get(url)
            if response.status_code == 200:
                opened[label] = url

    assert opened == {}


@pytest.mark.parametrize(
    ("role", "own", "foreign"),
    [
        ("curator", "school", "other"),
        ("auditor", "school", "other"),
        ("other_curator", "other", "school"),
    ],
)
def test_the_forms_menu_lists_the_questionnaires_whose_answers_the_role_reads(
    client, world, role, own, foreign
):
    client.force_login(world["users"][role])
    forms_url = reverse("wagtailforms:index")
    questionnaire = world["questionnaires"][own]

    assert forms_url in menu_items(client)
    listing = client.get(forms_url).content.decode()
    answers_url = reverse("wagtailforms:list_submissions", args=[questionnaire.pk])
    report_url = reverse("forms_app_results", args=[questionnaire.pk])
    assert answers_url in listing
    assert report_url in listing
    assert world["questionnaires"][foreign].title not in listing
    answers = client.get(answers_url)
    assert answers.status_code == 200
    assert report_url in answers.content.decode()
    assert client.get(report_url).status_code == 200


def test_an_editor_is_not_shown_the_answers(client, world):
    client.force_login(world["users"]["editor"])

    assert reverse("wagtailforms:index") not in menu_items(client)
    assert client.get(reverse("wagtailforms:index")).status_code in (302, 403)


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_a_participant_goes_from_the_site_header_to_the_cabinet(client, world, role):
    pair = pair_with_mentees(active=True)
    participant = pair.mentor if role == "mentor" else pair.mentees.get().mentee
    user = UserFactory(username=role, password="participant-pass")
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()

    home = client.get("/").content.decode()
    assert reverse("login") in home
    signed_in = client.post(
        reverse("login"), {"username": role, "password": "participant-pass"}, follow=True
    )
    cabinet_url = reverse("cabinet:overview")
    assert cabinet_url in signed_in.content.decode()
    cabinet = client.get(cabinet_url)
    assert cabinet.status_code == 200
    assert pair.programme.title in cabinet.content.decode()
    assert reverse("wagtailadmin_home") not in signed_in.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code in (302, 403)
