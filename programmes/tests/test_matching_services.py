"""Matching against the database: who is in the pool, decisions, accepting a suggestion."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from portal.tests.factories import user_with_role
from programmes.matching.engine import suggest
from programmes.models import (
    DecisionKind,
    MatchDecision,
    MatchingSettings,
    MatchPreference,
    MentoringForm,
    Pair,
    PairStatus,
)
from programmes.selectors.matching import matching_pool
from programmes.services.matching import (
    MATCHING_REASON,
    match_decide,
    matching_accept,
    matching_settings_save,
)
from programmes.tests.factories import (
    ConsentFactory,
    OrganisationFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2024, 3, 1)


@pytest.fixture
def programme():
    return ProgrammeFactory(organisation=OrganisationFactory())


def consenting(programme, **values):
    return ConsentFactory(participant__organisation=programme.organisation, **values).participant


def mentor_of(programme, competences="математика, ОГЭ", **values):
    return consenting(programme, participant__competences=competences, **values)


def mentee_of(programme, requests="подготовка к ОГЭ по математике", **values):
    return consenting(programme, participant__mentee=True, participant__requests=requests, **values)


def test_the_pool_holds_consenting_people_of_the_form_and_sets_the_rest_aside(programme):
    mentor = mentor_of(programme)
    mentee = mentee_of(programme)
    silent = ParticipantFactory(organisation=programme.organisation, mentee=True)
    teacher_mentee = consenting(
        programme,
        participant__is_mentor=False,
        participant__is_mentee=True,
        participant__category="young_specialist",
    )
    paired = mentee_of(programme)
    pair = PairFactory(programme=programme, mentor=mentor, start_date=TODAY)
    PairMenteeFactory(pair=pair, mentee=paired, joined_on=TODAY)
    mentee_of(
        programme.__class__.objects.create(
            organisation=OrganisationFactory(),
            title="Чужая",
            form=programme.form,
            start_date=programme.start_date,
            end_date=programme.end_date,
        )
    )

    pool = matching_pool(programme, today=TODAY)

    assert [p.pk for p in pool.mentors] == [mentor.pk]
    assert [p.pk for p in pool.mentees] == [mentee.pk]
    assert pool.mentors[0].capacity == programme.max_mentees_per_mentor - 1
    reasons = {a.name: a.reason for a in pool.set_aside}
    assert reasons[silent.full_name] == "нет действующего согласия на обработку персональных данных"
    assert reasons[teacher_mentee.full_name] == "не ученик"


def test_the_pool_knows_choices_from_the_preference_questionnaire(programme):
    mentor, mentee = mentor_of(programme), mentee_of(programme)
    MatchPreference.objects.create(participant=mentee, preferred=mentor, programme=programme)
    MatchPreference.objects.create(participant=mentor, preferred=mentee)

    result = suggest(matching_pool(programme, today=TODAY))

    assert result.suggestions[0].lines[0].text == "взаимный выбор"


def test_pupil_pupil_reads_classes_from_the_class_field(programme):
    programme.form = MentoringForm.objects.get(name="ученик – ученик")
    programme.save()
    older = mentor_of(programme, participant__category="student", participant__group="10 «А»")
    mentee_of(programme, participant__group="8 «Б»")

    (suggestion,) = suggest(matching_pool(programme, today=TODAY)).suggestions

    assert suggestion.mentor.pk == older.pk
    assert (suggestion.mentor.class_number, suggestion.mentee.class_number) == (10, 8)


def test_accepting_creates_draft_groups_per_mentor_with_the_curators_history(programme):
    curator = user_with_role("curator")
    mentor = mentor_of(programme)
    mentees = [mentee_of(programme) for _ in range(2)]
    result = suggest(matching_pool(programme, today=TODAY))
    match_decide(
        programme=programme,
        mentor=mentor,
        mentee=mentees[0],
        kind=DecisionKind.LOCKED,
        user=curator,
    )
    result = suggest(matching_pool(programme, today=TODAY))

    (pair,) = matching_accept(
        programme=programme, fingerprint=result.fingerprint, user=curator, today=TODAY
    )

    assert pair.status == PairStatus.DRAFT and pair.mentor == mentor
    assert {m.mentee_id for m in pair.mentees.all()} == {m.pk for m in mentees}
    assert pair.start_date == TODAY
    record = pair.history.earliest()
    assert (record.history_user, record.history_change_reason) == (curator, MATCHING_REASON)
    assert not MatchDecision.objects.exists(), "a spent lock is withdrawn"
    assert suggest(matching_pool(programme, today=TODAY)).suggestions == []


def test_accepting_a_suggestion_that_changed_meanwhile_creates_nothing(programme):
    curator = user_with_role("curator")
    mentor_of(programme)
    mentee_of(programme)
    seen = suggest(matching_pool(programme, today=TODAY)).fingerprint
    mentee_of(programme, requests="математика")  # a new mentee arrives

    with pytest.raises(ValidationError, match="данные изменились"):
        matching_accept(programme=programme, fingerprint=seen + "x", user=curator, today=TODAY)
    assert not Pair.objects.exists()


def test_accepting_after_the_programme_ended_creates_nothing(programme):
    mentor_of(programme)
    mentee_of(programme)
    late = programme.end_date + datetime.timedelta(days=1)
    seen = suggest(matching_pool(programme, today=late)).fingerprint

    with pytest.raises(ValidationError, match="Программа закончилась"):
        matching_accept(
            programme=programme, fingerprint=seen, user=user_with_role("curator"), today=late
        )
    assert not Pair.objects.exists()


def test_an_exclusion_needs_a_reason_and_keeps_the_two_apart(programme):
    curator = user_with_role("curator")
    mentor, mentee = mentor_of(programme), mentee_of(programme)

    with pytest.raises(ValidationError):
        match_decide(
            programme=programme,
            mentor=mentor,
            mentee=mentee,
            kind=DecisionKind.EXCLUDED,
            user=curator,
        )
    decision = match_decide(
        programme=programme,
        mentor=mentor,
        mentee=mentee,
        kind=DecisionKind.EXCLUDED,
        user=curator,
        reason="Родственники",
    )

    assert decision.history.get().history_change_reason == "Родственники"
    assert suggest(matching_pool(programme, today=TODAY)).suggestions == []


def test_a_decision_about_another_organisations_people_is_refused(programme):
    stranger = ConsentFactory().participant
    with pytest.raises(ValidationError):
        match_decide(
            programme=programme,
            mentor=stranger,
            mentee=mentee_of(programme),
            kind=DecisionKind.REJECTED,
            user=user_with_role("curator"),
        )


def test_settings_are_saved_with_history_and_checked(programme):
    curator = user_with_role("curator")
    settings = MatchingSettings(programme=programme, weight_mutual=11)
    with pytest.raises(ValidationError):
        matching_settings_save(settings=settings, user=curator, reason="")
    settings.weight_mutual = 0
    matching_settings_save(settings=settings, user=curator, reason="Выбор не важен")

    assert settings.history.get().history_user == curator
