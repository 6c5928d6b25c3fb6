"""The table both halves of the import share: the document and its header row.

The readers turn every format into a :class:`TableDocument` and use the header row to pick
the roadmap's table and cut off what stands above it; the parser finds the same header row to
map the columns. What a header row is, and how a row reads as a line, live here so that the
two agree without importing each other.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class TableDocument:
    """Text before the roadmap table (``**`` marks bold) and the table rows, header included."""

    preamble: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


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


def row_as_line(cells: Sequence[str]) -> str:
    """A row above the header (a title typed into the table) as one preamble line."""
    return " ".join(cell for cell in map(_normalise, cells) if cell)
