"""What a parsed deadline is: its kind, how it recurs and the dates it stands for."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

Period = tuple[date, date]


class DeadlineKind(models.TextChoices):
    DATE = "date", _("Exact date")
    BY_DATE = "by_date", _("By a date")
    MONTH = "month", _("Month")
    PERIOD = "period", _("Period")
    SEVERAL = "several", _("Several times")
    RECURRING = "recurring", _("Recurring")
    WHOLE_PERIOD = "whole_period", _("Whole roadmap period")
    # «по запросу», «по мере необходимости»: recognised, but there is no date to keep.
    ON_DEMAND = "on_demand", _("On request / as needed")
    UNPARSED = "unparsed", _("Not recognised")


class Recurrence(models.TextChoices):
    NONE = "", _("Once")
    YEARLY = "yearly", _("Every year")
    HALF_YEARLY = "half_yearly", _("Every half-year")
    QUARTERLY = "quarterly", _("Every quarter")
    TERMLY = "termly", _("Every school term")
    MONTHLY = "monthly", _("Every month")
    WEEKLY = "weekly", _("Every week")


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase together with the dates it stands for.

    ``start`` and ``end`` cover the whole span (all occurrences of a recurring
    deadline); they are ``None`` when the phrase was not recognised and when it was
    recognised as having no date at all (``DeadlineKind.ON_DEMAND``).
    """

    text: str
    kind: DeadlineKind
    start: date | None
    end: date | None
    recurrence: Recurrence
    occurrences: tuple[Period, ...]

    @property
    def is_parsed(self) -> bool:
        return self.kind != DeadlineKind.UNPARSED

    def next_occurrence(self, today: date) -> Period | None:
        """Return the first occurrence that is not over yet, for reminders and "upcoming" lists."""
        return next((occurrence for occurrence in self.occurrences if occurrence[1] >= today), None)


def unparsed(text: str) -> Deadline:
    return Deadline(text, DeadlineKind.UNPARSED, None, None, Recurrence.NONE, ())


def on_demand(text: str) -> Deadline:
    return Deadline(text, DeadlineKind.ON_DEMAND, None, None, Recurrence.NONE, ())


def recognised(
    text: str, kind: DeadlineKind, recurrence: Recurrence, occurrences: tuple[Period, ...]
) -> Deadline:
    """Assemble a recognised deadline, refusing spans that end before they start."""
    if any(first > last for first, last in occurrences):
        raise ValueError(f"Deadline ends before it starts: {text!r}")
    return Deadline(text, kind, occurrences[0][0], occurrences[-1][1], recurrence, occurrences)
