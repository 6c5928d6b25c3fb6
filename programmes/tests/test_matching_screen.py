"""«Подбор пар» in the admin: what each role may do there, and what the curator reads."""

import datetime
import io
from urllib.parse import unquote

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.tests.factories import user_with_role
from programmes.models import MatchDecision, MatchingSettings, Pair
from programmes.tests.factories import (
    ConsentFactory,
    OrganisationFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    today = datetime.date.today()
    return ProgrammeFactory(
        organisation=OrganisationFactory(),
        start_date=today - datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=200),
    )


def staff(client, role, programme=None):
    user = user_with_role(role)
    if programme is not None:
        programme.organisation.members.add(user)
    client.force_login(user)
    return user


def people(programme, mentees=1, mentors=1):
    made = {"mentors": [], "mentees": []}
    for n in range(mentors):
        made["mentors"].append(
            ConsentFactory(
                participant__organisation=programme.organisation,
                participant__last_name=f"Наставников{n}",
                participant__competences="математика, ОГЭ",
            ).participant
        )
    for n in range(mentees):
        made["mentees"].append(
            ConsentFactory(
                participant__organisation=programme.organisation,
                participant__mentee=True,
                participant__last_name=f"Учеников{n}",
                participant__requests="подготовка к ОГЭ по математике",
            ).participant
        )
    return made


def url(name, programme, *args):
    return reverse(name, args=[programme.pk, *args])


def test_the_curator_reads_each_suggestion_explained(client, programme):
    staff(client, "curator", programme)
    found = people(programme)

    response = client.get(url("programmes_matching", programme))

    text = response.content.decode()
    assert response.status_code == 200
    assert found["mentees"][0].full_name in text
    assert "запрос «подготовка к ОГЭ по математике» ↔ компетенция «математика, ОГЭ»: +6" in text
    assert "Принять: создать черновики пар для 1 наставляемого" in text


def test_the_programme_list_leads_to_the_matching(client, programme):
    staff(client, "curator", programme)
    response = client.get(reverse("programmes_programme_modeladmin_index"))
    assert url("programmes_matching", programme) in response.content.decode()


def test_the_curator_accepts_and_finds_the_drafts(client, programme):
    staff(client, "curator", programme)
    people(programme, mentees=2)
    page = client.get(url("programmes_matching", programme))
    fingerprint = page.context["result"].fingerprint

    response = client.post(
        url("programmes_matching_accept", programme), {"fingerprint": fingerprint}
    )

    assert response.status_code == 302
    assert response["Location"].endswith("?status=draft")
    assert Pair.objects.get().mentees.count() == 2


def test_a_rejected_suggestion_is_not_offered_again(client, programme):
    staff(client, "curator", programme)
    found = people(programme, mentors=2)
    first = client.get(url("programmes_matching", programme)).context["result"].suggestions[0]

    client.post(
        url("programmes_matching_decide", programme),
        {"mentor": first.mentor.pk, "mentee": first.mentee.pk, "kind": "rejected"},
    )

    again = client.get(url("programmes_matching", programme)).context["result"].suggestions[0]
    assert again.mentor.pk != first.mentor.pk
    assert {again.mentor.pk, first.mentor.pk} == {m.pk for m in found["mentors"]}


def test_bad_settings_are_refused_in_russian_and_change_nothing(client, programme):
    staff(client, "curator", programme)
    response = client.post(
        url("programmes_matching", programme), {"goal": "quality", "weight_mutual": "99"}
    )

    assert response.status_code == 200
    assert "Убедитесь, что это значение меньше либо равно 10." in response.content.decode()
    assert not MatchingSettings.objects.exists()


def test_the_auditor_reads_but_changes_nothing(client, programme):
    staff(client, "auditor", programme)
    found = people(programme)
    assert client.get(url("programmes_matching", programme)).status_code == 200
    response = client.post(
        url("programmes_matching_decide", programme),
        {"mentor": found["mentors"][0].pk, "mentee": found["mentees"][0].pk, "kind": "locked"},
    )
    assert response.status_code in (302, 403)  # Wagtail sends a refused user to the dashboard
    assert response.get("Location", "/admin/") == "/admin/"
    assert not MatchDecision.objects.exists()


@pytest.mark.parametrize("role", ["editor", "participant"])
def test_roles_without_pairs_are_refused(client, programme, role):
    staff(client, role, programme)
    assert client.get(url("programmes_matching", programme)).status_code in (302, 403)


def test_another_organisations_curator_finds_no_such_programme(client, programme):
    staff(client, "curator", ProgrammeFactory(organisation=OrganisationFactory()))
    assert client.get(url("programmes_matching", programme)).status_code == 404


def test_the_comparison_downloads_as_xlsx_with_the_pairs(client, programme):
    staff(client, "curator", programme)
    found = people(programme, mentees=2)

    response = client.get(url("programmes_matching_report", programme))

    assert "Сопоставление анкет наставников и наставляемых" in unquote(
        response["Content-Disposition"]
    )
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Предложенные пары",
        "Без пары",
        "Наставники",
        "Не участвуют в подборе",
    ]
    names = {row[0] for row in book["Предложенные пары"].iter_rows(min_row=2, values_only=True)}
    assert names == {m.full_name for m in found["mentees"]}


def test_the_screen_costs_the_same_queries_whatever_the_pool(client, programme):
    staff(client, "curator", programme)
    people(programme, mentees=3, mentors=1)
    with CaptureQueriesContext(connection) as small:
        client.get(url("programmes_matching", programme))
    people(programme, mentees=40, mentors=10)
    with CaptureQueriesContext(connection) as large:
        client.get(url("programmes_matching", programme))
    assert len(large) == len(small)


def _form_data(form) -> dict:
    """What the browser would send back for the form as rendered."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if hasattr(value, "strftime"):
            value = value.strftime("%d.%m.%Y")
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    return data


def test_terminating_a_pair_offers_its_mentee_a_new_mentor(client):
    pair = pair_with_mentees(mentees=1, active=True)
    staff(client, "curator", pair.programme)
    edit = f"/admin/programmes/pair/edit/{pair.pk}/"
    data = _form_data(client.get(edit).context["form"])
    data.update(
        status="terminated",
        termination_reason="Наставляемый перешёл в другую школу",
        change_reason="Заявление родителей",
    )

    response = client.post(edit, data, follow=True)

    assert Pair.objects.get(pk=pair.pk).status == "terminated"
    shown = response.content.decode()
    assert "Подобрать наставляемым нового наставника" in shown
    assert url("programmes_matching", pair.programme) in shown
