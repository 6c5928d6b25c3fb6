import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from benchmarks.scale.consistency import consistency_errors
from benchmarks.scale.profiles import (
    HISTORY_SUBJECT_VERSIONS,
    PROFILES,
    curator_username,
    history_subject,
    scale_organisation_find,
    scale_organisations,
)
from benchmarks.scale.questionnaires import submission_errors
from benchmarks.scale.tables import SAMPLED_MODELS, table_counts
from forms_app.models import QuestionnaireKind, QuestionnaireSubmission
from programmes.models import (
    Consent,
    Feedback,
    Meeting,
    Organisation,
    Pair,
    PairMentee,
    PairStatus,
    Participant,
)

pytestmark = pytest.mark.django_db

SMALL = {
    "organisations": 2,
    "participants": 160,
    "pairs": 40,
    "meetings": 400,
    "submissions": 500,
}


def generate(seed: int = 1, **counts):
    call_command("generate_scale_data", seed=seed, verbosity=0, **{**SMALL, **counts})


def snapshot() -> dict[str, int]:
    return {**table_counts(), "answers": QuestionnaireSubmission.objects.count()}


def test_small_dataset_obeys_every_rule(capsys):
    generate()

    organisations = scale_organisations(seed=1)
    assert organisations.count() == 2
    assert Participant.objects.filter(organisation__in=organisations).count() == 160
    assert Pair.objects.filter(programme__organisation__in=organisations).count() == 40
    assert Meeting.objects.filter(programme__organisation__in=organisations).count() == 400
    assert QuestionnaireSubmission.objects.count() == 500
    assert consistency_errors(organisations=organisations) == []
    assert submission_errors() == []


def test_the_check_finds_a_broken_rule():
    generate()
    organisations = scale_organisations(seed=1)
    meeting = Meeting.objects.filter(programme__organisation__in=organisations).first()
    Meeting.objects.filter(pk=meeting.pk).update(
        held_at=meeting.held_at - datetime.timedelta(days=400)
    )
    active = Pair.objects.filter(
        programme__organisation__in=organisations, status=PairStatus.ACTIVE
    ).first()
    Consent.objects.filter(participant=active.mentor).update(
        withdrawn_on=datetime.date(2000, 1, 1), given_on=datetime.date(1999, 1, 1)
    )

    errors = consistency_errors(organisations=organisations)

    assert any(f"Meeting {meeting.pk} is outside" in error for error in errors)
    assert any(f"Participant {active.mentor_id} is in an approved" in error for error in errors)


def test_running_twice_with_the_same_seed_adds_nothing():
    generate()
    before = snapshot()

    generate()

    assert snapshot() == before


def test_another_seed_adds_a_separate_dataset():
    generate(seed=1)
    first = set(scale_organisations(seed=1).values_list("pk", flat=True))

    generate(seed=2)

    second = set(scale_organisations(seed=2).values_list("pk", flat=True))
    assert len(second) == 2
    assert not first & second
    assert Organisation.objects.count() >= 4
    assert QuestionnaireSubmission.objects.count() == 1000
    assert consistency_errors(organisations=second) == []
    # The questionnaire pages are shared, not duplicated.
    assert QuestionnaireSubmission.objects.values("page").distinct().count() == 3


def test_history_rows_are_written_by_the_curator(capsys):
    call_command("generate_scale_data", seed=1, **SMALL)

    for index in range(2):
        organisation = scale_organisation_find(seed=1, index=index)
        curator = organisation.members.get()
        assert curator.username == curator_username(seed=1, index=index)
        for model in SAMPLED_MODELS:
            rows = model.history.filter(history_organisation_id=organisation.pk)
            if model.objects.exists():
                assert rows.exists(), model
                assert set(rows.values_list("history_user", flat=True)) == {curator.pk}, model
    # Realistic edits: pairs went through their statuses, meetings got their outcome later.
    assert Pair.history.filter(history_type="~", status=PairStatus.APPROVED).exists()
    assert Meeting.history.filter(history_type="+", outcome="").exists()
    assert Feedback.history.exists() and PairMentee.history.exists()
    assert not Pair.history.filter(history_date__gt=timezone.now()).exists()

    subject = history_subject(seed=1)
    assert subject.history.count() == HISTORY_SUBJECT_VERSIONS
    assert subject.history.filter(history_type="+").count() == 1
    assert f"/admin/programmes/participant/history/{subject.pk}/" in capsys.readouterr().out


def test_answers_link_participants_except_on_the_anonymous_survey():
    generate()

    answers = QuestionnaireSubmission.objects.select_related("page__questionnairepage")
    for answer in answers.order_by("pk")[:200]:
        page = answer.page.questionnairepage
        if page.kind == QuestionnaireKind.SATISFACTION:
            assert answer.participant_id is None
        else:
            assert answer.participant_id is not None
    # One mentee or mentor questionnaire per participant, the rest on the survey.
    assert answers.filter(participant__isnull=False).count() == 160
    assert answers.filter(participant__isnull=True).count() == 340


def test_the_school_profile_obeys_every_rule():
    school = PROFILES["school"]
    call_command("generate_scale_data", profile="school", verbosity=0)

    organisations = scale_organisations(seed=1)
    assert Participant.objects.filter(organisation__in=organisations).count() == school.participants
    assert Pair.objects.filter(programme__organisation__in=organisations).count() == school.pairs
    assert (
        Meeting.objects.filter(programme__organisation__in=organisations).count() == school.meetings
    )
    assert QuestionnaireSubmission.objects.count() == school.submissions
    assert consistency_errors(organisations=organisations, sample=300) == []
    assert submission_errors(sample=100) == []


def _planner_row_estimate(table: str) -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s LIMIT 1", [table])
        row = cursor.fetchone()
    return int(float(str(row[0]).split()[0])) if row else 0


def test_the_planner_knows_the_new_rows_when_generating_ends():
    generate()

    assert _planner_row_estimate("programmes_historicalmeeting") >= Meeting.objects.count()
