"""The demo accounts' own group: what the demo mentor and mentee find in their cabinet.

The accounts «mentor» (Анна Кузнецова) and «mentee» (Павел Смирнов) are the two people a
newcomer signs in as to see the participant's side, so their group is a living one whenever
the demo is loaded: a plan, ten weekly meetings up to the last few days, one coming up, and
the two most recent held meetings still waiting for their feedback. Every date is counted back
from the day of loading. programmes/demo.py calls this with the group's people; the meetings
are written in `_meeting` (held ones in the past, the coming one in the future).
"""

import datetime

from django.utils import timezone

from programmes.models import (
    Feedback,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    Order,
    Pair,
    PairStatus,
    Participant,
    PlanTask,
    PlanTaskStatus,
    Programme,
)
from programmes.models.history import attribute_change
from programmes.services.meetings import meeting_save
from programmes.services.orders import order_approve_pairs
from programmes.services.pairs import pair_change_status, pair_save
from programmes.services.plans import plan_goals_save, plan_task_save

GOALS = (
    "Подготовка к муниципальному этапу всероссийской олимпиады школьников по математике; "
    "уверенность при решении нестандартных задач и при ответе у доски"
)
# Each mentee's individual plan: these goals, and the steps below as its tasks.
PLAN_GOALS = """\
Решать задачи муниципального этапа олимпиады по математике
Уверенно рассказывать решение у доски"""
PLAN_TASKS = """\
1. Входная диагностика: решить вариант школьного этапа прошлого года, выявить пробелы.
2. Каждую неделю — одна тема олимпиадной математики: чётность, принцип Дирихле, логические \
задачи, комбинаторика, геометрия на клетчатой бумаге, делимость и остатки.
3. Между встречами — три задачи на дом; решения записывать в тетрадь и разбирать на встрече.
4. В середине программы — пробная олимпиада в формате школьного этапа и разбор ошибок.
5. Участие в муниципальном этапе олимпиады.
6. Итог: каждый наставляемый рассказывает классу разбор своей любимой задачи."""

MEETINGS_HELD = 10
DAYS_BETWEEN = 7
LAST_HELD_DAYS_AGO = 2
NEXT_IN_DAYS = 5
# The most recent held meetings the mentor and the demo mentee have not yet given feedback on.
FEEDBACK_DUE = 2

TOPICS = [
    (MeetingKind.INTRODUCTION, "Знакомство: интересы, ожидания, правила работы группы"),
    (MeetingKind.TRIAL, "Входная диагностика: задачи школьного этапа прошлого года"),
    (MeetingKind.PLANNING, "Цели на полугодие и индивидуальный план развития"),
    (MeetingKind.WORKING, "Чётность и инварианты"),
    (MeetingKind.WORKING, "Принцип Дирихле"),
    (MeetingKind.WORKING, "Логические задачи: рыцари и лжецы"),
    (MeetingKind.WORKING, "Комбинаторика: правило суммы и правило произведения"),
    (MeetingKind.WORKING, "Пробная олимпиада в формате школьного этапа"),
    (MeetingKind.WORKING, "Разбор пробной олимпиады: типичные ошибки"),
    (MeetingKind.WORKING, "Геометрия на клетчатой бумаге"),
    (MeetingKind.WORKING, "Делимость и остатки: подготовка к муниципальному этапу"),
]
OUTCOMES = [
    "Договорились о правилах группы и о времени встреч; каждый назвал, чего ждёт от занятий.",
    "Решили шесть задач; по итогам диагностики выбраны темы для подготовки.",
    "Составлен и согласован индивидуальный план развития.",
    "Разобрали задачи на чётность; три задачи на дом.",
    "Решили задачи о голубях и клетках; Павел сам придумал задачу на принцип Дирихле.",
    "Разобрали задачи о рыцарях и лжецах, научились строить таблицу вариантов.",
    "Решили задачи на подсчёт вариантов; домашнее задание — пять задач из сборника.",
    "Пробная олимпиада: четыре задачи из шести у Павла, три у Полины.",
    "Разобрали ошибки пробной олимпиады; повторим оформление решений.",
    "Задачи на площадь фигур на клетчатой бумаге, формула Пика.",
]
MENTOR_COMMENTS = [
    "Группа работала активно, оба наставляемых решили домашние задачи.",
    "Павел увереннее объясняет решение у доски.",
    "Темп хороший, в следующий раз дадим задачи посложнее.",
]
MENTEE_COMMENTS = [
    "Было интересно, понял, как искать инвариант.",
    "Задачи трудные, но разбор помог.",
    "Понравилось решать в паре и объяснять друг другу.",
]


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 30)))


def _meeting(pair: Pair, attendees, *, number: int, day: datetime.date, curator) -> Meeting:
    kind, topic = TOPICS[number]
    held = _at(day) <= timezone.now()
    return meeting_save(
        meeting=Meeting(
            pair=pair,
            kind=kind,
            status=MeetingStatus.HELD if held else MeetingStatus.PLANNED,
            held_at=_at(day),
            format=MeetingFormat.REMOTE if number % 4 == 3 else MeetingFormat.IN_PERSON,
            topic=topic,
            outcome=OUTCOMES[number] if held and number < len(OUTCOMES) else "",
        ),
        attendees=attendees if held else [],
        user=curator,
        reason="Лист присутствия" if held else "Встреча запланирована",
    )


def _feedback(meeting: Meeting, author: Participant, *, rating: int, comment: str, curator):
    feedback = Feedback(
        meeting=meeting,
        author=author,
        rating=rating,
        comment=comment,
        submitted_at=meeting.held_at + datetime.timedelta(hours=3),
    )
    feedback.full_clean()
    attribute_change(feedback, user=curator, reason=None)
    feedback.save()


def demo_group_load(
    *,
    programme: Programme,
    mentor: Participant,
    mentees: list[Participant],
    curator,
    order: Order,
    today: datetime.date,
) -> Pair:
    """The demo accounts' active group with its plan, meetings and feedback; see the module."""
    last_held = today - datetime.timedelta(days=LAST_HELD_DAYS_AGO)
    first = last_held - datetime.timedelta(days=DAYS_BETWEEN * (MEETINGS_HELD - 1))
    start = first - datetime.timedelta(days=3)
    # Built as of its start day, so the mentees joined on the day the group began.
    group = pair_save(
        pair=Pair(
            programme=programme,
            mentor=mentor,
            start_date=start,
            goals=GOALS,
        ),
        mentees=mentees,
        user=curator,
        today=start,
    )
    order_approve_pairs(order=order, pairs=[group], user=curator, reason="Приказ о закреплении пар")
    group.refresh_from_db()
    pair_change_status(
        pair=group, status=PairStatus.ACTIVE, user=curator, reason="Встреча-знакомство проведена"
    )
    demo_mentee = mentees[0]
    attendees = [mentor, *mentees]
    for number in range(MEETINGS_HELD):
        day = first + datetime.timedelta(days=DAYS_BETWEEN * number)
        meeting = _meeting(group, attendees, number=number, day=day, curator=curator)
        due = number >= MEETINGS_HELD - FEEDBACK_DUE
        for author, rating, comments in [
            (mentor, 5, MENTOR_COMMENTS),
            *[(mentee, 5 if number % 3 else 4, MENTEE_COMMENTS) for mentee in mentees],
        ]:
            if due and author in (mentor, demo_mentee):
                continue
            comment = comments[number % len(comments)]
            _feedback(meeting, author, rating=rating, comment=comment, curator=curator)
    _meeting(
        group,
        attendees,
        number=MEETINGS_HELD,
        day=today + datetime.timedelta(days=NEXT_IN_DAYS),
        curator=curator,
    )
    _plans(group, curator=curator, today=today)
    return group


def _plans(group: Pair, *, curator, today: datetime.date) -> None:
    """Each mentee's plan: the goals, and the steps as tasks a fortnight apart, the past ones
    done on their deadline, the next one in progress."""
    steps = [line.split(". ", 1)[1] for line in PLAN_TASKS.splitlines()]
    for membership in group.mentees.filter(left_on__isnull=True):
        plan_goals_save(
            membership=membership, goals=PLAN_GOALS, user=curator, reason="План согласован"
        )
        started = False
        for number, step in enumerate(steps, start=1):
            deadline = group.start_date + datetime.timedelta(days=14 * number)
            if deadline <= today:
                status, completed_on, result = PlanTaskStatus.DONE, deadline, "Выполнено"
            elif not started:
                started = True
                status, completed_on, result = PlanTaskStatus.IN_PROGRESS, None, ""
            else:
                status, completed_on, result = PlanTaskStatus.PLANNED, None, ""
            plan_task_save(
                task=PlanTask(
                    title=step,
                    deadline=deadline,
                    status=status,
                    completed_on=completed_on,
                    result=result,
                ),
                membership=membership,
                user=curator,
                reason="План согласован",
            )
