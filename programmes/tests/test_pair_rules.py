import datetime

import pytest
from django.core.exceptions import ValidationError

from portal.tests.factories import user_with_role
from programmes.models import ConsentGiver, Pair, PairMentee, PairStatus
from programmes.services.pairs import pair_change_status, pair_save, pair_validate
from programmes.tests.factories import (
    ConsentFactory,
    OrderFactory,
    PairFactory,
    ParticipantFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2023, 10, 15)


def messages(error: ValidationError) -> str:
    return " ".join(m for ms in error.message_dict.values() for m in ms)


def approved_pair():
    pair = new_pair(status=PairStatus.APPROVED)
    pair.order = OrderFactory(organisation=pair.programme.organisation)
    return pair


def new_pair(programme=None, **fields):
    programme = programme or ProgrammeFactory()
    mentor = fields.pop("mentor", None) or ParticipantFactory(organisation=programme.organisation)
    return Pair(programme=programme, mentor=mentor, start_date=datetime.date(2023, 10, 1), **fields)


def mentee_of(programme, consent=True, **fields):
    mentee = ParticipantFactory(mentee=True, organisation=programme.organisation, **fields)
    if consent:
        ConsentFactory(participant=mentee)
    return mentee


def test_pair_with_mentees_is_saved_with_membership_rows_and_history():
    pair = new_pair()
    mentees = [mentee_of(pair.programme), mentee_of(pair.programme)]
    curator = user_with_role("curator")

    pair_save(pair=pair, mentees=mentees, user=curator, reason="Приказ № 48-О", today=TODAY)

    assert sorted(pair.mentees.values_list("mentee_id", flat=True)) == sorted(m.pk for m in mentees)
    assert pair.is_group
    assert pair.history.get().history_user == curator
    assert pair.history.get().history_change_reason == "Приказ № 48-О"
    assert {h.history_user for h in PairMentee.history.all()} == {curator}


def test_nobody_mentors_themselves():
    pair = new_pair()
    pair.mentor.is_mentee = True
    pair.mentor.save()

    with pytest.raises(ValidationError) as error:
        pair_validate(pair=pair, mentees=[pair.mentor], today=TODAY)

    assert str(pair.mentor) in " ".join(error.value.message_dict["mentees"])


def test_a_pair_needs_a_mentee():
    with pytest.raises(ValidationError):
        pair_validate(pair=new_pair(), mentees=[], today=TODAY)


def test_mentor_load_is_capped_per_programme():
    programme = ProgrammeFactory(max_mentees_per_mentor=2)
    mentor = ParticipantFactory(organisation=programme.organisation)
    pair_save(pair=new_pair(programme, mentor=mentor), mentees=[mentee_of(programme)], today=TODAY)
    pair_save(pair=new_pair(programme, mentor=mentor), mentees=[mentee_of(programme)], today=TODAY)

    with pytest.raises(ValidationError) as error:
        pair_save(
            pair=new_pair(programme, mentor=mentor), mentees=[mentee_of(programme)], today=TODAY
        )

    assert "3" in messages(error.value) and "2" in messages(error.value)
    assert Pair.objects.filter(mentor=mentor).count() == 2


def test_terminated_pairs_do_not_count_towards_the_load():
    programme = ProgrammeFactory(max_mentees_per_mentor=1)
    mentor = ParticipantFactory(organisation=programme.organisation)
    first = pair_save(
        pair=new_pair(programme, mentor=mentor), mentees=[mentee_of(programme)], today=TODAY
    )
    pair_change_status(pair=first, status=PairStatus.TERMINATED, termination_reason="Переезд")

    pair_save(pair=new_pair(programme, mentor=mentor), mentees=[mentee_of(programme)], today=TODAY)

    assert Pair.objects.filter(mentor=mentor).count() == 2


def test_approved_pair_needs_valid_consents_of_everyone():
    pair = approved_pair()
    ConsentFactory(participant=pair.mentor)
    without_consent = mentee_of(pair.programme, consent=False, last_name="Безсогласиев")

    with pytest.raises(ValidationError) as error:
        pair_save(pair=pair, mentees=[without_consent], today=TODAY)

    assert "Безсогласиев" in messages(error.value)
    assert not Pair.objects.exists()


def test_minor_consent_given_by_the_child_does_not_count():
    pair = approved_pair()
    ConsentFactory(participant=pair.mentor)
    child = mentee_of(pair.programme, consent=False)
    ConsentFactory.build(
        participant=child, given_by=ConsentGiver.PARTICIPANT
    ).save()  # bypasses clean

    with pytest.raises(ValidationError):
        pair_save(pair=pair, mentees=[child], today=TODAY)


def test_withdrawn_or_expired_consent_does_not_count():
    pair = approved_pair()
    ConsentFactory(participant=pair.mentor, valid_until=datetime.date(2023, 10, 1))
    mentee = mentee_of(pair.programme, consent=False)
    ConsentFactory(participant=mentee, withdrawn_on=datetime.date(2023, 10, 10))

    with pytest.raises(ValidationError) as error:
        pair_save(pair=pair, mentees=[mentee], today=TODAY)

    assert str(pair.mentor) in messages(error.value)
    assert str(mentee) in messages(error.value)


def test_draft_pair_may_wait_for_consents():
    pair = new_pair()

    pair_save(pair=pair, mentees=[mentee_of(pair.programme, consent=False)], today=TODAY)

    assert pair.pk


@pytest.mark.parametrize(
    ("steps", "allowed"),
    [
        ([PairStatus.APPROVED, PairStatus.ACTIVE, PairStatus.COMPLETED], True),
        ([PairStatus.ACTIVE], False),
        ([PairStatus.APPROVED, PairStatus.COMPLETED], False),
        ([PairStatus.APPROVED, PairStatus.ACTIVE, PairStatus.COMPLETED, PairStatus.ACTIVE], False),
        ([PairStatus.TERMINATED, PairStatus.DRAFT], False),
    ],
)
def test_status_moves_only_along_allowed_transitions(steps, allowed):
    pair = pair_with_mentees()
    pair.order = OrderFactory(organisation=pair.programme.organisation)

    def walk():
        for status in steps:
            pair_change_status(pair=pair, status=status, termination_reason="Причина")

    if allowed:
        walk()
        assert Pair.objects.get(pk=pair.pk).status == steps[-1]
    else:
        with pytest.raises(ValidationError) as error:
            walk()
        assert "status" in error.value.message_dict


def test_termination_needs_a_reason():
    pair = pair_with_mentees()

    with pytest.raises(ValidationError) as error:
        pair_change_status(pair=pair, status=PairStatus.TERMINATED)

    assert "termination_reason" in error.value.message_dict


def test_approval_needs_the_order():
    pair = pair_with_mentees()

    with pytest.raises(ValidationError) as error:
        pair_change_status(pair=pair, status=PairStatus.APPROVED)

    assert "order" in error.value.message_dict


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (datetime.date(2023, 10, 1), datetime.date(2023, 9, 1), "end_date"),
        (datetime.date(2022, 1, 1), None, "start_date"),
    ],
)
def test_dates_must_be_consistent(start, end, field):
    pair = new_pair()
    pair.start_date, pair.end_date = start, end

    with pytest.raises(ValidationError) as error:
        pair_validate(pair=pair, mentees=[mentee_of(pair.programme)], today=TODAY)

    assert field in error.value.message_dict


def test_mentee_from_another_organisation_is_refused():
    pair = new_pair()
    stranger = ParticipantFactory(mentee=True)

    with pytest.raises(ValidationError):
        pair_validate(pair=pair, mentees=[stranger], today=TODAY)


def test_removed_mentee_keeps_a_row_marked_as_left():
    pair = new_pair()
    staying, leaving = mentee_of(pair.programme), mentee_of(pair.programme)
    pair_save(pair=pair, mentees=[staying, leaving], today=TODAY)

    pair_save(
        pair=pair,
        mentees=[staying],
        reason="Перевод в другую группу",
        today=TODAY + datetime.timedelta(days=5),
    )

    membership = PairMentee.objects.get(pair=pair, mentee=leaving)
    assert membership.left_on == TODAY + datetime.timedelta(days=5)
    assert membership.left_reason == "Перевод в другую группу"
    assert [m.mentee for m in pair.current_mentees()] == [staying]
    assert [h.history_type for h in membership.history.order_by("history_date")] == ["+", "~"]


def test_pair_factory_defaults_are_consistent():
    pair = PairFactory()

    pair.full_clean()
