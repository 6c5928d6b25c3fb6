"""Stretches of the calendar whose years may still have to be chosen, and how they are dated.

A phrase such as «сентябрь – май» names months but no year; the roadmap period
decides which year is meant, and recurring deadlines repeat a span over it.
"""

import calendar
from dataclasses import dataclass, replace
from datetime import date

from home.deadlines.kinds import Period


@dataclass(frozen=True)
class Edge:
    """One end of a span as written: the day may be missing (a whole month), so may the year."""

    month: int
    day: int | None = None
    year: int | None = None

    def first_day(self, year: int) -> date:
        return date(year, self.month, self.day or 1)

    def last_day(self, year: int) -> date:
        return date(year, self.month, self.day or calendar.monthrange(year, self.month)[1])


@dataclass(frozen=True)
class Span:
    """A stretch of the calendar whose years may still have to be chosen."""

    first: Edge
    last: Edge

    @classmethod
    def of_months(cls, first: int, last: int, year: int | None = None) -> "Span":
        return cls(Edge(first, year=year), Edge(last, year=year))

    @property
    def wraps(self) -> bool:
        """Whether the span runs into the next year («сентябрь – май»)."""
        return (self.last.month, self.last.day or 31) < (self.first.month, self.first.day or 1)

    def without_years(self) -> "Span":
        return Span(replace(self.first, year=None), replace(self.last, year=None))

    def dates(self, year: int) -> Period:
        """Date the span, using ``year`` for the first edge only when no year was written."""
        wrap = int(self.wraps)
        if self.first.year is not None:
            first_year = self.first.year
        elif self.last.year is not None:
            first_year = self.last.year - wrap
        else:
            first_year = year
        last_year = self.last.year if self.last.year is not None else first_year + wrap
        return self.first.first_day(first_year), self.last.last_day(last_year)


def place(span: Span, period: Period) -> Period:
    """Date a span, choosing the year for the parts written without one.

    A year-less phrase means the first time it comes round within the roadmap, so
    the first year whose dates start inside the period wins; when none does (a
    period shorter than a year), the period's first year is used. Spans with all
    years written come back the same whatever year is tried.
    """
    period_start, period_end = period
    for year in range(period_start.year, period_end.year + 1):
        dates = span.dates(year)
        if period_start <= dates[0] <= period_end:
            return dates
    return span.dates(period_start.year)


def overlaps(dates: Period, period: Period) -> bool:
    return dates[0] <= period[1] and dates[1] >= period[0]


def month_block(index: int, months: int) -> Period:
    """Dates of ``months`` months starting at ``index``, counted in months since year 0."""
    first_year, first_month = divmod(index, 12)
    last_year, last_month = divmod(index + months - 1, 12)
    return Edge(first_month + 1).first_day(first_year), Edge(last_month + 1).last_day(last_year)


def calendar_blocks(period: Period, months: int) -> tuple[Period, ...]:
    """Every calendar month, quarter or year (``months`` long) touching the period, unclipped."""
    period_start, period_end = period
    index = (period_start.year * 12 + period_start.month - 1) // months * months
    blocks = []
    while (block := month_block(index, months))[0] <= period_end:
        blocks.append(block)
        index += months
    return tuple(blocks)


def yearly(template: Span, period: Period) -> tuple[Period, ...]:
    """Every yearly occurrence of ``template`` touching the period.

    The year before the period is tried too, for spans that wrap into the next
    year. A deadline that never falls inside a short period still gets its next
    occurrence, so that a recognised phrase always has dates.
    """
    candidates = (template.dates(year) for year in range(period[0].year - 1, period[1].year + 1))
    occurrences = tuple(dates for dates in candidates if overlaps(dates, period))
    return occurrences or (place(template, period),)
