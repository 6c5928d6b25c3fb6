"""Turn the table of a roadmap (дорожная карта) into stages and events.

Real roadmaps are Word or Excel tables typed by hand: stages appear as rows «Этап 1. …»,
as numbered sections «1.» in the number column or inside the title («2. Организационный
этап», «Раздел 3 …», «II. …») with the number column empty, or as one cell merged across the
table; a stage task hides in the stage row or in the next row, and the converters that
produced the text split long cells onto rows of their own. The parser accepts all of these
shapes and keeps every text of the table, line breaks included.

It glues a row to the one above only when the row cannot be anything else (no number, and
either no event name or, with no deadline or responsible, a name that carries on a sentence);
every such merge is kept on the event (``rows``) and listed in ``ParsedRoadmap.warnings``,
so the editor sees it before anything is saved. A row it cannot be sure of stays an event of
its own, marked as doubtful.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .errors import RoadmapImportError
from .preamble import Metadata, read_metadata
from .table import (
    BULLET,
    TableDocument,
    _normalise,
    cell_text,
    column_map,
    find_header_row,
    row_as_line,
)


@dataclass
class ParsedEvent:
    """An event; ``rows`` are the file's rows it was read from (more than one: a merge)."""

    number: str
    name: str
    responsible: str
    deadline: str
    result: str
    rows: list[int] = field(default_factory=list, compare=False)
    doubtful: bool = field(default=False, compare=False)

    @property
    def merged(self) -> bool:
        return len(self.rows) > 1


@dataclass
class ParsedStage:
    number: str
    title: str
    task: str
    events: list[ParsedEvent] = field(default_factory=list)
    rows: list[int] = field(default_factory=list, compare=False)

    @property
    def merged(self) -> bool:
        return len(self.rows) > 1


@dataclass(frozen=True)
class ImportWarning:
    """Something the editor must check: rows glued together, or a row taken on a guess."""

    MERGED = "merged"
    DOUBTFUL = "doubtful"

    kind: str
    rows: tuple[int, ...]
    text: str

    @property
    def message(self) -> str:
        rows = ", ".join(map(str, self.rows))
        if self.kind == self.MERGED:
            return ngettext(
                "Row %(rows)s was joined into one: «%(text)s».",
                "Rows %(rows)s were joined into one: «%(text)s».",
                len(self.rows),
            ) % {"rows": rows, "text": self.text}
        return _(
            "Row %(rows)s has neither a number, nor a deadline, nor a responsible person: "
            "it was kept as an event of its own, «%(text)s». Check that it is not a heading "
            "or the end of the previous event."
        ) % {"rows": rows, "text": self.text}


@dataclass
class ParsedRoadmap(Metadata):
    """Stages and events, plus the metadata guessed from the text above the table.

    The metadata is a best effort: a field the text does not give reliably stays empty
    (or None) for the editor to fill in. ``title`` is the document's own title, fit to
    be the page's.
    """

    stages: list[ParsedStage] = field(default_factory=list)

    @property
    def event_count(self) -> int:
        return sum(len(stage.events) for stage in self.stages)

    @property
    def warnings(self) -> list[ImportWarning]:
        """Every merge and every doubtful row, in the order of the file."""
        found = []
        for stage in self.stages:
            if stage.merged:
                found.append(
                    ImportWarning(ImportWarning.MERGED, tuple(stage.rows), _excerpt(stage.title))
                )
            for event in stage.events:
                if event.merged:
                    found.append(
                        ImportWarning(ImportWarning.MERGED, tuple(event.rows), _excerpt(event.name))
                    )
                elif event.doubtful:
                    found.append(
                        ImportWarning(
                            ImportWarning.DOUBTFUL, tuple(event.rows), _excerpt(event.name)
                        )
                    )
        return found


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
    stages = _parse_stages(document, header_index + 1, columns)
    if not any(stage.events for stage in stages):
        raise RoadmapImportError(
            _(
                "No events found in the roadmap table: every event needs a name and a "
                "deadline or a responsible person."
            ),
            code="no_events",
        )
    preamble = [*document.preamble, *map(row_as_line, document.rows[:header_index])]
    metadata = read_metadata(preamble)
    return ParsedRoadmap(**vars(metadata), stages=stages)


def _excerpt(text: str, limit: int = 80) -> str:
    text = _normalise(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- table body ---------------------------------------------------------------------------

_STAGE_RE = re.compile(r"этап\s*(\d+|[ivxlc]+)\b\s*[.:)]?\s*(.*)", re.IGNORECASE | re.DOTALL)
_TASK_RE = re.compile(r"задач[аи]\s+(?:данного\s+)?этапа\s*[-–—:.]?\s*", re.IGNORECASE)
_SECTION_NUMBER_RE = re.compile(r"(\d+|[IVXLC]+)\.?")
# «Раздел 3 …», «Блок II. …»: a heading word, then the number.
_LABELLED_SECTION_RE = re.compile(
    r"(?:раздел|блок|часть|направление)\s+(\d{1,2}|[ivxlc]{1,6})\b\s*[.:)]?\s*(.*)",
    re.IGNORECASE | re.DOTALL,
)
# «2. Организационный этап», «II. …», «3) …» – but not «1.1. …», an event's number.
_NUMBERED_SECTION_RE = re.compile(r"(\d{1,2}|[IVXLC]{1,6})[.)](?![\d.])\s*(\S.*)", re.DOTALL)
# A row carries on the one above when it starts in the middle of a sentence.
_CONTINUES_RE = re.compile(r"[a-zа-яё,;:)\]»–—-]")


@dataclass
class _Row:
    """A body row with its cells looked up by column."""

    cells: list[str]
    number: str
    name: str
    responsible: str
    deadline: str
    result: str
    source: int
    spanning: bool

    @classmethod
    def read(cls, cells: list[str], columns: dict[str, int], source: int, spanning: bool) -> _Row:
        def value(name: str) -> str:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        if spanning:
            # One cell across the table: its text is a heading or carries on the row above,
            # whichever column holds it.
            text = next(cell for cell in cells if cell)
            return cls(cells, "", text, "", "", "", source=source, spanning=True)
        return cls(
            cells=cells,
            number=_normalise(value("number")),
            name=value("name"),
            responsible=value("responsible"),
            deadline=_normalise(value("deadline")),
            result=value("result"),
            source=source,
            spanning=spanning,
        )

    @property
    def filled(self) -> list[str]:
        return [cell for cell in self.cells if cell]

    @property
    def first_text(self) -> str:
        return next(iter(self.filled), "")

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

    def start_stage(self, number: str, text: str, row: _Row) -> None:
        title, task = _split_task(text)
        # The stage title is one line in the editor; its task may keep its lines.
        stage = ParsedStage(number=number, title=_normalise(title), task=task, rows=[row.source])
        self.stages.append(stage)

    def add_task(self, task: str) -> None:
        self.current.task = _join(self.current.task, task)

    def add_event(self, row: _Row, *, doubtful: bool = False) -> None:
        event = ParsedEvent(number=row.number, **row.event_texts(), rows=[row.source])
        event.doubtful = doubtful
        self.current.events.append(event)

    def continue_previous(self, row: _Row) -> None:
        """Glue a wrapped cell back to the cell it was split from, remembering the row.

        Before the stage's first event the only thing a wrapped row can continue is the
        stage header itself.
        """
        stage = self.current
        if stage.events:
            event = stage.events[-1]
            for name, text in row.event_texts().items():
                setattr(event, name, _join(getattr(event, name), text))
            event.rows.append(row.source)
            return
        text = " ".join(text for text in row.event_texts().values() if text)
        if stage.task:
            stage.task = _join(stage.task, text)
        else:
            stage.title = _normalise(_join(stage.title, text))
        stage.rows.append(row.source)


def _parse_stages(
    document: TableDocument, first: int, columns: dict[str, int]
) -> list[ParsedStage]:
    collector = _StageCollector()
    for index in range(first, len(document.rows)):
        cells = [cell_text(cell) for cell in document.rows[index]]
        if not any(cells) or column_map(cells) or _is_column_numbering(cells):
            continue
        row = _Row.read(
            cells,
            columns,
            source=document.row_number(index),
            spanning=index in document.spanning_rows,
        )
        _apply_row(collector, row)
    return collector.stages


def _apply_row(collector: _StageCollector, row: _Row) -> None:
    if stage := _stage(row):
        collector.start_stage(*stage, row)
    elif task := _TASK_RE.match(row.first_text):
        collector.add_task(row.first_text[task.end() :])
    elif section := _section(row):
        collector.start_stage(*section, row)
    elif row.number or (row.name and row.has_schedule):
        collector.add_event(row)
    elif _continues(row) and (collector.stages or not row.name):
        collector.continue_previous(row)
    else:
        collector.add_event(row, doubtful=True)


def _stage(row: _Row) -> tuple[str, str] | None:
    """«Этап 1. …» in the first filled cell, or «Этап 1.» in the number column and the
    title beside it."""
    if match := _STAGE_RE.fullmatch(row.first_text):
        title = match.group(2)
        if not title and row.first_text == row.number and not row.has_schedule:
            title = row.name
        return match.group(1), title
    return None


def _section(row: _Row) -> tuple[str, str] | None:
    """Number and text of a section row: no deadline, no responsible, and a number.

    The number stands in the number column («1.» + name), at the start of the title with
    the number column empty («2. Организационный этап», «Раздел 3 …», «II. …»), or the
    whole row is one merged cell. A merged row without a number is a section too unless
    it starts in the middle of a sentence.
    """
    if row.has_schedule:
        return None
    if row.name and _SECTION_NUMBER_RE.fullmatch(row.number):
        # «1.» | «Этап 1. Подготовка»: the label is not part of the title.
        labelled = _STAGE_RE.fullmatch(row.name) or _LABELLED_SECTION_RE.fullmatch(row.name)
        title = labelled.group(2) if labelled and labelled.group(2).strip() else row.name
        return row.number.rstrip("."), title
    filled = row.filled
    if row.number and len(filled) > 1:
        return None
    text = filled[0] if len(filled) == 1 else row.name
    for pattern in (_LABELLED_SECTION_RE, _NUMBERED_SECTION_RE):
        if (match := pattern.fullmatch(text)) and match.group(2).strip():
            return match.group(1).upper(), match.group(2)
    if row.spanning and not _CONTINUES_RE.match(text):
        return "", text
    return None


def _continues(row: _Row) -> bool:
    """Sure to be the rest of the row above: no number, and either no event name (only
    pieces of other columns) or a name that starts in the middle of a sentence with no
    deadline and no responsible beside it."""
    if row.number:
        return False
    if not row.name:
        return True  # pieces of other columns: an event always has a name
    return not row.has_schedule and bool(_CONTINUES_RE.match(row.name))


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
    """A wrapped piece goes on the same line, a list item on a line of its own."""
    separator = "\n" if second.startswith(BULLET) else " "
    return f"{first}{separator}{second}" if first and second else first or second
