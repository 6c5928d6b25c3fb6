"""feedback_submit: who may give feedback on a meeting, when, and how often."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from portal.tests.factories import UserFactory
from programmes.models import Feedback
from programmes.services import feedback as feedback_service
from programmes.services.feedback import (
    ALREADY_GIVEN,
    INVALID_RATING,
    JOINED_LATER,
    NOT_A_MEMBER,
    NOT_HELD_YET,
    feedback_submit,
    is_already_given,
)
from programmes.tests.factories import (
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    pair = PairFactory(active=True)
    PairMenteeFactory(pair=pair)
    return MeetingFactory(pair=pair)


def mentee_of(meeting):
    return meeting.pair.mentees.get().mentee


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {item.code for items in error.error_dict.values() for item in items}
    return {item.code for item in error.error_list}


def test_the_mentor_gives_feedback_and_history_records_the_user(meeting):
    user = UserFactory()

    feedback = feedback_submit(
        meeting=meeting, author=meeting.pair.mentor, rating=4, comment="  Полезно  ", user=user
    )

    assert Feedback.objects.get() == feedback
    assert (feedback.rating, feedback.comment) == (4, "Полезно")
    history = feedback.history.get()
    assert history.history_type == "+"
    assert history.history_user == user
    assert history.history_organisation_id == meeting.pair.programme.organisation_id


def test_a_current_mentee_gives_feedback(meeting):
    feedback = feedback_submit(meeting=meeting, author=mentee_of(meeting), rating=5, comment="")

    assert feedback.author == mentee_of(meeting)
    assert feedback.history.get().history_user is None


def test_someone_outside_the_pair_is_refused(meeting):
    outsider = ParticipantFactory(mentee=True, organisation=meeting.pair.programme.organisation)

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=outsider, rating=5, comment="")

    assert codes(refused.value) == {NOT_A_MEMBER}
    assert not Feedback.objects.exists()


def test_a_mentee_who_left_the_group_is_refused(meeting):
    membership = meeting.pair.mentees.get()
    membership.left_on = datetime.date(2023, 12, 1)
    membership.left_reason = "Перевёлся в другую школу"
    membership.save()

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=membership.mentee, rating=5, comment="")

    assert codes(refused.value) == {NOT_A_MEMBER}
    assert not Feedback.objects.exists()


def test_a_mentee_who_joined_after_the_meeting_is_refused(meeting):
    newcomer = PairMenteeFactory(pair=meeting.pair, joined_on=datetime.date(2023, 11, 1)).mentee

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=newcomer, rating=5, comment="")

    assert codes(refused.value) == {JOINED_LATER}
    assert not Feedback.objects.exists()


def test_a_meeting_that_has_not_taken_place_yet_is_refused(meeting):
    meeting.held_at = timezone.now() + datetime.timedelta(hours=1)
    meeting.save()

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=5, comment="")

    assert codes(refused.value) == {NOT_HELD_YET}
    assert not Feedback.objects.exists()


def test_a_second_feedback_from_the_same_author_is_refused(meeting):
    feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=5, comment="")

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=1, comment="Ещё раз")

    assert is_already_given(refused.value)
    assert list(Feedback.objects.values_list("rating", flat=True)) == [5]


def test_the_mentor_and_a_mentee_each_give_their_own_feedback(meeting):
    feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=5, comment="")
    feedback_submit(meeting=meeting, author=mentee_of(meeting), rating=3, comment="")

    assert Feedback.objects.filter(meeting=meeting).count() == 2


@pytest.mark.parametrize("rating", [0, 6, -1, 100, "5", 4.5, True, None])
def test_a_rating_outside_one_to_five_is_refused(meeting, rating):
    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=rating, comment="")

    assert refused.value.error_dict.keys() == {"rating"}
    assert codes(refused.value) == {INVALID_RATING}
    assert not Feedback.objects.exists()


def test_the_record_is_validated_with_full_clean_before_saving(meeting, monkeypatch):
    calls = []
    original = Feedback.full_clean

    def spy(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Feedback, "full_clean", spy)

    feedback = feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=5, comment="")

    assert calls == [feedback]


def test_a_race_caught_by_full_clean_reads_as_already_given(meeting, monkeypatch):
    # Another request saves the same feedback between the check and full_clean().
    FeedbackFactory(meeting=meeting, author=meeting.pair.mentor)
    answers = iter([False, True])
    monkeypatch.setattr(feedback_service, "_feedback_exists", lambda **kwargs: next(answers))

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=2, comment="")

    assert codes(refused.value) == {ALREADY_GIVEN}
    assert Feedback.objects.count() == 1


def test_a_race_caught_by_the_unique_constraint_reads_as_already_given(meeting, monkeypatch):
    # Another request saves the same feedback between full_clean() and save().
    FeedbackFactory(meeting=meeting, author=meeting.pair.mentor)
    answers = iter([False, True])
    monkeypatch.setattr(feedback_service, "_feedback_exists", lambda **kwargs: next(answers))
    monkeypatch.setattr(Feedback, "validate_constraints", lambda self, exclude=None: None)

    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=2, comment="")

    assert codes(refused.value) == {ALREADY_GIVEN}
    assert Feedback.objects.count() == 1


def test_an_integrity_error_that_is_not_a_duplicate_is_not_disguised(meeting, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise IntegrityError("something else")

    monkeypatch.setattr(Feedback, "save", broken_save)

    with pytest.raises(IntegrityError):
        feedback_submit(meeting=meeting, author=meeting.pair.mentor, rating=2, comment="")


def test_the_service_is_keyword_only(meeting):
    with pytest.raises(TypeError):
        feedback_submit(meeting, meeting.pair.mentor, 5, "")  # type: ignore[misc]
