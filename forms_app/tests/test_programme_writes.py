"""forms_app never saves a programme record itself: every write goes through its services."""

import inspect
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import pre_save

from forms_app.models import QuestionnaireAccess, QuestionnaireKind
from forms_app.tests.factories import answers, invitation, questionnaire_page
from portal.tests.factories import UserFactory
from programmes.models.records import ProgrammeRecord
from programmes.tests.factories import MeetingFactory, OrganisationFactory, pair_with_mentees

pytestmark = pytest.mark.django_db

SERVICES = Path(apps.get_app_config("programmes").path) / "services"


@pytest.fixture
def programme_saves():
    """(model, the programme service that saved it or None) for every save during the test."""
    saves = []

    def record(sender, **kwargs):
        service = next(
            (
                frame.function
                for frame in inspect.stack(context=0)
                if Path(frame.filename).is_relative_to(SERVICES)
            ),
            None,
        )
        saves.append((sender.__name__, service))

    models = [
        model
        for model in apps.get_app_config("programmes").get_models()
        if issubclass(model, ProgrammeRecord)
    ]
    for model in models:
        pre_save.connect(record, sender=model, weak=False)
    cache.clear()
    yield saves
    for model in models:
        pre_save.disconnect(record, sender=model)


def assert_only_services_saved(saves, expected_models):
    assert {model for model, _service in saves} == expected_models
    assert [save for save in saves if save[1] is None] == []


def test_a_mentee_questionnaire_saves_the_participant_through_a_service(client, programme_saves):
    page = questionnaire_page(organisation=OrganisationFactory())
    programme_saves.clear()

    client.post(page.url, answers(page))

    assert_only_services_saved(programme_saves, {"Participant"})


def test_a_preference_is_saved_through_a_service(client, programme_saves):
    pair = pair_with_mentees(mentees=1)
    mentee = pair.mentees.get().mentee
    mentee.user = UserFactory()
    mentee.save()
    page = questionnaire_page(
        kind=QuestionnaireKind.PREFERENCE,
        access=QuestionnaireAccess.PARTICIPANTS,
        programme=pair.programme,
        fields=[("С кем хотите работать?", "participant", "preferred_participant")],
        title="После групповой встречи",
    )
    client.force_login(mentee.user)
    programme_saves.clear()

    client.post(page.url, {page.get_form_fields()[0].clean_name: pair.mentor.pk})

    assert_only_services_saved(programme_saves, {"MatchPreference"})


def test_feedback_from_a_questionnaire_is_saved_through_a_service(client, programme_saves):
    meeting = MeetingFactory()
    page = questionnaire_page(
        kind=QuestionnaireKind.FEEDBACK,
        access=QuestionnaireAccess.INVITATION,
        fields=[("Оценка встречи", "rating_5", "rating"), ("Комментарий", "multiline", "comment")],
        title="Обратная связь",
    )
    link = invitation(participant=meeting.pair.mentor, page=page)
    programme_saves.clear()

    client.post(
        f"{page.url}?invitation={link.token}",
        {**answers(page), "meeting": meeting.pk, "invitation": link.token},
    )

    assert_only_services_saved(programme_saves, {"Feedback"})
