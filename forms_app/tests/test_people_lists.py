"""A question that lists people by name opens only to someone on that list."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext

from forms_app.models import QuestionnaireAccess, QuestionnaireKind
from forms_app.tests.factories import questionnaire_page
from portal.tests.factories import UserFactory
from programmes.models import Meeting, MeetingKind
from programmes.services.meetings import meeting_save
from programmes.tests.factories import (
    ConsentFactory,
    OrganisationFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def signed_up(participant):
    participant.user = UserFactory()
    participant.save()
    ConsentFactory(participant=participant)
    return participant


@pytest.fixture
def group_meeting_page():
    programme = ProgrammeFactory()
    attendee, classmate = ParticipantFactory.create_batch(
        2, organisation=programme.organisation, last_name="Присутствова"
    )
    meeting = meeting_save(
        meeting=Meeting(
            programme=programme,
            kind=MeetingKind.GROUP,
            held_at=timezone.make_aware(datetime.datetime(2023, 9, 20, 15, 0)),
            topic="Групповая встреча",
        ),
        attendees=[signed_up(attendee), classmate],
    )
    page = questionnaire_page(
        kind=QuestionnaireKind.PREFERENCE,
        access=QuestionnaireAccess.PARTICIPANTS,
        meeting=meeting,
        fields=[("С кем хотите работать?", "participant", "preferred_participant")],
        title="После групповой встречи",
    )
    return page, attendee, classmate


@pytest.mark.parametrize("who", ["another organisation", "same school, not at the meeting"])
def test_the_group_meeting_form_refuses_who_did_not_attend_and_names_no_one(
    client, group_meeting_page, who
):
    page, attendee, classmate = group_meeting_page
    organisation = OrganisationFactory() if who == "another organisation" else attendee.organisation
    outsider = signed_up(ParticipantFactory(organisation=organisation))
    client.force_login(outsider.user)

    shown = client.get(page.url).content.decode()
    sent = client.post(page.url, {page.get_form_fields()[0].clean_name: classmate.pk})

    assert gettext("This questionnaire is not for you") in shown
    for name in (attendee.last_name, classmate.first_name, classmate.patronymic):
        assert name not in shown
        assert name not in sent.content.decode()
    assert not page.get_submissions().exists()


def test_an_attendee_sees_who_attended(client, group_meeting_page):
    page, attendee, classmate = group_meeting_page
    client.force_login(attendee.user)

    shown = client.get(page.url).content.decode()

    assert classmate.patronymic in shown


def test_a_list_of_a_school_is_never_shown_to_anonymous_visitors(client):
    organisation = OrganisationFactory()
    pupil = ParticipantFactory(organisation=organisation, last_name="Школьникова")
    page = questionnaire_page(
        organisation=organisation,
        access=QuestionnaireAccess.ANYONE,
        fields=[("Кто вам помог?", "participant", "")],
    )

    shown = client.get(page.url).content.decode()

    assert pupil.last_name not in shown
    assert gettext("This questionnaire is not for you") in shown
