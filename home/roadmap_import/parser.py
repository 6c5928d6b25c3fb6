"""Turn the table of a roadmap (дорожная карта) into stages and events.

Real roadmaps are Word tables typed by hand: stages appear as rows «Этап 1. …» or as
numbered sections «1.», a stage task hides in the stage row or in the next row, and the
converters that produced the text split long cells onto rows of their own. The parser
accepts all of these shapes and keeps every text of the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from .errors import RoadmapImportError
from .table import TableDocument, _normalise, column_map, find_header_row, row_as_line


@dataclass
class ParsedEvent:
    number: str
    name: str
    responsible: str
    deadline: str
    result: str


@dataclass
class ParsedStage:
    number: str
    title: str
    task: str
    events: list[ParsedEvent] = field(default_factory=list)


@dataclass
class ParsedRoadmap:
    """Stages and events, plus metadata guessed from the text above the table.

    The metadata is a best effort: a field the text does not give reliably stays empty
    (or None) for the editor to fill in.
    """

    heading: str
    organisation: str
    period_start: date | None
    period_end: date | None
    approval_order_number: str
    approval_order_date: date | None
    preamble: list[str]
    stages: list[ParsedStage]

    @property
    def event_count(self) -> int:
        return sum(len(stage.events) for stage in self.stages)


EVENT_FIELDS = ("name", "responsible", "deadline", "result")


def parse_roadmap(document: TableDocument) -> ParsedRoadmap:
    """Find the header row, read the stages below it and the metadata above it."""
    header_index = find_header_row(document.rows)
    if header_index is None:
        raise RoadmapImportError(
            _(
                "No roadmap table found: the file needs a header row with at least the "
                "columns «Event» and «Deadline» (optionally also «No.», «Responsible» and "
                "«Result»)."
            ),
            code="no_header",
        )
    columns = column_map(document.rows[header_index])
    stages = _parse_stages(document.rows[header_index + 1 :], columns)
    if not any(stage.events for stage in stages):
        raise RoadmapImportError(
            _(
                "No events found in the roadmap table: every event needs a name and a "
                "deadline or a responsible person."
            ),
            code="no_events",
        )
    preamble = [*document.preamble, *map(row_as_line, document.rows[:header_index])]
    return _roadmap_with_metadata(preamble, stages)


# --- table body ---------------------------------------------------------------------------

_STAGE_RE = re.compile(r"этап\s*(\d+|[ivxlc]+)\b\s*[.:)]?\s*(.*)", re.IGNORECASE | re.DOTALL)
_TASK_RE = re.compile(r"задач[аи]\s+(?:данного\s+)?этапа\s*[-–—:.]?\s*", re.IGNORECASE)
_SECTION_NUMBER_RE = re.compile(r"(\d+|[IVXLC]+)\.?")
_MERGED_SECTION_RE = re.compile(r"(\d{1,2}|[IVXLC]+)\.\s*(\S.*)", re.DOTALL)


@dataclass
class _Row:
    """A body row with its cells looked up by column."""

    cells: list[str]
    number: str
    name: str
    responsible: str
    deadline: str
    result: str
    number_index: int | None

    @classmethod
    def read(cls, cells: list[str], columns: dict[str, int]) -> _Row:
        def value(name: str) -> str:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        return cls(
            cells=cells,
            number=value("number"),
            **{name: value(name) for name in EVENT_FIELDS},
            number_index=columns.get("number"),
        )

    @property
    def first_text(self) -> str:
        return next((cell for cell in self.cells if cell), "")

    def event_texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in EVENT_FIELDS}

    @property
    def has_schedule(self) -> bool:
        return bool(self.deadline or self.responsible)


class _StageCollector:
    """Accumulates stages; events met before any stage go to an untitled one."""

    def __init__(self) -> None:
        self.stages: list[ParsedStage] = []

    @property
    def current(self) -> ParsedStage:
        if not self.stages:
            self.stages.append(ParsedStage(number="", title="", task=""))
        return self.stages[-1]

    def start_stage(self, number: str, text: str) -> None:
        title, task = _split_task(text)
        self.stages.append(ParsedStage(number=number, title=title, task=task))

    def add_task(self, task: str) -> None:
        self.current.task = _join(self.current.task, task)

    def add_event(self, row: _Row) -> None:
        self.current.events.append(ParsedEvent(number=row.number, **row.event_texts()))

    def continue_previous(self, row: _Row) -> None:
        """Glue a wrapped cell back to the cell it was split from.

        Before the stage's first event the only thing a wrapped row can continue is the
        stage header itself.
        """
        stage = self.current
        if stage.events:
            event = stage.events[-1]
            for name, text in row.event_texts().items():
                setattr(event, name, _join(getattr(event, name), text))
        else:
            text = " ".join(text for text in row.event_texts().values() if text)
            if stage.task:
                stage.task = _join(stage.task, text)
            else:
                stage.title = _join(stage.title, text)


def _parse_stages(rows: Sequence[Sequence[str]], columns: dict[str, int]) -> list[ParsedStage]:
    collector = _StageCollector()
    for raw_cells in rows:
        cells = [_normalise(cell) for cell in raw_cells]
        if not any(cells) or column_map(cells) or _is_column_numbering(cells):
            continue
        _apply_row(collector, _Row.read(cells, columns))
    return collector.stages


def _apply_row(collector: _StageCollector, row: _Row) -> None:
    if stage := _STAGE_RE.fullmatch(row.first_text):
        collector.start_stage(stage.group(1), stage.group(2))
    elif task := _TASK_RE.match(row.first_text):
        collector.add_task(row.first_text[task.end() :])
    elif section := _section(row):
        collector.start_stage(*section)
    elif row.number or (row.name and row.has_schedule):
        collector.add_event(row)
    else:
        collector.continue_previous(row)


def _section(row: _Row) -> tuple[str, str] | None:
    """Number and text of a numbered section row («1.» + name, no deadline, no responsible).

    A section row merged across the whole table arrives as one cell «1. Name» in the
    number column.
    """
    if row.has_schedule:
        return None
    if row.name and _SECTION_NUMBER_RE.fullmatch(row.number):
        return row.number.rstrip("."), row.name
    filled = [index for index, cell in enumerate(row.cells) if cell]
    if filled == [row.number_index] and (merged := _MERGED_SECTION_RE.fullmatch(row.number)):
        return merged.group(1), merged.group(2)
    return None


def _split_task(text: str) -> tuple[str, str]:
    """«Title Задача этапа - task» → (title, task)."""
    task = _TASK_RE.search(text)
    if task is None:
        return text, ""
    return text[: task.start()].strip(), text[task.end() :].strip()


def _is_column_numbering(cells: Sequence[str]) -> bool:
    """The row «1 | 2 | 3 | 4» that Russian tables often put under the header."""
    filled = [cell for cell in cells if cell]
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


def _join(first: str, second: str) -> str:
    return f"{first} {second}" if first and second else first or second


# --- metadata above the table -------------------------------------------------------------

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


def _roadmap_with_metadata(preamble: list[str], stages: list[ParsedStage]) -> ParsedRoadmap:
    """Best-effort metadata: a guess that fails leaves its field empty, never the import."""
    lines = _preamble_lines(preamble)
    texts = [line.text for line in lines]
    titles = _title_runs(lines)
    heading = next((" ".join(run) for _, run in reversed(titles) if _mentions_roadmap(run)), "")
    period_start, period_end = _period([heading, *texts])
    order_number, order_date = _approval_order(texts)
    return ParsedRoadmap(
        heading=heading,
        organisation=_organisation(titles),
        period_start=period_start,
        period_end=period_end,
        approval_order_number=order_number,
        approval_order_date=order_date,
        preamble=texts,
        stages=stages,
    )


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
