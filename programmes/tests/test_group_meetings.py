"""Group meetings of a programme: held without a pair, with the attendance recorded and tracked."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.tests.factories import user_with_role
from programmes.cabinet.selectors import meetings_for
from programmes.models import Meeting, MeetingAttendance, MeetingKind
from programmes.services.feedback import feedback_submit
from programmes.services.meetings import meeting_save
from programmes.tests.factories import (
    MeetingFactory,
    OrganisationFactory,
    PairFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

HELD_AT = timezone.make_aware(datetime.datetime(2023, 9, 20, 15, 0))


def group_meeting(programme, **fields) -> Meeting:
    return Meeting(
        programme=programme,
        kind=MeetingKind.GROUP,
        held_at=HELD_AT,
        topic="Групповая встреча наставников и наставляемых",
        **fields,
    )


def curator_of(organisation):
    curator = user_with_role("curator")
    organisation.members.add(curator)
    return curator


def test_a_pair_meeting_takes_its_programme_from_the_pair():
    meeting = MeetingFactory()

    assert meeting.programme == meeting.pair.programme


def test_a_meeting_without_a_pair_must_be_a_group_meeting():
    programme = ProgrammeFactory()
    meeting = group_meeting(programme)
    meeting.kind = MeetingKind.WORKING

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert "pair" in error.value.message_dict


def test_a_pair_of_another_programme_is_refused():
    pair = PairFactory(active=True)
    meeting = MeetingFactory.build(pair=pair, programme=ProgrammeFactory())

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert "pair" in error.value.message_dict


def test_a_group_meeting_is_held_within_the_programme_period():
    programme = ProgrammeFactory()
    meeting = group_meeting(programme)
    meeting.held_at = timezone.make_aware(datetime.datetime(2024, 8, 1, 15, 0))

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert "held_at" in error.value.message_dict


def test_attendance_is_saved_with_its_history_and_removal_is_kept_there():
    programme = ProgrammeFactory()
    curator = curator_of(programme.organisation)
    first, second = ParticipantFactory.create_batch(2, organisation=programme.organisation)
    meeting = meeting_save(
        meeting=group_meeting(programme), attendees=[first, second], user=curator
    )

    meeting_save(meeting=meeting, attendees=[first], user=curator, reason="Не пришёл")

    assert list(meeting.attendees.all()) == [first]
    removal = MeetingAttendance.history.get(participant_id=second.pk, history_type="-")
    assert (removal.history_user, removal.history_change_reason) == (curator, "Не пришёл")
    assert removal.history_organisation_id == programme.organisation_id


def test_an_attendee_of_another_organisation_is_refused_and_nothing_is_saved():
    programme = ProgrammeFactory()
    stranger = ParticipantFactory(organisation=OrganisationFactory())

    with pytest.raises(ValidationError):
        meeting_save(meeting=group_meeting(programme), attendees=[stranger])

    assert not Meeting.objects.exists()
    assert not MeetingAttendance.objects.exists()


def test_only_attendees_give_feedback_on_a_group_meeting():
    programme = ProgrammeFactory()
    attendee, absent = ParticipantFactory.create_batch(2, organisation=programme.organisation)
    meeting = meeting_save(meeting=group_meeting(programme), attendees=[attendee])

    feedback_submit(meeting=meeting, author=attendee, rating=5, comment="")
    with pytest.raises(ValidationError):
        feedback_submit(meeting=meeting, author=absent, rating=4, comment="")

    assert list(meeting.feedback.values_list("author", flat=True)) == [attendee.pk]


def test_the_cabinet_lists_the_group_meetings_the_participant_attended():
    programme = ProgrammeFactory()
    attendee, absent = ParticipantFactory.create_batch(2, organisation=programme.organisation)
    meeting = meeting_save(meeting=group_meeting(programme), attendees=[attendee])

    assert list(meetings_for(participant=attendee)) == [meeting]
    assert list(meetings_for(participant=absent)) == []


def test_curator_records_a_group_meeting_with_attendees_in_the_admin(client):
    programme = ProgrammeFactory()
    curator = curator_of(programme.organisation)
    attendees = ParticipantFactory.create_batch(3, organisation=programme.organisation)
    client.force_login(curator)

    response = client.post(
        "/admin/programmes/meeting/create/",
        {
            "programme": programme.pk,
            "pair": "",
            "kind": MeetingKind.GROUP,
            "format": "in_person",
            "status": "held",
            "held_at": "20.09.2023 15:00",
            "topic": "Групповая встреча",
            "attendees": [p.pk for p in attendees],
            "change_reason": "",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get()
    assert set(meeting.attendees.all()) == set(attendees)
    assert {row.history_user for row in MeetingAttendance.history.all()} == {curator}


def test_the_admin_refuses_a_meeting_with_neither_programme_nor_pair(client):
    curator = curator_of(OrganisationFactory())
    client.force_login(curator)

    response = client.post(
        "/admin/programmes/meeting/create/",
        {
            "programme": "",
            "pair": "",
            "kind": MeetingKind.GROUP,
            "format": "in_person",
            "status": "held",
            "held_at": "20.09.2023 15:00",
            "topic": "Групповая встреча",
        },
    )

    assert response.status_code == 200
    with translation.override("ru"):
        assert _("Choose the programme or the pair.") in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_meeting_history_shows_who_was_added_as_attendee(client):
    programme = ProgrammeFactory()
    curator = curator_of(programme.organisation)
    attendee = ParticipantFactory(
        organisation=programme.organisation, last_name="Зуева", first_name="Ольга", patronymic=""
    )
    meeting = meeting_save(meeting=group_meeting(programme), attendees=[attendee], user=curator)
    client.force_login(curator)

    html = client.get(
        reverse("programmes_meeting_modeladmin_history", args=[meeting.pk])
    ).content.decode()

    with translation.override("ru"):
        assert _("Attendee: %(name)s") % {"name": "Зуева Ольга"} in html
