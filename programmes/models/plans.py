"""The individual development plan (ИПР) of a mentee in a pair or group, and its tasks.

A plan is individual («индивидуальный план развития наставляемого»): a group of three has
three plans, one per mentee, so it hangs on the mentee's membership of the pair (PairMentee),
not on the pair. Its goals are lines of text, one goal a line, as a school writes them; its
tasks are records of their own, each with a deadline, a status and a result, so that progress
can be counted and every change of a task has its own history row (who, when, why).

Pair.development_plan was one free text; migration 0015 moved it, whole, into the goals of
the plan of every mentee of the pair.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from portal.grammar import F, M, Noun
from programmes.models.history import TrackedHistory
from programmes.models.pairs import PairMentee
from programmes.models.past_dates import future_date_errors
from programmes.models.records import ProgrammeRecord


class DevelopmentPlan(ProgrammeRecord):
    """One mentee's plan in one pair or group: the goals, and the tasks (PlanTask)."""

    organisation_path = "membership__pair__programme__organisation"

    membership = models.OneToOneField(
        PairMentee,
        verbose_name=_("mentee of a pair"),
        on_delete=models.CASCADE,
        related_name="plan",
    )
    goals = models.TextField(
        _("goals"),
        blank=True,
        help_text=_("One goal per line: what the mentee should reach by the end of the pair."),
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "индивидуальный план развития",
        "индивидуального плана развития",
        "индивидуальный план развития",
        "индивидуальные планы развития",
        "индивидуальных планов развития",
        M,
    )

    class Meta:
        verbose_name = _("individual development plan")
        verbose_name_plural = _("individual development plans")
        ordering = ["pk"]

    def __str__(self):
        if not self.membership_id:
            return "—"
        return f"{self.membership.mentee} — {self.membership.pair}"

    @admin.display(description=_("tasks"))
    def tasks_summary(self) -> str:
        """Each task with its deadline and status, for the inspect page."""
        return "; ".join(
            f"{task.title} — {task.deadline:%d.%m.%Y} — {task.get_status_display()}"
            for task in self.tasks.order_by("deadline", "pk")
        )

    @admin.display(description=_("tasks done"))
    def progress_summary(self) -> str:
        statuses = list(self.tasks.values_list("status", flat=True))
        counted = [status for status in statuses if status != PlanTaskStatus.CANCELLED]
        done = counted.count(PlanTaskStatus.DONE)
        return _("%(done)s of %(counted)s") % {"done": done, "counted": len(counted)}

    def goal_lines(self) -> list[str]:
        """The goals, one a line, without blank lines."""
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class PlanTaskStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("plan task status", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("plan task status", "In progress")
    DONE = "done", pgettext_lazy("plan task status", "Done")
    CANCELLED = "cancelled", pgettext_lazy("plan task status", "Cancelled")


class PlanTask(ProgrammeRecord):
    """A task of a development plan: what, by when, how far it got, and what came of it.

    The deadline may be ahead (it usually is); the day a task was done has happened, so it is
    never after today, and only a done task has one.
    """

    organisation_path = "plan__membership__pair__programme__organisation"

    plan = models.ForeignKey(
        DevelopmentPlan,
        verbose_name=_("individual development plan"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    title = models.CharField(_("task"), max_length=500)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlanTaskStatus.choices,
        default=PlanTaskStatus.PLANNED,
    )
    completed_on = models.DateField(
        _("completed on"),
        null=True,
        blank=True,
        help_text=_("For a done task: the day it was done, today or earlier."),
    )
    result = models.TextField(_("result"), blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "задача плана", "задачи плана", "задачу плана", "задачи планов", "задач планов", F
    )

    class Meta:
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["plan", "deadline"])]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.status == PlanTaskStatus.DONE and not self.completed_on:
            errors["completed_on"] = _("Give the day the task was done.")
        if self.completed_on and self.status != PlanTaskStatus.DONE:
            errors["completed_on"] = _("Only a done task has a completion date.")
        errors.update(future_date_errors(self, ("completed_on",)))
        if self.plan_id and self.deadline:
            start = self.plan.membership.pair.start_date
            if self.deadline < start:
                errors["deadline"] = _(
                    "The deadline cannot be earlier than the start of the pair (%(start)s)."
                ) % {"start": start.strftime("%d.%m.%Y")}
        if self.completed_on and self.plan_id:
            joined = self.plan.membership.joined_on
            if joined and self.completed_on < joined and "completed_on" not in errors:
                errors["completed_on"] = _(
                    "The task cannot be done before the mentee joined the pair (%(joined)s)."
                ) % {"joined": joined.strftime("%d.%m.%Y")}
        if errors:
            raise ValidationError(errors)

    @property
    def is_done(self) -> bool:
        return self.status == PlanTaskStatus.DONE
