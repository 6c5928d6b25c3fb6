"""Meetings are planned or held: a held one is never in the future, only held ones count for
the pair's regularity and get feedback, and the cabinet lists the two apart."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from programmes.cabinet.selectors import cabinet_pairs
from programmes.models import Feedback, Meeting, MeetingStatus, PairMentee
from programmes.selectors.meetings import meetings_held_for_participant
from programmes.selectors.pairs import overdue_pairs
from programmes.services.feedback import NOT_HELD_YET, feedback_submit
from programmes.services.meetings import (
    HAS_FEEDBACK,
    NO_OUTCOME,
    meeting_mark_held,
    meeting_save,
)
from programmes.tests.factories import (
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    PairMenteeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def pair():
    today = timezone.localdate()
    programme = ProgrammeFactory(
        start_date=today - datetime.timedelta(days=200),
        end_date=today + datetime.timedelta(days=200),
    )
    pair = PairFactory(
        programme=programme, active=True, start_date=today - datetime.timedelta(days=100)
    )
    PairMenteeFactory(pair=pair, joined_on=pair.start_date)
    return pair


def russian(error: ValidationError, field: str) -> list[str]:
    with translation.override("ru"):
        return [str(message) for message in error.message_dict[field]]


def test_a_held_meeting_dated_in_the_future_is_refused_in_russian(pair):
    meeting = Meeting(pair=pair, held_at=days(30), topic="Итоги", status=MeetingStatus.HELD)

    with pytest.raises(ValidationError) as refused:
        meeting_save(meeting=meeting, attendees=[])

    assert "будущем" in russian(refused.value, "held_at")[0]
    assert not Meeting.objects.exists()


def test_a_planned_meeting_may_be_in_the_future(pair):
    meeting = Meeting(pair=pair, held_at=days(30), topic="Итоги", status=MeetingStatus.PLANNED)

    meeting_save(meeting=meeting, attendees=[])

    assert Meeting.objects.get().status == MeetingStatus.PLANNED


def test_marking_a_meeting_held_records_its_outcome_in_the_history(pair):
    meeting = MeetingFactory(pair=pair, held_at=days(-1), status=MeetingStatus.PLANNED)

    meeting_mark_held(meeting=meeting, outcome="  Составили план  ", reason="Отчёт наставника")

    meeting.refresh_from_db()
    assert (meeting.status, meeting.outcome) == (MeetingStatus.HELD, "Составили план")
    assert meeting.history.first().history_change_reason == "Отчёт наставника"


def test_a_meeting_still_to_come_cannot_be_marked_held(pair):
    meeting = MeetingFactory(pair=pair, held_at=days(2))

    with pytest.raises(ValidationError) as refused:
        meeting_mark_held(meeting=meeting, outcome="Составили план")

    assert "held_at" in refused.value.message_dict
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_marking_held_needs_an_outcome(pair):
    meeting = MeetingFactory(pair=pair, held_at=days(-1), status=MeetingStatus.PLANNED)

    with pytest.raises(ValidationError) as refused:
        meeting_mark_held(meeting=meeting, outcome="   ")

    assert refused.value.error_dict["outcome"][0].code == NO_OUTCOME
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_marking_held_keeps_who_attended(pair):
    meeting = MeetingFactory(pair=pair, held_at=days(-1), status=MeetingStatus.PLANNED)
    meeting_save(meeting=meeting, attendees=[pair.mentor])

    meeting_mark_held(meeting=meeting, outcome="Составили план")

    assert list(meeting.attendance.values_list("participant", flat=True)) == [pair.mentor_id]


def test_a_meeting_with_feedback_stays_held(pair):
    meeting = MeetingFactory(pair=pair, held_at=days(-1))
    FeedbackFactory(meeting=meeting, author=pair.mentor)
    meeting.status = MeetingStatus.PLANNED

    with pytest.raises(ValidationError) as refused:
        meeting_save(meeting=meeting, attendees=[])

    assert refused.value.error_dict["status"][0].code == HAS_FEEDBACK
    assert Meeting.objects.get().status == MeetingStatus.HELD


def test_only_held_meetings_keep_a_pair_off_the_overdue_list(pair):
    MeetingFactory(pair=pair, held_at=days(-30))
    MeetingFactory(pair=pair, held_at=days(3))
    assert list(overdue_pairs(type(pair).objects.all())) == [pair]

    MeetingFactory(pair=pair, held_at=days(-2))
    assert list(overdue_pairs(type(pair).objects.all())) == []


def test_a_planned_meeting_gets_no_feedback_whatever_its_date(pair):
    meeting = MeetingFactory(pair=pair, held_at=days(-1), status=MeetingStatus.PLANNED)

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=pair.mentor, rating=5, comment="")

    assert refused.value.error_list[0].code == NOT_HELD_YET
    assert not Feedback.objects.exists()


def test_held_meetings_for_a_participant_leave_out_the_planned_ones(pair):
    mentee = PairMentee.objects.get(pair=pair).mentee
    held = MeetingFactory(pair=pair, held_at=days(-3))
    MeetingFactory(pair=pair, held_at=days(3))
    MeetingFactory(pair=pair, held_at=days(-1), status=MeetingStatus.PLANNED)

    assert list(meetings_held_for_participant(mentee)) == [held]
    assert list(meetings_held_for_participant(pair.mentor)) == [held]


def test_cabinet_lists_planned_and_held_meetings_apart(client, pair):
    held = MeetingFactory(pair=pair, held_at=days(-3), topic="Разбор задач")
    planned = MeetingFactory(pair=pair, held_at=days(3), topic="Подготовка к олимпиаде")

    [card] = cabinet_pairs(participant=pair.mentor)

    assert [m.pk for m in card.held_meetings] == [held.pk]
    assert [m.pk for m in card.planned_meetings] == [planned.pk]
    assert card.feedback_due_count == 1


def test_cabinet_page_shows_the_two_lists_and_links_feedback_on_held_only(client, pair):
    from programmes.tests.test_cabinet import participant_user

    held = MeetingFactory(pair=pair, held_at=days(-3), topic="Разбор задач")
    planned = MeetingFactory(pair=pair, held_at=days(3), topic="Подготовка к олимпиаде")
    client.force_login(participant_user(pair.mentor))

    content = client.get(reverse("cabinet:overview")).content.decode()

    with translation.override("ru"):
        planned_heading, held_heading = gettext("Planned meetings"), gettext("Held meetings")
    assert content.index(planned_heading) < content.index("Подготовка к олимпиаде")
    assert content.index(held_heading) < content.index("Разбор задач")
    assert reverse("cabinet:feedback", args=[held.pk]) in content
    assert reverse("cabinet:feedback", args=[planned.pk]) not in content


def test_the_migration_plans_the_future_meetings_and_keeps_the_past_ones_held(pair):
    past = MeetingFactory(pair=pair, held_at=days(-3))
    future = MeetingFactory(pair=pair, held_at=days(3))
    Meeting.objects.update(status=MeetingStatus.HELD)
    migration = importlib.import_module("programmes.migrations.0013_meeting_status")

    migration.plan_future_meetings(apps, None)

    past.refresh_from_db()
    future.refresh_from_db()
    assert (past.status, future.status) == (MeetingStatus.HELD, MeetingStatus.PLANNED)
