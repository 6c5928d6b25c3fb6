"""Development plans: the service's rules, the history of each change, the old text migrated."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from portal.tests.factories import UserFactory
from programmes.models import DevelopmentPlan, PairStatus, PlanTask, PlanTaskStatus
from programmes.services.plans import (
    NOT_THE_MENTOR,
    PLAN_CLOSED,
    plan_goals_save,
    plan_task_save,
)
from programmes.tests.factories import PlanTaskFactory, pair_with_mentees

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return pair_with_mentees(mentees=2, active=True)


def memberships(pair):
    return list(pair.mentees.order_by("pk"))


def task(**fields):
    values = {
        "title": "Решить вариант школьного этапа",
        "deadline": timezone.localdate() + datetime.timedelta(days=30),
        "status": PlanTaskStatus.PLANNED,
    }
    return PlanTask(**(values | fields))


def test_goals_create_the_plan_with_author_and_reason_in_its_history(group):
    curator = UserFactory()
    first, _second = memberships(group)

    plan = plan_goals_save(
        membership=first, goals="  Олимпиада\nДоклад  ", user=curator, reason="План согласован"
    )
    plan_goals_save(membership=first, goals="Олимпиада\nДоклад", user=curator, reason="Повтор")
    plan_goals_save(membership=first, goals="Олимпиада", user=curator, reason="Доклад снят")

    assert plan.goal_lines() == ["Олимпиада", "Доклад"]
    rows = list(plan.history.order_by("history_date", "history_id"))
    # The unchanged save left no row: the history holds changes only.
    assert [(row.history_type, row.history_change_reason) for row in rows] == [
        ("+", "План согласован"),
        ("~", "Доклад снят"),
    ]
    assert {row.history_user for row in rows} == {curator}
    assert rows[-1].history_organisation_id == group.programme.organisation_id


def test_each_mentee_of_a_group_has_a_plan_of_their_own(group):
    first, second = memberships(group)

    one = plan_goals_save(membership=first, goals="Олимпиада", user=None, reason=None)
    other = plan_task_save(task=task(), membership=second, user=None, reason=None).plan

    assert one != other and other.membership == second
    assert DevelopmentPlan.objects.count() == 2


def test_a_deadline_may_be_ahead_but_not_before_the_pair(group):
    membership = memberships(group)[0]
    ahead = plan_task_save(
        task=task(deadline=datetime.date(2099, 5, 1)), membership=membership, user=None, reason=""
    )

    with pytest.raises(ValidationError) as refused:
        plan_task_save(
            task=task(deadline=group.start_date - datetime.timedelta(days=1)),
            membership=membership,
            user=None,
            reason="",
        )

    assert ahead.pk
    assert "раньше начала пары" in refused.value.message_dict["deadline"][0]


@pytest.mark.parametrize(
    ("status", "completed_on", "message"),
    [
        (PlanTaskStatus.DONE, None, "Укажите день, когда задача выполнена."),
        (PlanTaskStatus.IN_PROGRESS, datetime.date(2023, 11, 1), "Дата выполнения"),
        (PlanTaskStatus.DONE, "tomorrow", "не может быть позже сегодняшнего дня"),
    ],
)
def test_a_completion_date_belongs_to_a_done_task_and_is_not_in_the_future(
    group, status, completed_on, message
):
    if completed_on == "tomorrow":
        completed_on = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        plan_task_save(
            task=task(status=status, completed_on=completed_on),
            membership=memberships(group)[0],
            user=None,
            reason="",
        )

    assert message in refused.value.message_dict["completed_on"][0]
    assert not PlanTask.objects.exists()


def test_a_done_task_today_is_accepted_and_its_change_kept_with_the_reason(group):
    mentor_user = UserFactory()
    saved = plan_task_save(task=task(), membership=memberships(group)[0], user=None, reason="")

    saved.status, saved.completed_on, saved.result = (
        PlanTaskStatus.DONE,
        timezone.localdate(),
        "Решено 5 из 7",
    )
    plan_task_save(task=saved, user=mentor_user, reason="Итог встречи")

    latest = saved.history.order_by("-history_date", "-history_id").first()
    assert (latest.status, latest.result, latest.history_user) == (
        PlanTaskStatus.DONE,
        "Решено 5 из 7",
        mentor_user,
    )
    assert latest.history_change_reason == "Итог встречи"


def test_the_mentor_keeps_the_plan_and_another_pairs_mentor_is_refused(group):
    other = pair_with_mentees(active=True, programme=group.programme)
    membership = memberships(group)[0]

    plan_goals_save(membership=membership, goals="Цель", user=None, reason="", mentor=group.mentor)
    with pytest.raises(ValidationError) as refused:
        plan_goals_save(
            membership=membership, goals="Чужая", user=None, reason="", mentor=other.mentor
        )
    with pytest.raises(ValidationError):
        plan_task_save(
            task=task(), membership=membership, user=None, reason="", mentor=other.mentor
        )

    assert refused.value.code == NOT_THE_MENTOR
    assert DevelopmentPlan.objects.get().goals == "Цель"
    assert not PlanTask.objects.exists()


def test_the_mentor_cannot_change_the_plan_of_a_finished_pair_or_a_mentee_who_left(group):
    first, second = memberships(group)
    existing = PlanTaskFactory(plan__membership=first)
    second.left_on, second.left_reason = group.start_date, "Перевёлся в другую школу"
    second.save()
    group.status, group.end_date = PairStatus.COMPLETED, timezone.localdate()
    group.save()

    for membership in (first, second):
        with pytest.raises(ValidationError) as refused:
            plan_goals_save(
                membership=membership, goals="Новая", user=None, reason="", mentor=group.mentor
            )
        assert refused.value.code == PLAN_CLOSED
    existing.result = "Итог"
    with pytest.raises(ValidationError):
        plan_task_save(task=existing, user=None, reason="", mentor=group.mentor)
    # The curator records the results of a finished pair all the same.
    plan_task_save(task=existing, user=None, reason="Итоги программы")
    existing.refresh_from_db()
    assert existing.result == "Итог"


def test_a_task_never_moves_to_another_mentees_plan(group):
    first, second = memberships(group)
    moved = PlanTaskFactory(plan__membership=first)
    other_plan = plan_goals_save(membership=second, goals="Цель", user=None, reason="")

    moved.plan = other_plan
    with pytest.raises(ValidationError) as refused:
        plan_task_save(task=moved, user=None, reason="")

    assert "plan" in refused.value.message_dict
    assert PlanTask.objects.get(pk=moved.pk).plan.membership == first


# --- the migration of the old text -------------------------------------------------------------

BEFORE = [("programmes", "0018_remove_loose_order_fields")]
AFTER = [("programmes", "0022_remove_pair_development_plan")]
OLD_PLAN = "1. Входная диагностика.\n2. Пробная олимпиада."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_old_plan_text_becomes_the_goals_of_each_mentees_plan(latest_migrations):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Pair, PairMentee = (
        old.get_model("programmes", "Pair"),
        old.get_model("programmes", "PairMentee"),
    )
    Organisation = old.get_model("programmes", "Organisation")
    Programme = old.get_model("programmes", "Programme")
    Participant = old.get_model("programmes", "Participant")
    MentoringForm = old.get_model("programmes", "MentoringForm")
    school = Organisation.objects.create(full_name="Школа № 1", short_name="Школа № 1")
    programme = Programme.objects.create(
        organisation=school,
        title="Программа",
        form=MentoringForm.objects.first() or MentoringForm.objects.create(name="Ученик – ученик"),
        start_date=datetime.date(2023, 9, 1),
        end_date=datetime.date(2024, 6, 30),
    )

    def person(name, **roles):
        return Participant.objects.create(
            organisation=school, last_name=name, first_name="Имя", **roles
        )

    mentor = person("Наставникова", is_mentor=True)
    group = Pair.objects.create(
        programme=programme,
        mentor=mentor,
        start_date=datetime.date(2023, 10, 1),
        goals="Олимпиада",
        development_plan=OLD_PLAN,
    )
    for name in ("Первый", "Второй"):
        PairMentee.objects.create(
            pair=group, mentee=person(name, is_mentee=True), joined_on=group.start_date
        )
    lonely = Pair.objects.create(
        programme=programme,
        mentor=mentor,
        start_date=datetime.date(2023, 10, 1),
        goals="Цель",
        development_plan="Текст без наставляемых",
    )
    untouched = Pair.objects.create(
        programme=programme, mentor=mentor, start_date=datetime.date(2023, 10, 1)
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Plan = new.get_model("programmes", "DevelopmentPlan")
    NewPair = new.get_model("programmes", "Pair")

    plans = Plan.objects.filter(membership__pair_id=group.pk).order_by("pk")
    assert [plan.goals for plan in plans] == [OLD_PLAN, OLD_PLAN]
    assert {plan.membership.mentee.last_name for plan in plans} == {"Первый", "Второй"}
    history = new.get_model("programmes", "HistoricalDevelopmentPlan").objects.all()
    assert {row.history_change_reason for row in history} == {
        "Перенесено из текстового поля «Индивидуальный план развития» пары"
    }
    assert NewPair.objects.get(pk=lonely.pk).goals.endswith("Текст без наставляемых")
    assert NewPair.objects.get(pk=untouched.pk).goals == ""
    assert not Plan.objects.filter(membership__pair_id__in=[lonely.pk, untouched.pk]).exists()
