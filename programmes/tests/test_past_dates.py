"""Dates of what has already happened cannot be later than today; planned dates may be.

Each refusal names the field in Russian, so the curator knows which date to correct.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.text import capfirst

from programmes.models import PairMentee
from programmes.tests.factories import (
    ConsentFactory,
    IncentiveDecisionFactory,
    MentorTrainingFactory,
    OrderFactory,
    PairFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

TOMORROW = datetime.timedelta(days=1)


def refusal(record, field: str) -> str:
    """The Russian refusal of the field, which names the field as the form labels it."""
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    with translation.override("ru"):
        message = " ".join(str(m) for m in refused.value.message_dict[field])
        assert f"«{capfirst(record._meta.get_field(field).verbose_name)}»" in message
    return message


def current_programme():
    today = timezone.localdate()
    return ProgrammeFactory(
        start_date=today - datetime.timedelta(days=100),
        end_date=today + datetime.timedelta(days=100),
    )


@pytest.mark.parametrize("field", ["given_on", "withdrawn_on"])
def test_a_consent_cannot_be_given_or_withdrawn_later_than_today(field):
    consent = ConsentFactory.build(participant=ParticipantFactory())
    setattr(consent, field, timezone.localdate() + TOMORROW)
    if field == "withdrawn_on":
        consent.given_on = timezone.localdate()

    assert "позже сегодняшнего дня" in refusal(consent, field)


def test_a_consent_cannot_be_accepted_in_the_future():
    consent = ConsentFactory.build(participant=ParticipantFactory())
    consent.accepted_at = timezone.now() + datetime.timedelta(hours=2)

    assert "позже сегодняшнего дня" in refusal(consent, "accepted_at")


def test_a_consent_given_today_may_run_until_a_future_day():
    consent = ConsentFactory.build(
        participant=ParticipantFactory(),
        given_on=timezone.localdate(),
        valid_until=timezone.localdate() + datetime.timedelta(days=365),
    )

    consent.full_clean()


def test_a_pair_may_start_in_the_future_but_its_order_is_already_signed():
    today = timezone.localdate()
    programme = current_programme()
    planned = PairFactory.build(
        programme=programme,
        mentor=ParticipantFactory(organisation=programme.organisation),
        start_date=today + datetime.timedelta(days=10),
    )
    planned.full_clean()

    order = OrderFactory.build(
        organisation=programme.organisation, date=today + datetime.timedelta(days=5)
    )
    assert "позже сегодняшнего дня" in refusal(order, "date")


def test_a_mentee_joins_a_planned_pair_on_its_start_and_no_later():
    today = timezone.localdate()
    programme = current_programme()
    pair = PairFactory(programme=programme, start_date=today + datetime.timedelta(days=10))
    mentee = ParticipantFactory(organisation=programme.organisation, mentee=True)

    PairMentee(pair=pair, mentee=mentee, joined_on=pair.start_date).full_clean()
    late = PairMentee(pair=pair, mentee=mentee, joined_on=pair.start_date + TOMORROW)
    assert "позже" in refusal(late, "joined_on")


def test_a_mentee_of_a_running_pair_cannot_join_or_leave_tomorrow():
    today = timezone.localdate()
    programme = current_programme()
    pair = PairFactory(programme=programme, start_date=today - datetime.timedelta(days=30))
    mentee = ParticipantFactory(organisation=programme.organisation, mentee=True)

    assert "позже" in refusal(
        PairMentee(pair=pair, mentee=mentee, joined_on=today + TOMORROW), "joined_on"
    )
    leaving = PairMentee(
        pair=pair, mentee=mentee, joined_on=pair.start_date, left_on=today + TOMORROW
    )
    leaving.left_reason = "Перевёлся в другую школу"
    assert "позже сегодняшнего дня" in refusal(leaving, "left_on")


def test_incentive_decisions_and_trainings_are_not_dated_in_the_future():
    later = timezone.localdate() + TOMORROW
    decision = IncentiveDecisionFactory.build(mentor=ParticipantFactory(), decided_on=later)
    training = MentorTrainingFactory.build(mentor=ParticipantFactory(), completed_on=later)

    assert "позже сегодняшнего дня" in refusal(decision, "decided_on")
    assert "позже сегодняшнего дня" in refusal(training, "completed_on")


def test_a_participant_cannot_have_left_tomorrow():
    participant = ParticipantFactory.build(
        organisation=ParticipantFactory().organisation,
        left_on=timezone.localdate() + TOMORROW,
    )

    assert "позже сегодняшнего дня" in refusal(participant, "left_on")
