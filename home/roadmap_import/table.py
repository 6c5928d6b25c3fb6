"""The table both halves of the import share: the document and its header row.

The readers turn every format into a :class:`TableDocument` and use the header row to pick
the roadmap's table and cut off what stands above it; the parser finds the same header row to
map the columns. What a header row is, and how a row reads as a line, live here so that the
two agree without importing each other.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class TableDocument:
    """Text before the roadmap table (``**`` marks bold) and the table rows, header included.

    ``row_numbers`` says where each row stands in the file (the Excel row, the text line,
    the row of the Word table), so that the editor can find a row a warning names;
    ``spanning_rows`` holds the indices of rows whose only text sits in one cell merged
    across several columns, which is how tables set out their section headings.
    """

    preamble: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    spanning_rows: set[int] = field(default_factory=set)

    def row_number(self, index: int) -> int:
        return self.row_numbers[index] if index < len(self.row_numbers) else index + 1


# --- header row ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    field: str
    names: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()

    def matches(self, header: str) -> bool:
        return header in self.names or header.startswith(self.prefixes)


# Prefixes rather than exact names, because schools vary the wording («Сроки», «Срок
# исполнения», «Мероприятие, которое необходимо провести …»).
_COLUMNS = (
    _Column("number", frozenset({"№", "№ п/п", "№п/п", "n", "n п/п", "п/п"})),
    _Column(
        "name",
        frozenset(
            {
                "название мероприятия",
                "наименование мероприятия",
                "наименование мероприятий",
                "содержание мероприятия",
            }
        ),
        ("мероприяти",),
    ),
    _Column("responsible", prefixes=("ответственн",)),
    _Column("deadline", prefixes=("срок",)),
    _Column("result", frozenset({"ожидаемый результат"}), ("результат",)),
)
_REQUIRED_COLUMNS = {"name", "deadline"}


def column_map(cells: Sequence[str]) -> dict[str, int] | None:
    """Map each recognised column to its index, or None when this is not a header row."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        header = _normalise(cell).lower().rstrip(".:")
        column = next((c for c in _COLUMNS if c.field not in found and c.matches(header)), None)
        if column is not None:
            found[column.field] = index
    return found if found.keys() >= _REQUIRED_COLUMNS else None


def find_header_row(rows: Sequence[Sequence[str]]) -> int | None:
    """Index of the first header row; the readers use it too, to pick the right table."""
    return next((index for index, row in enumerate(rows) if column_map(row)), None)


# --- rows ---------------------------------------------------------------------------------


def _normalise(text: str | None) -> str:
    return " ".join((text or "").split())


# Bullet glyphs Word and Excel users type or paste; dashes are not among them, because a dash
# inside a line is punctuation as often as it is a list.
_BULLETS = "•●▪■◦○‣⁃·"
_LINE_BREAK_RE = re.compile(r"\r\n|[\r\n\v\f\u2028\u2029]")
_INLINE_BULLET_RE = re.compile(rf"\s+[{_BULLETS}]\s*(?=\S)")
_LEADING_BULLET_RE = re.compile(rf"^(?:[{_BULLETS}]|\*)\s*(?=\S)")
BULLET = "•"


def cell_text(text: str | None) -> str:
    """A cell's text with its line breaks kept and its spaces tidied.

    Each line loses its repeated spaces, empty lines go, and a bulleted list becomes one
    line per item starting with «•», whether the items stood on lines of their own or
    were pasted into one line.
    """
    lines = []
    for raw in _LINE_BREAK_RE.split(text or ""):
        for item in _INLINE_BULLET_RE.sub(f"\n{BULLET} ", raw).split("\n"):
            line = _LEADING_BULLET_RE.sub(f"{BULLET} ", _normalise(item))
            if line:
                lines.append(line)
    return "\n".join(lines)


def row_as_line(cells: Sequence[str]) -> str:
    """A row above the header (a title typed into the table) as one preamble line."""
    return " ".join(cell for cell in map(_normalise, cells) if cell)
