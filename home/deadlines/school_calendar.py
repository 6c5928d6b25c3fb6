"""The Russian school calendar: school years, terms («четверти»), their halves, weeks of a month.

Conventions, since schools name these without dates:

- A school year runs from 1 September to 31 August of the next year.
- Terms follow the calendar months schools plan them by: I 01.09–31.10,
  II 01.11–31.12, III 09.01–31.03, IV 01.04–31.05. Exact term dates differ by
  region and year; holidays fall at the end of October, over the New Year (the
  first eight days of January are public holidays, hence III starting on the
  9th) and at the end of March. Ending a term at the end of its last month means
  a term deadline is never shown as overdue while the term may still be running.
- A half of a school year is two terms: I 01.09–31.12, II 09.01–31.05. A bare
  «полугодие» without «учебного года» stays a calendar half-year (January–June,
  July–December), as the roadmap's own calendar is meant.
- The N-th week of a month is its days 7N−6 to 7N; the last week is its last
  seven days. Weeks are counted within the month, not from Mondays, because
  «первая неделя сентября» is read by schools as «1–7 сентября».
"""

import calendar
from datetime import timedelta

from home.deadlines.kinds import Period
from home.deadlines.spans import Edge, Span, overlaps

# (first month, first day), (last month, last day or None for the month's end) of each term.
TERMS = {
    1: ((9, 1), (10, None)),
    2: ((11, 1), (12, None)),
    3: ((1, 9), (3, None)),
    4: ((4, 1), (5, None)),
}
SCHOOL_HALVES = {1: (1, 2), 2: (3, 4)}
# Terms I and II fall in the school year's first calendar year, III and IV in the next.
_YEAR_OFFSET = {1: 0, 2: 0, 3: 1, 4: 1}
LAST_WEEK = 5


def term_span(
    first: int, last: int, *, school_year: int | None = None, year: int | None = None
) -> Span:
    """Terms ``first`` to ``last``: of the school year starting in ``school_year``, in the
    calendar ``year``, or with the years left for the roadmap period to choose."""
    if not 1 <= first <= last <= 4:
        raise ValueError(f"No such run of terms: {first}–{last}")
    (first_month, first_day), _ = TERMS[first]
    _, (last_month, last_day) = TERMS[last]
    if school_year is not None:
        first_year = school_year + _YEAR_OFFSET[first]
        last_year = school_year + _YEAR_OFFSET[last]
    else:
        first_year = last_year = year
    return Span(Edge(first_month, first_day, first_year), Edge(last_month, last_day, last_year))


def school_half_span(first: int, last: int, *, school_year: int | None = None) -> Span:
    """Halves ``first`` to ``last`` of a school year, as the terms they are made of."""
    if not 1 <= first <= last <= 2:
        raise ValueError(f"No such run of school half-years: {first}–{last}")
    return term_span(SCHOOL_HALVES[first][0], SCHOOL_HALVES[last][1], school_year=school_year)


def school_year_span(first: int, last: int) -> Span:
    """From 1 September of ``first`` to 31 August of ``last``."""
    if last <= first:
        raise ValueError(f"A school year ends in a later year: {first}–{last}")
    return Span(Edge(9, year=first), Edge(8, year=last))


def week_span(week: int, month: int, year: int | None = None) -> Span:
    """The ``week``-th week of a month (``LAST_WEEK`` for its last seven days)."""
    if week == LAST_WEEK:
        # Without a year February is taken as 28 days long: its last week starts on the 22nd.
        days = calendar.monthrange(year or 2001, month)[1]
        return Span(Edge(month, days - 6, year), Edge(month, None, year))
    return Span(Edge(month, 7 * week - 6, year), Edge(month, 7 * week, year))


def terms_touching(period: Period) -> tuple[Period, ...]:
    """Every school term touching the period, unclipped, in order.

    A period within the summer holidays touches no term: it gets the next one, so that
    a recognised phrase always has dates.
    """
    school_years = range(period[0].year - 1, period[1].year + 1)
    terms = [term_span(n, n, school_year=year).dates(year) for year in school_years for n in TERMS]
    touching = tuple(dates for dates in terms if overlaps(dates, period))
    return touching or (term_span(1, 1, school_year=period[1].year).dates(period[1].year),)


def weeks_touching(period: Period) -> tuple[Period, ...]:
    """Every week, Monday to Sunday, touching the period."""
    monday = period[0] - timedelta(days=period[0].weekday())
    weeks = []
    while monday <= period[1]:
        weeks.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return tuple(weeks)
