import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programmes.models import ConsentGiver, DecisionStatus, IncentiveKind, ParticipantStatus
from programmes.selectors.consents import participants_without_consent
from programmes.selectors.pairs import overdue_pairs
from programmes.tests.factories import (
    ConsentFactory,
    FeedbackFactory,
    IncentiveDecisionFactory,
    MeetingFactory,
    PairFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_participant_is_a_mentor_or_a_mentee():
    assert "is_mentor" in errors_of(
        ParticipantFactory.build(
            organisation=ParticipantFactory().organisation, is_mentor=False, is_mentee=False
        )
    )


def test_participant_who_left_needs_the_date():
    participant = ParticipantFactory(status=ParticipantStatus.LEFT)

    assert "left_on" in errors_of(participant)


@pytest.mark.parametrize(
    ("birth_date", "on", "minor"),
    [
        (datetime.date(2010, 5, 1), datetime.date(2028, 4, 30), True),
        (datetime.date(2010, 5, 1), datetime.date(2028, 5, 1), False),
        (None, datetime.date(2024, 1, 1), True),  # a pupil of unknown age counts as a minor
    ],
)
def test_minors_are_told_apart_by_date_of_birth(birth_date, on, minor):
    participant = ParticipantFactory.build(mentee=True, birth_date=birth_date)

    assert participant.is_minor(on) is minor


def test_minor_consent_must_come_from_a_legal_representative_with_a_name():
    child = ParticipantFactory(mentee=True)

    assert "given_by" in errors_of(
        ConsentFactory.build(participant=child, given_by=ConsentGiver.PARTICIPANT)
    )
    assert "representative_name" in errors_of(
        ConsentFactory.build(
            participant=child, given_by=ConsentGiver.REPRESENTATIVE, representative_name=" "
        )
    )


def test_consent_dates_must_be_consistent():
    consent = ConsentFactory.build(
        participant=ParticipantFactory(), valid_until=datetime.date(2023, 1, 1)
    )

    assert "valid_until" in errors_of(consent)


def test_participants_without_valid_consent_are_found():
    with_consent = ConsentFactory().participant
    withdrawn = ConsentFactory(withdrawn_on=datetime.date(2023, 9, 10)).participant
    without = ParticipantFactory()

    missing = participants_without_consent(
        type(without).objects.filter(pk__in=[with_consent.pk, withdrawn.pk, without.pk]),
        datetime.date(2023, 10, 1),
    )

    assert set(missing) == {withdrawn, without}


def test_payment_needs_an_amount_and_other_rewards_do_not_have_one():
    assert "amount" in errors_of(
        IncentiveDecisionFactory.build(mentor=ParticipantFactory(), kind=IncentiveKind.PAYMENT)
    )
    assert "amount" in errors_of(
        IncentiveDecisionFactory.build(mentor=ParticipantFactory(), amount=100)
    )


def test_decided_incentive_needs_the_date():
    decision = IncentiveDecisionFactory.build(
        mentor=ParticipantFactory(), status=DecisionStatus.APPROVED
    )

    assert "decided_on" in errors_of(decision)


def test_incentive_goes_to_mentors_only():
    assert "mentor" in errors_of(
        IncentiveDecisionFactory.build(mentor=ParticipantFactory(mentee=True))
    )


def test_meeting_outside_the_pair_period_is_refused():
    meeting = MeetingFactory.build(
        pair=PairFactory(active=True),
        held_at=timezone.make_aware(datetime.datetime(2023, 9, 1, 10)),
    )

    assert "held_at" in errors_of(meeting)


def test_feedback_comes_from_the_pair_and_rates_one_to_five():
    feedback = FeedbackFactory()
    stranger = ParticipantFactory(organisation=feedback.author.organisation)

    assert "author" in errors_of(FeedbackFactory.build(meeting=feedback.meeting, author=stranger))
    feedback.rating = 6
    assert "rating" in errors_of(feedback)


def test_programme_period_must_be_consistent():
    assert "end_date" in errors_of(
        ProgrammeFactory.build(
            organisation=ProgrammeFactory().organisation, end_date=datetime.date(2023, 1, 1)
        )
    )


@pytest.mark.parametrize(
    ("days_since_meeting", "overdue"),
    [(None, True), (13, False), (14, False), (15, True)],
)
def test_active_pair_without_a_meeting_for_over_two_weeks_is_overdue(days_since_meeting, overdue):
    today = datetime.date(2024, 3, 1)
    pair = PairFactory(active=True, start_date=datetime.date(2023, 10, 1))
    if days_since_meeting is not None:
        day = today - datetime.timedelta(days=days_since_meeting)
        MeetingFactory(
            pair=pair,
            held_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(16))),
        )

    assert (pair in overdue_pairs(type(pair).objects.all(), today=today)) is overdue


def test_new_or_inactive_pairs_are_not_overdue():
    today = datetime.date(2024, 3, 1)
    fresh = PairFactory(active=True, start_date=today - datetime.timedelta(days=5))
    draft = PairFactory(start_date=datetime.date(2023, 10, 1))

    assert not overdue_pairs(
        type(fresh).objects.filter(pk__in=[fresh.pk, draft.pk]), today=today
    ).exists()
