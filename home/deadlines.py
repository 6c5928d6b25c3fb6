"""Turn the Russian deadline phrases of mentoring roadmaps into date periods.

A roadmap («дорожная карта») gives every activity a hand-written deadline such as
«Август 2022 г.», «до 28.02.23», «сентябрь-декабрь ежегодно» or «в течение всего
периода реализации ЦМН». The portal needs real dates to sort, filter and remind,
so ``parse_deadline`` reads such a phrase into a ``Deadline``.

Phrases often leave the year out, which is why the roadmap period is always
required: it decides which year is meant. Whatever cannot be read with confidence
becomes ``DeadlineKind.UNPARSED`` with the original text kept, so nothing an
author wrote is lost and no date is invented.
"""

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

Period = tuple[date, date]


class DeadlineKind(models.TextChoices):
    DATE = "date", _("Exact date")
    BY_DATE = "by_date", _("By a date")
    MONTH = "month", _("Month")
    PERIOD = "period", _("Period")
    RECURRING = "recurring", _("Recurring")
    WHOLE_PERIOD = "whole_period", _("Whole roadmap period")
    UNPARSED = "unparsed", _("Not recognised")


class Recurrence(models.TextChoices):
    NONE = "", _("Once")
    YEARLY = "yearly", _("Every year")
    QUARTERLY = "quarterly", _("Every quarter")
    MONTHLY = "monthly", _("Every month")


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase together with the dates it stands for.

    ``start`` and ``end`` cover the whole span (all occurrences of a recurring
    deadline); they are ``None`` only when the phrase was not recognised.
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
    return deadline or Deadline(text, DeadlineKind.UNPARSED, None, None, Recurrence.NONE, ())


# --- Spelling -------------------------------------------------------------------------------

_DASH = re.compile(r"\s*[-‐‑‒–—―−]\s*")
_YEAR_SUFFIX = re.compile(r"(\d)\s*(?:года|году|год|гг|г)\b\.?")
_EDGE_PUNCTUATION = " ,.;:"
_QUALIFIER = re.compile(r"^(?:при необходимости|по мере необходимости)[ ,]*")
_FILLER = re.compile(r"^(?:в течение|в период|в|во) ")


def _normalise(text: str) -> str:
    """Reduce the many ways authors type one phrase to a single spelling.

    Lower case, «ё» as «е», one plain space for any run of whitespace (non-breaking
    spaces included), every dash variant as a bare "-", and no «г.»/«гг.»/«года»
    after numbers, since the year suffix never changes the meaning.
    """
    text = " ".join(text.lower().replace("ё", "е").split())
    text = _DASH.sub("-", text)
    text = _YEAR_SUFFIX.sub(r"\1", text)
    return text.strip(_EDGE_PUNCTUATION)


_SOFT_ENDINGS = ("ь", "я", "е")
_HARD_ENDINGS = ("", "а", "е")
# Nominative, genitive and prepositional endings: «декабрь», «декабря», «декабре».
_MONTH_SPELLINGS = (
    ("январ", _SOFT_ENDINGS),
    ("феврал", _SOFT_ENDINGS),
    ("март", _HARD_ENDINGS),
    ("апрел", _SOFT_ENDINGS),
    ("ма", ("й", "я", "е")),
    ("июн", _SOFT_ENDINGS),
    ("июл", _SOFT_ENDINGS),
    ("август", _HARD_ENDINGS),
    ("сентябр", _SOFT_ENDINGS),
    ("октябр", _SOFT_ENDINGS),
    ("ноябр", _SOFT_ENDINGS),
    ("декабр", _SOFT_ENDINGS),
)
_MONTHS = {
    stem + ending: number
    for number, (stem, endings) in enumerate(_MONTH_SPELLINGS, start=1)
    for ending in endings
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DATE_WORDS = re.compile(rf"\d|\b{_MONTH}\b")

# Quarters and half-years are numbered in Roman or Arabic numerals or in words
# («первое полугодие»); the endings («-й», «ое», «ом») are matched separately.
_ORDINALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ORDINALS.update({"перв": 1, "втор": 2, "трет": 3, "четверт": 4})
_ORDINAL = "(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + ")"
_ORDINAL_ENDING = r"(?:-?[а-я]+)?"
# «квартал» and «полугодие» split the year into blocks of this many months.
_BLOCK_MONTHS = {"квартал": 3, "полугоди": 6}
_BLOCK_UNIT = "(?:" + "|".join(_BLOCK_MONTHS) + ")"

_WHOLE_PERIOD = re.compile(
    r"постоянно"
    r"|(?:в течение|на протяжении) (?:всего )?(?:учебного )?года"
    r"|(?:в течение|на протяжении) (?:всего )?(?:периода|срока)\b.*"
    r"|весь период\b.*"
    r"|в соответствии со сроками реализации\b.*"
)

_RECURRENCE_WORDS = {
    "ежегодно": Recurrence.YEARLY,
    "ежеквартально": Recurrence.QUARTERLY,
    "ежемесячно": Recurrence.MONTHLY,
}
_RECURRENCE = re.compile(r"\b(?:" + "|".join(_RECURRENCE_WORDS) + r")\b")
_RECURRENCE_MONTHS = {Recurrence.YEARLY: 12, Recurrence.QUARTERLY: 3, Recurrence.MONTHLY: 1}


# --- Spans ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Edge:
    """One end of a span as written: the day may be missing (a whole month), so may the year."""

    month: int
    day: int | None = None
    year: int | None = None

    def first_day(self, year: int) -> date:
        return date(year, self.month, self.day or 1)

    def last_day(self, year: int) -> date:
        return date(year, self.month, self.day or calendar.monthrange(year, self.month)[1])


@dataclass(frozen=True)
class _Span:
    """A stretch of the calendar whose years may still have to be chosen."""

    first: _Edge
    last: _Edge

    @classmethod
    def of_months(cls, first: int, last: int, year: int | None = None) -> "_Span":
        return cls(_Edge(first, year=year), _Edge(last, year=year))

    @property
    def wraps(self) -> bool:
        """Whether the span runs into the next year («сентябрь – май»)."""
        return (self.last.month, self.last.day or 31) < (self.first.month, self.first.day or 1)

    def without_years(self) -> "_Span":
        return _Span(replace(self.first, year=None), replace(self.last, year=None))

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


@dataclass(frozen=True)
class _Reading:
    """What a phrase was read as, before the roadmap period fixes the missing years."""

    kind: DeadlineKind
    span: _Span


def _place(span: _Span, period: Period) -> Period:
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


def _overlaps(dates: Period, period: Period) -> bool:
    return dates[0] <= period[1] and dates[1] >= period[0]


def _month_block(index: int, months: int) -> Period:
    """Dates of ``months`` months starting at ``index``, counted in months since year 0."""
    first_year, first_month = divmod(index, 12)
    last_year, last_month = divmod(index + months - 1, 12)
    return _Edge(first_month + 1).first_day(first_year), _Edge(last_month + 1).last_day(last_year)


def _calendar_blocks(period: Period, months: int) -> tuple[Period, ...]:
    """Every calendar month, quarter or year (``months`` long) touching the period, unclipped."""
    period_start, period_end = period
    index = (period_start.year * 12 + period_start.month - 1) // months * months
    blocks = []
    while (block := _month_block(index, months))[0] <= period_end:
        blocks.append(block)
        index += months
    return tuple(blocks)


def _yearly(template: _Span, period: Period) -> tuple[Period, ...]:
    """Every yearly occurrence of ``template`` touching the period.

    The year before the period is tried too, for spans that wrap into the next
    year. A deadline that never falls inside a short period still gets its next
    occurrence, so that a recognised phrase always has dates.
    """
    candidates = (template.dates(year) for year in range(period[0].year - 1, period[1].year + 1))
    occurrences = tuple(dates for dates in candidates if _overlaps(dates, period))
    return occurrences or (_place(template, period),)


# --- Reading --------------------------------------------------------------------------------


def _full_year(digits: str | None) -> int | None:
    """Expand two-digit years («28.02.23») into this century: roadmaps only ever mean 20xx."""
    if digits is None:
        return None
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _day(match: re.Match[str]) -> _Reading:
    month = match["month"]
    edge = _Edge(
        int(month) if month.isdigit() else _MONTHS[month],
        int(match["day"]),
        _full_year(match["year"]),
    )
    return _Reading(DeadlineKind.DATE, _Span(edge, edge))


def _month(match: re.Match[str]) -> _Reading:
    month = _MONTHS[match["month"]]
    return _Reading(DeadlineKind.MONTH, _Span.of_months(month, month, _full_year(match["year"])))


def _blocks(match: re.Match[str]) -> _Reading:
    """Read quarters and half-years, alone («I квартал») or as a run («I–IV квартал»)."""
    size = _BLOCK_MONTHS[match["unit"]]
    first = _ORDINALS[match["first"]]
    last = _ORDINALS[match["last"]] if match["last"] else first
    if not first <= last <= 12 // size:
        raise ValueError(f"No such {match['unit']} run: {match[0]!r}")
    span = _Span.of_months((first - 1) * size + 1, last * size, _full_year(match["year"]))
    return _Reading(DeadlineKind.PERIOD, span)


def _school_year(match: re.Match[str]) -> _Reading:
    span = _Span(_Edge(9, year=int(match["first"])), _Edge(8, year=int(match["last"])))
    return _Reading(DeadlineKind.PERIOD, span)


def _year(match: re.Match[str]) -> _Reading:
    return _Reading(DeadlineKind.PERIOD, _Span.of_months(1, 12, int(match["year"])))


_YEAR = r"(?P<year>\d{4})"
_POINTS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Reading]], ...] = (
    (re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?:\.(?P<year>\d{4}|\d{2}))?"), _day),
    (re.compile(rf"(?P<day>\d{{1,2}}) (?P<month>{_MONTH})(?: {_YEAR})?"), _day),
    (re.compile(rf"(?P<month>{_MONTH})(?: {_YEAR})?"), _month),
    (
        re.compile(
            rf"(?P<first>{_ORDINAL}){_ORDINAL_ENDING}(?:-(?P<last>{_ORDINAL}){_ORDINAL_ENDING})?"
            rf" (?P<unit>{_BLOCK_UNIT})[а-я]*(?: {_YEAR})?"
        ),
        _blocks,
    ),
    (re.compile(r"(?P<first>\d{4})-(?P<last>\d{4}) учебн[а-я]* год[а-я]*"), _school_year),
    (re.compile(_YEAR), _year),
)
_FROM_TO = re.compile(r"с (?P<first>.+?) (?:по|до) (?P<last>.+)")
_BY = re.compile(r"(?:до|по|не позднее|не позже|к) (?P<point>.+)")


def _read_point(text: str) -> _Reading | None:
    """Read a single date, month, quarter, half-year, school year or year."""
    for pattern, build in _POINTS:
        if match := pattern.fullmatch(text):
            return build(match)
    return None


def _read_between(first_text: str, last_text: str) -> _Reading | None:
    first, last = _read_point(first_text), _read_point(last_text)
    if first is None or last is None:
        return None
    return _Reading(DeadlineKind.PERIOD, _Span(first.span.first, last.span.last))


def _cuts(text: str) -> Iterator[tuple[str, str]]:
    """Every way to cut the text in two at a dash or a space, where a range may be split."""
    for separator in ("-", " "):
        parts = text.split(separator)
        for index in range(1, len(parts)):
            yield separator.join(parts[:index]), separator.join(parts[index:])


def _read_range(text: str) -> _Reading | None:
    """Read two points one after the other: «январь – июнь 2023», «февраль апрель»."""
    for first_text, last_text in _cuts(text):
        if (reading := _read_between(first_text, last_text)) is not None:
            return reading
    return None


def _read_from_to(text: str) -> _Reading | None:
    """Read «с 01.09.2023 по 31.05.2024»."""
    match = _FROM_TO.fullmatch(text)
    return _read_between(match["first"], match["last"]) if match else None


def _read_by(text: str) -> _Reading | None:
    """Read «до 28.02.23», «не позднее 30.12.2023»; the span is the date named."""
    match = _BY.fullmatch(text)
    reading = _read_point(match["point"]) if match else None
    return _Reading(DeadlineKind.BY_DATE, reading.span) if reading else None


def _read(text: str) -> _Reading | None:
    """Read a one-off deadline, after dropping a leading «в», «в течение» or «в период»."""
    text = _FILLER.sub("", text, count=1)
    for reader in (_read_from_to, _read_by, _read_point, _read_range):
        if (reading := reader(text)) is not None:
            return reading
    return None


def _split_recurrence(phrase: str) -> tuple[Recurrence, str] | None:
    """Separate «ежегодно»-like words from the rest; ``None`` when they contradict each other."""
    words = set(_RECURRENCE.findall(phrase))
    if len(words) > 1:
        return None
    recurrence = _RECURRENCE_WORDS[words.pop()] if words else Recurrence.NONE
    rest = " ".join(_RECURRENCE.sub(" ", phrase).split()).strip(_EDGE_PUNCTUATION)
    return recurrence, rest


def _recurring(text: str, recurrence: Recurrence, rest: str, period: Period) -> Deadline | None:
    """Build a recurring deadline; a rest that names no date is taken as commentary.

    Only yearly deadlines can carry a date («20 декабря ежегодно»): a quarterly or
    monthly phrase with one («ежемесячно до 5 числа») is too ambiguous to guess.
    """
    if not _DATE_WORDS.search(rest):
        occurrences = _calendar_blocks(period, _RECURRENCE_MONTHS[recurrence])
    elif recurrence is Recurrence.YEARLY and (reading := _read(rest)) is not None:
        occurrences = _yearly(reading.span.without_years(), period)
    else:
        return None
    return _deadline(text, DeadlineKind.RECURRING, recurrence, occurrences)


def _deadline(
    text: str, kind: DeadlineKind, recurrence: Recurrence, occurrences: tuple[Period, ...]
) -> Deadline:
    """Assemble a recognised deadline, refusing spans that end before they start."""
    if any(first > last for first, last in occurrences):
        raise ValueError(f"Deadline ends before it starts: {text!r}")
    return Deadline(text, kind, occurrences[0][0], occurrences[-1][1], recurrence, occurrences)


def _interpret(text: str, period: Period) -> Deadline | None:
    """Recognise the phrase, most specific forms first; ``None`` when it is not understood."""
    phrase = _QUALIFIER.sub("", _normalise(text), count=1)
    if _WHOLE_PERIOD.fullmatch(phrase):
        return _deadline(text, DeadlineKind.WHOLE_PERIOD, Recurrence.NONE, (period,))
    split = _split_recurrence(phrase)
    if split is None:
        return None
    recurrence, rest = split
    if recurrence is not Recurrence.NONE:
        return _recurring(text, recurrence, rest, period)
    reading = _read(phrase)
    if reading is None:
        return None
    start, end = _place(reading.span, period)
    if reading.kind is DeadlineKind.BY_DATE:
        start = min(period[0], end)
    return _deadline(text, reading.kind, Recurrence.NONE, ((start, end),))
