import io

import openpyxl
import pytest

from forms_app.models import (
    ConsentPage,
    Invitation,
    QuestionnaireAccess,
)
from forms_app.tests.factories import invitation, questionnaire_page
from portal.tests.access import OK, REFUSED, TO_LOGIN, outcome
from portal.tests.factories import user_with_role
from programmes.tests.factories import OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    organisation = OrganisationFactory()
    mentees = [
        ParticipantFactory(
            mentee=True, organisation=organisation, group="7 «А»", last_name=f"Ученик{n}"
        )
        for n in range(3)
    ]
    ParticipantFactory(
        mentee=True, organisation=organisation, group="9 «Б»", last_name="Девятиклассник"
    )
    ParticipantFactory(organisation=organisation, last_name="Наставник")
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION, organisation=organisation)
    return {"organisation": organisation, "mentees": mentees, "page": page}


def curator_client(client, organisation):
    curator = user_with_role("curator")
    organisation.members.add(curator)
    client.force_login(curator)
    return client


def create(client, school, **overrides):
    data = {
        "page": school["page"].pk,
        "organisation": school["organisation"].pk,
        "role": "mentees",
        "group": "7",
        "valid_days": 14,
        **overrides,
    }
    return client.post("/admin/invitations/new/", data)


def test_curator_creates_invitations_for_a_filtered_class(client, school):
    client = curator_client(client, school["organisation"])

    response = create(client, school)

    assert response.status_code == 302
    invited = set(Invitation.objects.values_list("participant__last_name", flat=True))
    assert invited == {"Ученик0", "Ученик1", "Ученик2"}
    batch = client.get("/admin/invitations/batch/").content.decode()
    code = Invitation.objects.get(participant__last_name="Ученик1").code
    assert "Ученик1" in batch and f"/i/{code[:4]}-{code[4:]}" in batch


def test_invitations_download_as_xlsx_with_name_class_and_link(client, school):
    client = curator_client(client, school["organisation"])
    create(client, school)

    response = client.get("/admin/invitations/batch/xlsx/")

    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][:4] == ("ФИО", "Класс, группа", "Анкета", "Ссылка")
    assert len(rows) == 4
    code = Invitation.objects.get(participant__last_name=rows[1][0].split()[0]).code
    assert rows[1][3] == f"http://testserver/i/{code[:4]}-{code[4:]}"


def test_printable_sheets_list_every_link(client, school):
    client = curator_client(client, school["organisation"])
    create(client, school)

    content = client.get("/admin/invitations/batch/print/").content.decode()

    assert content.count('class="slip"') == 3


def test_empty_filter_creates_nothing_and_says_so(client, school):
    client = curator_client(client, school["organisation"])

    response = create(client, school, group="11")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Invitation.objects.exists()


def test_curator_cannot_invite_another_organisations_participants(client, school):
    client = curator_client(client, OrganisationFactory())

    response = create(client, school)

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", TO_LOGIN),
        ("participant", TO_LOGIN),
        ("editor", REFUSED),
        ("curator", OK),
        ("auditor", REFUSED),
        ("superuser", OK),
    ],
)
def test_invitation_screens_answer_each_role(client, school, role, expected):
    user = user_with_role(role)
    if user:
        school["organisation"].members.add(user)
        client.force_login(user)

    for url in [
        "/admin/invitations/new/",
        "/admin/invitations/batch/",
        "/admin/invitations/batch/xlsx/",
    ]:
        assert outcome(client.get(url)) == expected, url
    if role in ("editor", "auditor", "anonymous", "participant"):
        create(client, school)
        assert not Invitation.objects.exists()


def test_consent_pages_can_be_sent_to_parents(client, school):
    from forms_app.demo import _consent_pages

    _consent_pages(school["page"].get_parent(), school["organisation"])
    consent_page = ConsentPage.objects.get(kind="processing")
    client = curator_client(client, school["organisation"])

    create(client, school, page=consent_page.pk, for_representative="on")

    assert Invitation.objects.filter(page=consent_page, for_representative=True).count() == 3


@pytest.mark.parametrize(
    ("role", "own_organisation", "expected"),
    [
        ("editor", False, REFUSED),
        ("curator", False, REFUSED),
        ("auditor", False, REFUSED),
        ("curator", True, OK),
        ("auditor", True, OK),
    ],
)
@pytest.mark.parametrize("action", ["history", "inspect"])
def test_an_invitations_pages_are_shown_only_to_staff_of_its_organisation(
    client, school, role, own_organisation, expected, action
):
    invited = invitation(participant=school["mentees"][0], page=school["page"])
    user = user_with_role(role)
    (school["organisation"] if own_organisation else OrganisationFactory()).members.add(user)
    client.force_login(user)

    response = client.get(f"/admin/forms_app/invitation/{action}/{invited.pk}/")

    assert outcome(response) == expected
    assert ("Ученик0" in response.content.decode()) == (expected == OK)
