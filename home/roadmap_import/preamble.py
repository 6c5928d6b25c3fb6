"""Metadata of a roadmap from the text above its table: title, organisation, period, order.

Everything here is a guess that may fail: a field the text does not give reliably stays
empty (or None) for the editor to fill in. The parser (parser.py) calls ``read_metadata``.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .table import _normalise

_HEADING_RE = re.compile(r"дорожн|план\s+мероприятий", re.IGNORECASE)
_ORGANISATION_RE = re.compile(
    r"учрежден|школ|гимнази|лице[йяю]|колледж|техникум|центр|детск|организаци", re.IGNORECASE
)
_PERIOD_RE = re.compile(
    r"\bна\s+(\d{4})(?:\s*[-–—/]\s*(\d{4}|\d{2}))?\s*(гг?\b|год|уч)", re.IGNORECASE
)
# «2024/2025 учебный год», «2024-2025 уч. год» without «на» before it.
_SCHOOL_YEAR_RE = re.compile(r"\b(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})\s*(уч)", re.IGNORECASE)
_APPROVAL_RE = re.compile(r"^\W*утвержд|\bк\s+приказу", re.IGNORECASE)
_ORDER_RE = re.compile(r"приказ", re.IGNORECASE)
_ORDER_NUMBER_RE = re.compile(r"№\s*([^\s,;]+(?:\s*[-–]\s*[^\s,;]+)?)")
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")
_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
_WORDED_DATE_RE = re.compile(rf"(\d{{1,2}})»?\s+({'|'.join(_MONTHS)})\s+(\d{{4}})", re.IGNORECASE)
_APPROVAL_WINDOW = 4  # the stamp line and the three lines under it


@dataclass
class _PreambleLine:
    text: str
    bold: bool

    @property
    def is_title(self) -> bool:
        """Bold text, or a standalone capitalised «ДОРОЖНАЯ КАРТА» line."""
        return self.bold or (self.text.isupper() and bool(_HEADING_RE.search(self.text)))


@dataclass
class Metadata:
    """What the text above the table says about the roadmap; see ``read_metadata``."""

    heading: str
    title: str
    organisation: str
    period_start: date | None
    period_end: date | None
    approval_order_number: str
    approval_order_date: date | None
    preamble: list[str]


def read_metadata(preamble: list[str]) -> Metadata:
    """Best-effort metadata: a guess that fails leaves its field empty, never the import."""
    lines = _preamble_lines(preamble)
    texts = [line.text for line in lines]
    titles = _title_runs(lines)
    heading = next(
        (
            " ".join(_carried_on(run, texts[start + len(run) :]))
            for start, run in reversed(titles)
            if _mentions_roadmap(run)
        ),
        "",
    )
    heading = heading or _plain_heading(texts)
    period_start, period_end = _period([heading, *texts])
    order_number, order_date = _approval_order(texts)
    return Metadata(
        heading=heading,
        title=page_title(heading),
        organisation=_organisation(titles),
        period_start=period_start,
        period_end=period_end,
        approval_order_number=order_number,
        approval_order_date=order_date,
        preamble=texts,
    )


_NOT_A_TITLE_RE = re.compile(r"приказ|утвержд|приложени", re.IGNORECASE)
TITLE_MAX_LENGTH = 255  # Wagtail's page title
_SHOUT_RE = re.compile(r"«?((?:[А-ЯЁA-Z]{2,}\s+)+[А-ЯЁA-Z]{2,})»?(?=\s|$)")


def _plain_heading(texts: Sequence[str]) -> str:
    """The title line of a document without bold type (an Excel title row, a text export):
    the last line naming the roadmap that is not the approval stamp or an order."""
    for index in reversed(range(len(texts))):
        text = texts[index]
        if _HEADING_RE.search(text) and not _NOT_A_TITLE_RE.search(text):
            return " ".join(_carried_on([text], texts[index + 1 :]))
    return ""


def _carried_on(run: list[str], following: Sequence[str]) -> list[str]:
    """The title lines with the lines under them that carry on its sentence
    («ДОРОЖНАЯ КАРТА» / «реализации … на 2024–2025 учебный год»)."""
    run = list(run)
    for text in following:
        if not text[:1].islower():
            break
        run.append(text)
    return run


def page_title(heading: str) -> str:
    """The heading made a page title: no shouting capitals or quotes at its start
    («ДОРОЖНАЯ КАРТА» → «Дорожная карта»), short enough for Wagtail, cut at a word."""
    title = _normalise(heading)
    if shout := _SHOUT_RE.match(title):
        title = shout.group(1).capitalize() + title[shout.end() :]
    if len(title) > TITLE_MAX_LENGTH:
        title = title[: TITLE_MAX_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ") + "…"
    return title


def _preamble_lines(raw_lines: Sequence[str]) -> list[_PreambleLine]:
    """Non-empty lines without the ``**`` markers, each knowing whether it was bold."""
    lines, inside_bold = [], False
    for raw in raw_lines:
        stripped = raw.strip()
        bold = inside_bold or stripped.startswith("**")
        if stripped.count("**") % 2:
            inside_bold = not inside_bold
        text = _normalise(stripped.replace("**", ""))
        if text:
            lines.append(_PreambleLine(text, bold))
    return lines


def _title_runs(lines: Sequence[_PreambleLine]) -> list[tuple[int, list[str]]]:
    """Consecutive title lines as (index of the first line, texts)."""
    runs: list[tuple[int, list[str]]] = []
    previous_was_title = False
    for index, line in enumerate(lines):
        if line.is_title and previous_was_title:
            runs[-1][1].append(line.text)
        elif line.is_title:
            runs.append((index, [line.text]))
        previous_was_title = line.is_title
    return runs


def _mentions_roadmap(run: Sequence[str]) -> bool:
    return any(_HEADING_RE.search(text) for text in run)


def _organisation(titles: Sequence[tuple[int, list[str]]]) -> str:
    """The bold block at the very top, when it names an institution rather than the plan."""
    if not titles:
        return ""
    start, run = titles[0]
    text = " ".join(run)
    if start == 0 and not _mentions_roadmap(run) and _ORGANISATION_RE.search(text):
        return text
    return ""


def _period(texts: Sequence[str]) -> tuple[date | None, date | None]:
    """The years the roadmap is for: «на 2022-2023 гг.» are calendar years, «на 2024/2025
    учебный год» a school year, from 1 September to 31 August.

    A school year named by one year («на 2024 уч. год») could start in it or end in it,
    so it gives no period; the editor then enters one.
    """
    for text in texts:
        found = (_PERIOD_RE.search(text), _SCHOOL_YEAR_RE.search(text))
        match = min((m for m in found if m), key=lambda m: m.start(), default=None)
        if match is None:
            continue
        first, last = match.group(1), match.group(2) or match.group(1)
        last = first[: 4 - len(last)] + last  # «2022-23» means 2023
        if not match.group(3).lower().startswith("уч"):
            return date(int(first), 1, 1), date(int(last), 12, 31)
        if int(last) > int(first):
            return date(int(first), 9, 1), date(int(last), 8, 31)
    return None, None


def _approval_order(texts: Sequence[str]) -> tuple[str, date | None]:
    """Number and date of the order under the approval stamp («УТВЕРЖДЕН приказом …»).

    Only the stamp is read: the roadmap may sit below an order of its own, or cite other
    orders, whose numbers are not the approval.
    """
    for index, text in enumerate(texts):
        if not _APPROVAL_RE.search(text):
            continue
        window = " ".join(texts[index : index + _APPROVAL_WINDOW])
        order = _ORDER_RE.search(window)
        if order is None:
            continue
        tail = window[order.start() :]
        number, order_date = _order_number(tail), _first_date(tail)
        if number or order_date:
            return number, order_date
    return "", None


def _order_number(text: str) -> str:
    match = _ORDER_NUMBER_RE.search(text)
    return re.sub(r"\s+", "", match.group(1)).rstrip(".,;:)") if match else ""


def _first_date(text: str) -> date | None:
    """The earliest date written as «22.08.2022» or «28 февраля 2023»."""
    found = []
    for match in _NUMERIC_DATE_RE.finditer(text):
        day, month, year = match.groups()
        found.append((match.start(), _date(year, int(month), day)))
    for match in _WORDED_DATE_RE.finditer(text):
        day, month, year = match.groups()
        found.append((match.start(), _date(year, _MONTHS.index(month.lower()) + 1, day)))
    valid = sorted((start, value) for start, value in found if value is not None)
    return valid[0][1] if valid else None


def _date(year: str, month: int, day: str) -> date | None:
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        return date(full_year, month, int(day))
    except ValueError:
        return None
