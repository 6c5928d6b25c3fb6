"""An answer never renames a known participant: identity changes become proposals."""

import pytest
from django.core.cache import cache

from forms_app.models import QuestionnaireAccess, QuestionnaireField
from forms_app.tests.factories import answers, invitation, questionnaire_page
from programmes.history.diff import describe
from programmes.models import ParticipantChangeProposal, ProposalStatus
from programmes.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def child():
    return ParticipantFactory(
        mentee=True, last_name="Петрова", first_name="Анна", group="7 «А»", requests=""
    )


@pytest.fixture
def page(child):
    return questionnaire_page(
        access=QuestionnaireAccess.INVITATION,
        organisation=child.organisation,
        allow_several_answers=True,
    )


def answer_by_invitation(client, page, child, **overrides):
    link = invitation(participant=child, page=page)
    data = answers(page, **overrides)
    response = client.post(
        f"{page.url}?invitation={link.token}", {**data, "invitation": link.token}
    )
    assert response.status_code == 302
    return data


def clean_name(page, maps_to):
    return next(f.clean_name for f in page.get_form_fields() if f.maps_to == maps_to)


def test_a_name_and_class_typed_into_an_invitation_answer_become_proposals(client, page, child):
    answer_by_invitation(
        client,
        page,
        child,
        **{
            clean_name(page, "last_name"): "Иванов",
            clean_name(page, "first_name"): "Иван",
            clean_name(page, "group"): "9 «Б»",
            clean_name(page, "requests"): "Подготовка к ОГЭ по математике",
        },
    )

    child.refresh_from_db()
    assert (child.last_name, child.first_name, child.group) == ("Петрова", "Анна", "7 «А»")
    assert child.requests == "Подготовка к ОГЭ по математике"
    proposals = {
        p.field_name: p.proposed_value
        for p in ParticipantChangeProposal.objects.filter(participant=child)
    }
    assert proposals == {"last_name": "Иванов", "first_name": "Иван", "group": "9 «Б»"}
    assert all(p.status == ProposalStatus.PENDING for p in ParticipantChangeProposal.objects.all())


def test_the_change_an_answer_made_is_authored_by_the_child_not_the_system(client, page, child):
    answer_by_invitation(client, page, child, **{clean_name(page, "requests"): "Робототехника"})

    version = describe([child.history.order_by("-history_date").first()])[0]
    assert version.record.history_respondent_id == child.pk
    assert "Петрова" in version.user
    assert version.user != "система"


def test_the_same_name_in_other_letters_proposes_nothing_and_nothing_twice(client, page, child):
    same = {
        clean_name(page, "last_name"): "ПЕТРОВА",
        clean_name(page, "first_name"): "анна",
        clean_name(page, "group"): "7 «а»",
    }
    answer_by_invitation(client, page, child, **same)
    assert not ParticipantChangeProposal.objects.exists()

    other = {**same, clean_name(page, "group"): "8 «В»"}
    answer_by_invitation(client, page, child, **other)
    answer_by_invitation(client, page, child, **other)
    assert ParticipantChangeProposal.objects.count() == 1


def test_a_question_the_editor_did_not_allow_leaves_the_record_alone(client, page, child):
    QuestionnaireField.objects.filter(page=page, maps_to="requests").update(updates_known=False)
    page = type(page).objects.get(pk=page.pk)

    answer_by_invitation(client, page, child, **{clean_name(page, "requests"): "Шахматы"})

    child.refresh_from_db()
    assert child.requests == ""
    assert page.get_submissions().count() == 1  # the answer itself is kept
