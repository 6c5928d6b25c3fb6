"""Read a one-off deadline phrase into a span: a date, a month, a term, a range of them.

Readers try the most specific shapes first and return ``None`` for what they do
not understand; the years are chosen later, against the roadmap period.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from home.deadlines import school_calendar
from home.deadlines.kinds import DeadlineKind
from home.deadlines.spans import Edge, Span
from home.deadlines.spelling import (
    ANY_SCHOOL_YEAR,
    BLOCK_MONTHS,
    BLOCK_UNIT,
    FILLER,
    MONTH,
    MONTHS,
    ORDINAL,
    ORDINAL_ENDING,
    ORDINALS,
    SCHOOL_YEAR,
    full_year,
    school_years,
)


@dataclass(frozen=True)
class Reading:
    """What a phrase was read as, before the roadmap period fixes the missing years."""

    kind: DeadlineKind
    span: Span


def _day(match: re.Match[str]) -> Reading:
    month = match["month"]
    edge = Edge(
        int(month) if month.isdigit() else MONTHS[month],
        int(match["day"]),
        full_year(match["year"]),
    )
    return Reading(DeadlineKind.DATE, Span(edge, edge))


def _month(match: re.Match[str]) -> Reading:
    month = MONTHS[match["month"]]
    return Reading(DeadlineKind.MONTH, Span.of_months(month, month, full_year(match["year"])))


def _run(match: re.Match[str]) -> tuple[int, int]:
    """The first and last number of «II», «1-3», «первая-вторая»."""
    first = ORDINALS[match["first"]]
    return first, ORDINALS[match["last"]] if match["last"] else first


def _blocks(match: re.Match[str]) -> Reading:
    """Read quarters and half-years, alone («I квартал») or as a run («I–IV квартал»)."""
    size = BLOCK_MONTHS[match["unit"]]
    first, last = _run(match)
    if not first <= last <= 12 // size:
        raise ValueError(f"No such {match['unit']} run: {match[0]!r}")
    span = Span.of_months((first - 1) * size + 1, last * size, full_year(match["year"]))
    return Reading(DeadlineKind.PERIOD, span)


def _school_halves(match: re.Match[str]) -> Reading:
    """Read «второе полугодие 2024–2025 учебного года»: halves of a school year, not of a year."""
    first, last = _run(match)
    years = school_years(match)
    span = school_calendar.school_half_span(first, last, school_year=years and years[0])
    return Reading(DeadlineKind.PERIOD, span)


def _terms(match: re.Match[str]) -> Reading:
    """Read «3-я четверть», «I–II четверти 2024/2025 уч. года», «IV четверть 2025»."""
    first, last = _run(match)
    years = school_years(match)
    span = school_calendar.term_span(
        first, last, school_year=years and years[0], year=full_year(match["year"])
    )
    return Reading(DeadlineKind.PERIOD, span)


def _week(match: re.Match[str]) -> Reading:
    """Read «первая неделя сентября», «последняя неделя мая 2024»."""
    week = school_calendar.LAST_WEEK if match["week"] == "последн" else ORDINALS[match["week"]]
    span = school_calendar.week_span(week, MONTHS[match["month"]], full_year(match["year"]))
    return Reading(DeadlineKind.PERIOD, span)


def _decade(match: re.Match[str]) -> Reading:
    """Read «1 декада сентября»: days 1–10, 11–20, or 21 to the month's end."""
    number, month = ORDINALS[match["decade"]], MONTHS[match["month"]]
    year = full_year(match["year"])
    last = Edge(month, 10 * number, year) if number < 3 else Edge(month, None, year)
    return Reading(DeadlineKind.PERIOD, Span(Edge(month, 10 * number - 9, year), last))


def _school_year(match: re.Match[str]) -> Reading:
    first, last = school_years(match)
    return Reading(DeadlineKind.PERIOD, school_calendar.school_year_span(first, last))


def _year(match: re.Match[str]) -> Reading:
    return Reading(DeadlineKind.PERIOD, Span.of_months(1, 12, int(match["year"])))


_YEAR = r"(?P<year>\d{4})"
_RUN = rf"(?P<first>{ORDINAL}){ORDINAL_ENDING}(?:-(?P<last>{ORDINAL}){ORDINAL_ENDING})?"
_POINTS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Reading]], ...] = (
    (re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?:\.(?P<year>\d{4}|\d{2}))?"), _day),
    (re.compile(rf"(?P<day>\d{{1,2}}) (?P<month>{MONTH})(?: {_YEAR})?"), _day),
    (re.compile(rf"(?P<month>{MONTH})(?: {_YEAR})?"), _month),
    (
        re.compile(rf"{_RUN} полугоди[а-я]* (?:{SCHOOL_YEAR}|{ANY_SCHOOL_YEAR})"),
        _school_halves,
    ),
    (re.compile(rf"{_RUN} (?P<unit>{BLOCK_UNIT})[а-я]*(?: {_YEAR})?"), _blocks),
    (
        re.compile(rf"{_RUN} четверт[а-я]*(?: {SCHOOL_YEAR}| {ANY_SCHOOL_YEAR}| {_YEAR})?"),
        _terms,
    ),
    (
        re.compile(
            rf"(?P<week>{ORDINAL}|последн){ORDINAL_ENDING} недел[а-я]* (?P<month>{MONTH})"
            rf"(?: {_YEAR})?"
        ),
        _week,
    ),
    (
        re.compile(
            rf"(?P<decade>[123]|перв|втор|трет){ORDINAL_ENDING} декад[а-я]* (?P<month>{MONTH})"
            rf"(?: {_YEAR})?"
        ),
        _decade,
    ),
    (re.compile(SCHOOL_YEAR), _school_year),
    (re.compile(_YEAR), _year),
)
# «с 01.09 по 31.05», «с 25.04-7.05», «с 4.09-по 20.09».
_FROM_TO = re.compile(r"с (?P<first>.+?)(?: (?:по|до) |-(?:по |до )?)(?P<last>.+)")
_BY = re.compile(r"(?:до|по|не позднее|не позже|к) (?P<point>.+)")
# «конец мая», «до конца 2023»: the end of a span is its own end; «начало» and «середина»
# only narrow a month, whose dates then stand for the part of it that is meant.
_END_OF = re.compile(r"(?:конец|конце|конца) (?P<point>.+)")
_PART_OF_MONTH = re.compile(rf"(?:начал[оае]|середин[аеы]) (?P<point>{MONTH}(?: {_YEAR})?)")


def _read_exact_point(text: str) -> Reading | None:
    for pattern, build in _POINTS:
        if match := pattern.fullmatch(text):
            return build(match)
    return None


def read_point(text: str) -> Reading | None:
    """Read a single date, week, month, term, quarter, half-year, school year or year."""
    match = _END_OF.fullmatch(text) or _PART_OF_MONTH.fullmatch(text)
    return _read_exact_point(match["point"] if match else text)


NUMBER = re.compile(rf"(?:\d{{1,2}}|{ORDINAL}){ORDINAL_ENDING}")
NUMBER_AND_UNIT = re.compile(rf"(?:\d{{1,2}}|{ORDINAL}){ORDINAL_ENDING} (?P<unit>.+)")


def share_unit(parts: list[str]) -> list[str]:
    """Give bare numbers the unit of the last part: «с 1 по 15 сентября», «I, III четверть»."""
    if shared := NUMBER_AND_UNIT.fullmatch(parts[-1]):
        return [f"{part} {shared['unit']}" if NUMBER.fullmatch(part) else part for part in parts]
    return parts


def _read_between(first_text: str, last_text: str) -> Reading | None:
    first_text, last_text = share_unit([first_text, last_text])
    first, last = read_point(first_text), read_point(last_text)
    if first is None or last is None:
        return None
    return Reading(DeadlineKind.PERIOD, Span(first.span.first, last.span.last))


def _cuts(text: str) -> Iterator[tuple[str, str]]:
    """Every way to cut the text in two at a dash or a space, where a range may be split."""
    for separator in ("-", " "):
        parts = text.split(separator)
        for index in range(1, len(parts)):
            yield separator.join(parts[:index]), separator.join(parts[index:])


def _read_range(text: str) -> Reading | None:
    """Read two points one after the other: «январь – июнь 2023», «февраль апрель»."""
    for first_text, last_text in _cuts(text):
        if (reading := _read_between(first_text, last_text)) is not None:
            return reading
    return None


def _read_from_to(text: str) -> Reading | None:
    """Read «с 01.09.2023 по 31.05.2024»."""
    match = _FROM_TO.fullmatch(text)
    return _read_between(match["first"], match["last"]) if match else None


def _read_by(text: str) -> Reading | None:
    """Read «до 28.02.23», «не позднее 30.12.2023»; the span is the date named."""
    match = _BY.fullmatch(text)
    reading = read_point(match["point"]) if match else None
    return Reading(DeadlineKind.BY_DATE, reading.span) if reading else None


def read(text: str) -> Reading | None:
    """Read a one-off deadline, after dropping a leading «в», «в течение» or «в период»."""
    text = FILLER.sub("", text, count=1)
    for reader in (_read_from_to, _read_by, read_point, _read_range):
        if (reading := reader(text)) is not None:
            return reading
    return None
