"""Deadlines that come round more than once: «ежегодно», «2 раза в год (декабрь, май)», «октябрь, март».

A phrase repeats by a word («ежегодно», «ежеквартально», «еженедельно»), by a
count per unit («1 раз в четверть», «не реже 2 раз в год») or by listing its
occurrences («октябрь, январь, май»). A repeating phrase that names no date
covers every calendar unit of the roadmap period; one that does name dates is
read only when it repeats yearly: «ежемесячно до 5 числа» is too ambiguous to guess.
"""

import re
from dataclasses import dataclass
from datetime import date

from home.deadlines.kinds import Deadline, DeadlineKind, Period, Recurrence, recognised
from home.deadlines.reading import Reading, read, share_unit
from home.deadlines.school_calendar import terms_touching, weeks_touching
from home.deadlines.spans import Span, calendar_blocks, place, yearly
from home.deadlines.spelling import COMMAS, DATE_WORDS, EDGE_PUNCTUATION

_WORDS = {
    "ежегодно": Recurrence.YEARLY,
    "ежеполугодно": Recurrence.HALF_YEARLY,
    "ежеквартально": Recurrence.QUARTERLY,
    "ежечетвертно": Recurrence.TERMLY,
    "ежемесячно": Recurrence.MONTHLY,
    "еженедельно": Recurrence.WEEKLY,
}
_UNITS = {
    "год": Recurrence.YEARLY,
    "полугодие": Recurrence.HALF_YEARLY,
    "квартал": Recurrence.QUARTERLY,
    "четверть": Recurrence.TERMLY,
    # Schools on trimesters: a term of the school year, as near as the calendar knows.
    "триместр": Recurrence.TERMLY,
    "месяц": Recurrence.MONTHLY,
    "неделю": Recurrence.WEEKLY,
}
_COUNTS = {"один": 1, "одного": 1, "два": 2, "две": 2, "три": 3, "четыре": 4}
_COUNTS.update({"дважды": 2, "трижды": 3})
_UNIT = r"в (?P<unit>" + "|".join(_UNITS) + r")\b"
_PATTERNS = (
    re.compile(r"\b(?P<word>" + "|".join(_WORDS) + r")\b"),
    re.compile(r"\bкажд(?:ый|ое|ую) (?P<unit>" + "|".join(_UNITS) + r")\b"),
    re.compile(
        r"\b(?:не (?:реже|менее) )?(?:(?P<count>\d+|" + "|".join(_COUNTS) + r") )?раза? " + _UNIT
    ),
    re.compile(r"\b(?P<count>дважды|трижды) " + _UNIT),
    re.compile(
        r"\bкажд(?:ый|ую|ое) (?P<weekday>понедельник|вторник|среду|четверг|пятницу|субботу)\b"
    ),
)
_BLOCK_MONTHS = {
    Recurrence.YEARLY: 12,
    Recurrence.HALF_YEARLY: 6,
    Recurrence.QUARTERLY: 3,
    Recurrence.MONTHLY: 1,
}
_LIST_SEPARATOR = re.compile(r", |; | и ")


@dataclass(frozen=True)
class Repetition:
    """How often a phrase repeats, how many times per unit if it says, and what else it says."""

    recurrence: Recurrence
    count: int | None
    rest: str


def _found(match: re.Match[str]) -> tuple[Recurrence, int | None]:
    groups = match.groupdict()
    if groups.get("weekday"):
        return Recurrence.WEEKLY, None
    recurrence = _WORDS[groups["word"]] if groups.get("word") else _UNITS[groups["unit"]]
    count = groups.get("count")
    if count is None:
        return recurrence, None
    return recurrence, int(count) if count.isdigit() else _COUNTS[count]


def split_recurrence(phrase: str) -> Repetition | None:
    """Separate «ежегодно»-like words from the rest; ``None`` when they contradict each other."""
    found = []
    rest = phrase
    for pattern in _PATTERNS:
        found.extend(_found(match) for match in pattern.finditer(rest))
        rest = pattern.sub(" ", rest)
    recurrences = {recurrence for recurrence, _count in found}
    counts = {count for _recurrence, count in found if count is not None}
    if len(recurrences) > 1 or len(counts) > 1 or 0 in counts:
        return None
    rest = COMMAS.sub(", ", " ".join(rest.split())).strip(EDGE_PUNCTUATION)
    recurrence = recurrences.pop() if recurrences else Recurrence.NONE
    return Repetition(recurrence, counts.pop() if counts else None, rest)


def read_list(text: str) -> list[Reading] | None:
    """Read «октябрь, март», «в декабре и в мае»: every part must be a deadline of its own.

    Numbers before the last part share its unit: «I, III четверть», «10, 20 мая».
    """
    readings = [read(part) for part in share_unit(_LIST_SEPARATOR.split(text))]
    return None if None in readings else readings


def _every(recurrence: Recurrence, period: Period) -> tuple[Period, ...]:
    if recurrence is Recurrence.TERMLY:
        return terms_touching(period)
    if recurrence is Recurrence.WEEKLY:
        return weeks_touching(period)
    return calendar_blocks(period, _BLOCK_MONTHS[recurrence])


def recurring(text: str, repetition: Repetition, period: Period) -> Deadline | None:
    """Build a recurring deadline; a rest that names no date is taken as commentary.

    Only yearly deadlines can carry dates («20 декабря ежегодно», «2 раза в год
    (декабрь, май)»), and a count must match the dates listed.
    """
    recurrence, rest = repetition.recurrence, repetition.rest
    if not DATE_WORDS.search(rest):
        occurrences = _every(recurrence, period)
    elif recurrence is Recurrence.YEARLY and (readings := read_list(rest)) is not None:
        if repetition.count not in (None, len(readings)):
            return None
        every_year = (yearly(reading.span.without_years(), period) for reading in readings)
        occurrences = tuple(sorted({dates for dates in every_year for dates in dates}))
    else:
        return None
    return recognised(text, DeadlineKind.RECURRING, recurrence, occurrences)


def _next_after(span: Span, previous: date) -> Period:
    """The first dates of ``span`` starting after ``previous``: the next item of a list."""
    for year in (previous.year, previous.year + 1):
        dates = span.dates(year)
        if dates[0] > previous:
            return dates
    return dates


def several(text: str, readings: list[Reading], period: Period) -> Deadline:
    """A deadline listed as several dates or months, in the order written («октябрь, март»).

    The first is placed like any year-less phrase, each next one follows the one
    before. Should the list so run past the roadmap period, the author did not
    write it in calendar order, and each item is placed on its own instead.
    """
    occurrences = [place(readings[0].span, period)]
    for reading in readings[1:]:
        occurrences.append(_next_after(reading.span, occurrences[-1][0]))
    if any(start > period[1] for start, _end in occurrences):
        occurrences = [place(reading.span, period) for reading in readings]
    return recognised(text, DeadlineKind.SEVERAL, Recurrence.NONE, tuple(sorted(occurrences)))
