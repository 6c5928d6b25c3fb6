"""Reads of individual development plans: whose plan a participant may open, and the plan as
the cabinet, the admin and the printed DOCX show it.

A plan is read as a `PlanSheet`: plain values, the heading facts of the printed form
(organisation, programme, form, mentor, mentee, period) and the tasks, in a fixed number of
queries. A mentee opens only their own plan; a mentor the plans of the current mentees of
the pairs they mentor. Neither sees a draft pair's plans, as they do not see the pair.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from programmes.models import (
    DevelopmentPlan,
    PairMentee,
    Participant,
    PlanTask,
    PlanTaskStatus,
)
from programmes.selectors.meetings import VISIBLE_PAIR_STATUSES

OPEN_TASK_STATUSES = (PlanTaskStatus.PLANNED, PlanTaskStatus.IN_PROGRESS)


def memberships_readable_by(participant: Participant) -> QuerySet[PairMentee]:
    """Memberships whose plan the participant may read: their own, and their mentees'."""
    return PairMentee.objects.filter(
        Q(mentee=participant) | Q(pair__mentor=participant),
        left_on__isnull=True,
        pair__status__in=VISIBLE_PAIR_STATUSES,
    )


def memberships_mentored_by(participant: Participant) -> QuerySet[PairMentee]:
    """Memberships whose plan the participant keeps as the mentor (the service has the last
    word on whether the pair's status still lets them)."""
    return PairMentee.objects.filter(
        pair__mentor=participant, left_on__isnull=True, pair__status__in=VISIBLE_PAIR_STATUSES
    )


def tasks_mentored_by(participant: Participant) -> QuerySet[PlanTask]:
    return PlanTask.objects.filter(plan__membership__in=memberships_mentored_by(participant))


@dataclass(frozen=True)
class TaskRow:
    pk: int
    title: str
    deadline: datetime.date
    status: str
    status_code: str
    completed_on: datetime.date | None
    result: str
    is_overdue: bool


@dataclass(frozen=True)
class Progress:
    done: int
    counted: int  # the tasks that count: all but the cancelled ones

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.counted) if self.counted else 0


@dataclass(frozen=True)
class PlanSheet:
    membership_pk: int
    plan_pk: int | None
    organisation: str
    programme: str
    form: str
    mentor: str
    mentee: str
    group: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    pair_status: str
    goals: list[str] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        return progress_of([task.status_code for task in self.tasks])


def progress_of(statuses: list[str]) -> Progress:
    """Done of the tasks that count; a cancelled task neither helps nor hurts."""
    counted = [status for status in statuses if status != PlanTaskStatus.CANCELLED]
    return Progress(done=counted.count(PlanTaskStatus.DONE), counted=len(counted))


def _membership_with_pair(queryset: QuerySet[PairMentee]) -> QuerySet[PairMentee]:
    return queryset.select_related(
        "mentee", "pair__mentor", "pair__programme__organisation", "pair__programme__form"
    )


def plan_sheet(membership: PairMentee, *, today: datetime.date | None = None) -> PlanSheet:
    """The plan of the membership as plain values; empty goals and tasks if none is kept yet.

    `membership` should come with its pair, mentor, programme, organisation and form
    (`plan_membership`): then this reads the plan and its tasks in two queries.
    """
    today = today or timezone.localdate()
    plan = DevelopmentPlan.objects.filter(membership=membership).first()
    tasks = list(plan.tasks.order_by("deadline", "pk")) if plan else []
    pair = membership.pair
    programme = pair.programme
    return PlanSheet(
        membership_pk=membership.pk,
        plan_pk=plan.pk if plan else None,
        organisation=programme.organisation.full_name,
        programme=programme.title,
        form=str(programme.form) if programme.form_id else "",
        mentor=pair.mentor.full_name,
        mentee=membership.mentee.full_name,
        group=membership.mentee.group,
        starts_on=max(membership.joined_on, pair.start_date),
        ends_on=pair.end_date or programme.end_date,
        pair_status=pair.get_status_display(),
        goals=plan.goal_lines() if plan else [],
        tasks=[
            TaskRow(
                pk=task.pk,
                title=task.title,
                deadline=task.deadline,
                status=task.get_status_display(),
                status_code=task.status,
                completed_on=task.completed_on,
                result=task.result,
                is_overdue=task.status in OPEN_TASK_STATUSES and task.deadline < today,
            )
            for task in tasks
        ],
    )


def plan_membership(queryset: QuerySet[PairMentee], pk: int) -> PairMentee | None:
    """The membership `pk` among `queryset`, with what plan_sheet reads of it."""
    return _membership_with_pair(queryset).filter(pk=pk).first()


def progress_by_membership(memberships: list[int]) -> dict[int, Progress]:
    """{membership pk: progress} for many memberships in one query (the cabinet's cards)."""
    statuses: dict[int, list[str]] = {pk: [] for pk in memberships}
    rows = PlanTask.objects.filter(plan__membership__in=memberships).values_list(
        "plan__membership_id", "status"
    )
    for membership_pk, status in rows:
        statuses[membership_pk].append(status)
    return {pk: progress_of(found) for pk, found in statuses.items()}
