"""A questionnaire whose answers would all fail is refused when saved (forms_app/page_form.py).

Posted through Wagtail's page editor, as the editor saves it.
"""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from forms_app.models import QuestionnaireAccess, QuestionnaireKind, QuestionnairePage
from home.models import MentoringSectionPage
from portal.tests.factories import user_with_role
from programmes.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REFUSAL = "ответ на эту анкету может создать участника"


def question(label, maps_to="", required=True):
    return {
        "label": label,
        "field_type": "singleline",
        "required": "on" if required else "",
        "choices": "",
        "default_value": "",
        "help_text": "",
        "maps_to": maps_to,
        "updates_known": "on",
        "max_length": "255",
    }


def page_data(*, kind, access, questions):
    return nested_form_data(
        {
            "title": "Анкета наставляемого",
            "slug": "anketa-nastavlyaemogo",
            "kind": kind,
            "access": access,
            "organisation": OrganisationFactory().pk,
            "intro": rich_text("<p>Ответь на вопросы.</p>"),
            "thank_you_text": rich_text("<p>Спасибо!</p>"),
            "form_fields": inline_formset(questions),
        }
    )


@pytest.fixture
def editor_client(client):
    from forms_app.tests.factories import mentoring_section_get_or_create

    mentoring_section_get_or_create()
    client.force_login(user_with_role("editor"))
    return client


def add_url():
    section = MentoringSectionPage.objects.get()
    return f"/admin/pages/add/forms_app/questionnairepage/{section.pk}/"


@pytest.mark.parametrize("access", [QuestionnaireAccess.ANYONE, QuestionnaireAccess.PARTICIPANTS])
def test_mentee_questionnaire_without_name_questions_is_refused(editor_client, access):
    data = page_data(
        kind=QuestionnaireKind.MENTEE,
        access=access,
        questions=[question("Чему ты хочешь научиться?", "requests")],
    )

    response = editor_client.post(add_url(), data)

    assert response.status_code == 200
    assert REFUSAL in " ".join(response.context["form"].errors["access"]).lower()
    assert not QuestionnairePage.objects.exists()


def test_optional_name_question_is_not_enough(editor_client):
    data = page_data(
        kind=QuestionnaireKind.MENTOR,
        access=QuestionnaireAccess.ANYONE,
        questions=[question("Фамилия", "last_name"), question("Имя", "first_name", False)],
    )

    response = editor_client.post(add_url(), data)

    assert response.status_code == 200
    assert "access" in response.context["form"].errors


def test_mentee_questionnaire_with_required_names_is_created(editor_client):
    data = page_data(
        kind=QuestionnaireKind.MENTEE,
        access=QuestionnaireAccess.ANYONE,
        questions=[question("Фамилия", "last_name"), question("Имя", "first_name")],
    )

    response = editor_client.post(add_url(), data)

    assert response.status_code == 302, response.context["form"].errors
    assert QuestionnairePage.objects.get().form_fields.count() == 2


def test_invitation_only_questionnaire_needs_no_name_questions(editor_client):
    data = page_data(
        kind=QuestionnaireKind.MENTEE,
        access=QuestionnaireAccess.INVITATION,
        questions=[question("Чему ты хочешь научиться?", "requests")],
    )

    response = editor_client.post(add_url(), data)

    assert response.status_code == 302, response.context["form"].errors


@pytest.mark.parametrize("kind", [QuestionnaireKind.FEEDBACK, QuestionnaireKind.PREFERENCE])
def test_feedback_and_preferences_are_never_anonymous(editor_client, kind):
    data = page_data(
        kind=kind,
        access=QuestionnaireAccess.ANYONE,
        questions=[question("Что было полезно?")],
    )

    response = editor_client.post(add_url(), data)

    assert response.status_code == 200
    assert "анонимный ответ никого не называет" in " ".join(
        response.context["form"].errors["access"]
    )
    assert not QuestionnairePage.objects.exists()


@pytest.mark.parametrize("kind", [QuestionnaireKind.FEEDBACK, QuestionnaireKind.PREFERENCE])
def test_feedback_and_preferences_open_to_signed_in_participants(editor_client, kind):
    data = page_data(
        kind=kind,
        access=QuestionnaireAccess.PARTICIPANTS,
        questions=[question("Что было полезно?")],
    )

    response = editor_client.post(add_url(), data)

    assert response.status_code == 302, response.context["form"].errors
