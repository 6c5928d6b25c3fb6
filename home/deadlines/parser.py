"""The entry point: recognise a phrase, most specific forms first, and date it in the period."""

import re
from datetime import date, timedelta

from home.deadlines.kinds import (
    Deadline,
    DeadlineKind,
    Period,
    Recurrence,
    on_demand,
    recognised,
    unparsed,
)
from home.deadlines.reading import read
from home.deadlines.recurrence import read_list, recurring, several, split_recurrence
from home.deadlines.spans import place
from home.deadlines.spelling import (
    DATE_WORDS,
    EDGE_PUNCTUATION,
    ORDINAL,
    ORDINAL_ENDING,
    ORDINALS,
    normalise,
)

_WHOLE_PERIOD = re.compile(
    r"постоянно"
    r"|(?:в течение|на протяжении) (?:всего )?(?:учебного |уч\. ?|календарного )?года"
    # An event plan's own span: its month, its themed month («месячник»), week or decade.
    r"|(?:в течение|в ходе) (?:проведения )?(?:месяца|месячника|недели|декады)"
    r"|(?:в течение|на протяжении) (?:всего )?(?:периода|срока)\b.*"
    r"|весь период\b.*"
    r"|в соответствии со сроками реализации\b.*"
)
# «по запросу», «по мере необходимости»: no date, unless the rest of the phrase gives one.
_ON_DEMAND = re.compile(
    r"(?:по (?:мере )?необходимости|(?:при|в случае) необходимости"
    r"|по (?:запросу|запросам|заявке|заявкам|требованию|потребности)"
    r"|по мере (?:поступления|возникновения|появления)|при (?:наличии|поступлении))\b"
    r"(?P<rest>.*)"
)


def parse_deadline(text: str, *, period_start: date, period_end: date) -> Deadline:
    """Read a roadmap deadline phrase, placing year-less phrases inside the roadmap period.

    Any string is accepted: a phrase that cannot be read, or that names an impossible
    date («31.02.2023»), comes back as ``DeadlineKind.UNPARSED`` with its text kept.
    A period that ends before it starts is a caller's mistake and raises ``ValueError``.
    """
    if period_end < period_start:
        raise ValueError(f"Roadmap period ends ({period_end}) before it starts ({period_start}).")
    try:
        deadline = _interpret(text, (period_start, period_end))
    except ValueError:
        # Raised for dates that cannot exist and spans that end before they start.
        deadline = None
    return deadline or unparsed(text)


def _interpret(text: str, period: Period) -> Deadline | None:
    """Recognise the phrase, most specific forms first; ``None`` when it is not understood.

    «По запросу» and its like make a phrase a deadline without dates, unless what
    follows them is a deadline of its own («при необходимости в течение года»).
    Whatever follows that names no date is commentary («по запросу педагогов»).
    """
    phrase = normalise(text)
    match = _ON_DEMAND.fullmatch(phrase)
    if match is None:
        return _interpret_dated(text, phrase, period)
    rest = match["rest"].strip(EDGE_PUNCTUATION)
    if rest and (deadline := _interpret_dated(text, rest, period)) is not None:
        return deadline
    return None if DATE_WORDS.search(rest) else on_demand(text)


# «1 неделя», «2-я неделя»: a week counted from the start of the plan's period.
_WEEK_OF_PERIOD = re.compile(rf"(?P<week>{ORDINAL}){ORDINAL_ENDING} недел[а-я]*")


def _week_of_period(match: re.Match[str], period: Period) -> Period:
    start = period[0] + timedelta(days=7 * (ORDINALS[match["week"]] - 1))
    if start > period[1]:
        raise ValueError(f"Week {match['week']} is past the period {period}")
    return start, min(start + timedelta(days=6), period[1])


def _covers_whole_period(phrase: str) -> bool:
    """«постоянно», or a list with it: «сентябрь, в течение года», «постоянно (2013-2015)»."""
    parts = phrase.split(", ")
    if not any(_WHOLE_PERIOD.fullmatch(part) for part in parts):
        return False
    return all(_WHOLE_PERIOD.fullmatch(part) or read(part) is not None for part in parts)


def _interpret_dated(text: str, phrase: str, period: Period) -> Deadline | None:
    if _covers_whole_period(phrase):
        return recognised(text, DeadlineKind.WHOLE_PERIOD, Recurrence.NONE, (period,))
    if match := _WEEK_OF_PERIOD.fullmatch(phrase):
        dates = _week_of_period(match, period)
        return recognised(text, DeadlineKind.PERIOD, Recurrence.NONE, (dates,))
    repetition = split_recurrence(phrase)
    if repetition is None:
        return None
    if repetition.recurrence is not Recurrence.NONE:
        return recurring(text, repetition, period)
    if (reading := read(phrase)) is not None:
        start, end = place(reading.span, period)
        if reading.kind is DeadlineKind.BY_DATE:
            start = min(period[0], end)
        return recognised(text, reading.kind, Recurrence.NONE, ((start, end),))
    readings = read_list(phrase)
    if readings is not None and len(readings) > 1:
        return several(text, readings, period)
    return None
