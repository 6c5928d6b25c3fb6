"""Writing individual development plans: the goals and the tasks, each change with its history.

A plan is written by the curator (in the admin) or by the pair's mentor (in the cabinet). The
mentor's edits pass `mentor=`: the service then checks, whatever the caller checked before,
that they mentor this pair, that the pair is approved or active and that the mentee is still
in it. A curator's edits have no such limit: a curator records the results of a finished pair
too. A plan record appears with its first goal or task (`plan_for`), so opening a plan never
writes anything.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from programmes.models import (
    DevelopmentPlan,
    PairMentee,
    PairStatus,
    Participant,
    PlanTask,
)
from programmes.models.history import attribute_change

# Statuses of a pair whose mentor keeps the plan in the cabinet.
MENTOR_EDITS_IN = (PairStatus.APPROVED, PairStatus.ACTIVE)

NOT_THE_MENTOR = "not_the_mentor"
PLAN_CLOSED = "plan_closed"


def mentor_edit_error(*, membership: PairMentee, mentor: Participant) -> ValidationError | None:
    """Why `mentor` may not change this mentee's plan, or None if they may."""
    pair = membership.pair
    if pair.mentor_id != mentor.pk:
        return ValidationError(
            _("Only the mentor of the pair can change the mentee's plan."), code=NOT_THE_MENTOR
        )
    if pair.status not in MENTOR_EDITS_IN or membership.left_on is not None:
        return ValidationError(
            _(
                "The plan can be changed while the pair is approved or active and the mentee is in it."
            ),
            code=PLAN_CLOSED,
        )
    return None


def _check_mentor(membership: PairMentee, mentor: Participant | None) -> None:
    if mentor is None:
        return
    error = mentor_edit_error(membership=membership, mentor=mentor)
    if error is not None:
        raise error


def plan_for(
    *, membership: PairMentee, user: AbstractBaseUser | None, reason: str | None = None
) -> DevelopmentPlan:
    """The mentee's plan in this pair, created empty if it does not exist yet."""
    plan = DevelopmentPlan.objects.filter(membership=membership).first()
    if plan is not None:
        return plan
    plan = DevelopmentPlan(membership=membership)
    plan.full_clean()
    attribute_change(plan, user=user, reason=reason)
    plan.save()
    return plan


def plan_goals_save(
    *,
    membership: PairMentee,
    goals: str,
    user: AbstractBaseUser | None,
    reason: str | None,
    mentor: Participant | None = None,
) -> DevelopmentPlan:
    """Set the goals of the mentee's plan (one a line); the plan is created if needed."""
    cleaned = "\n".join(line.rstrip() for line in goals.strip().splitlines())
    with transaction.atomic():
        _check_mentor(membership, mentor)
        plan = DevelopmentPlan.objects.filter(membership=membership).first()
        if plan is None:
            plan = DevelopmentPlan(membership=membership)
        elif plan.goals == cleaned:
            return plan
        plan.goals = cleaned
        plan.full_clean()
        attribute_change(plan, user=user, reason=reason)
        plan.save()
    return plan


def plan_task_save(
    *,
    task: PlanTask,
    membership: PairMentee | None = None,
    user: AbstractBaseUser | None,
    reason: str | None,
    mentor: Participant | None = None,
) -> PlanTask:
    """Save a new or changed task. A new one names the mentee's `membership` (its plan is
    created if needed) or comes with `task.plan` set; a task never moves to another plan."""
    with transaction.atomic():
        if task.pk is None and task.plan_id is None:
            if membership is None:
                raise ValidationError({"plan": _("Choose the plan the task belongs to.")})
            _check_mentor(membership, mentor)
            task.plan = plan_for(membership=membership, user=user, reason=reason)
        else:
            if task.pk is not None:
                stored = PlanTask.objects.filter(pk=task.pk).values_list("plan_id", flat=True)
                if stored.first() not in (None, task.plan_id):
                    raise ValidationError(
                        {"plan": _("A task cannot be moved to another mentee's plan.")}
                    )
            _check_mentor(task.plan.membership, mentor)
        task.title = task.title.strip()
        task.result = task.result.strip()
        task.full_clean()
        attribute_change(task, user=user, reason=reason)
        task.save()
    return task
