"""Recurring deadlines: «ежегодно», «ежеквартально», «ежемесячно» and the dates they repeat."""

import re

from home.deadlines.kinds import Deadline, DeadlineKind, Period, Recurrence, recognised
from home.deadlines.reading import read
from home.deadlines.spans import calendar_blocks, yearly
from home.deadlines.spelling import DATE_WORDS, EDGE_PUNCTUATION

_RECURRENCE_WORDS = {
    "ежегодно": Recurrence.YEARLY,
    "ежеквартально": Recurrence.QUARTERLY,
    "ежемесячно": Recurrence.MONTHLY,
}
_RECURRENCE = re.compile(r"\b(?:" + "|".join(_RECURRENCE_WORDS) + r")\b")
_RECURRENCE_MONTHS = {Recurrence.YEARLY: 12, Recurrence.QUARTERLY: 3, Recurrence.MONTHLY: 1}


def split_recurrence(phrase: str) -> tuple[Recurrence, str] | None:
    """Separate «ежегодно»-like words from the rest; ``None`` when they contradict each other."""
    words = set(_RECURRENCE.findall(phrase))
    if len(words) > 1:
        return None
    recurrence = _RECURRENCE_WORDS[words.pop()] if words else Recurrence.NONE
    rest = " ".join(_RECURRENCE.sub(" ", phrase).split()).strip(EDGE_PUNCTUATION)
    return recurrence, rest


def recurring(text: str, recurrence: Recurrence, rest: str, period: Period) -> Deadline | None:
    """Build a recurring deadline; a rest that names no date is taken as commentary.

    Only yearly deadlines can carry a date («20 декабря ежегодно»): a quarterly or
    monthly phrase with one («ежемесячно до 5 числа») is too ambiguous to guess.
    """
    if not DATE_WORDS.search(rest):
        occurrences = calendar_blocks(period, _RECURRENCE_MONTHS[recurrence])
    elif recurrence is Recurrence.YEARLY and (reading := read(rest)) is not None:
        occurrences = yearly(reading.span.without_years(), period)
    else:
        return None
    return recognised(text, DeadlineKind.RECURRING, recurrence, occurrences)
