"""Read an uploaded roadmap file into plain text: preamble lines and table rows.

Every format ends up as the same :class:`TableDocument`, so the parser never needs to know
whether the editor uploaded Word, Excel or a text export.
"""

import codecs
import csv
import io
import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from datetime import date, time
from pathlib import Path
from typing import BinaryIO

import docx
import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from openpyxl.utils import range_boundaries

from portal.uploads import check_bytes

from .errors import RoadmapImportError
from .table import TableDocument, find_header_row, row_as_line

MAX_FILE_SIZE_MB = 10
MAX_FILE_SIZE = MAX_FILE_SIZE_MB * 1024 * 1024
# The readers hold all of a .docx's XML in memory: a roadmap's is a few megabytes.
MAX_UNPACKED_SIZE = 30 * 1024 * 1024


def read_table_document(file: BinaryIO | str | os.PathLike, filename: str) -> TableDocument:
    """Read ``file`` in the format its ``filename`` extension names."""
    extension = Path(filename).suffix.lower()
    reader = _READERS.get(extension)
    if reader is None:
        raise RoadmapImportError(
            _(
                "Files of type «%(extension)s» are not supported. Upload the roadmap as a Word "
                "document (.docx), an Excel workbook (.xlsx), a CSV file (.csv) or a "
                "tab-separated text file (.txt, .tsv). Old .doc and .xls files must first be "
                "saved as .docx or .xlsx."
            ),
            code="unsupported_format",
            extension=extension or _("no extension"),
        )
    data = _read_bytes(file)
    _check_content(data, filename)
    return reader(data)


def _check_content(data: bytes, filename: str) -> None:
    """The content is what the extension says, and an archive unpacks to a sane size.

    Checked before any parser sees the bytes: a zip bomb is refused from its directory alone.
    """
    try:
        check_bytes(
            data,
            filename,
            extensions=[extension.lstrip(".") for extension in _READERS],
            max_unpacked_size=MAX_UNPACKED_SIZE,
        )
    except ValidationError as error:
        raise RoadmapImportError(error.message, code=error.code, **(error.params or {})) from error


def _read_bytes(file: BinaryIO | str | os.PathLike) -> bytes:
    """Read at most one byte past the limit, so a huge upload is never loaded whole."""
    if isinstance(file, str | os.PathLike):
        with open(file, "rb") as handle:
            data = handle.read(MAX_FILE_SIZE + 1)
    else:
        data = file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise RoadmapImportError(
            _(
                "The file is larger than %(limit)d MB. Remove pictures from it or keep only "
                "the roadmap, then upload it again."
            ),
            code="too_large",
            limit=MAX_FILE_SIZE_MB,
        )
    if not data.strip():
        raise RoadmapImportError(_("The file is empty."), code="empty")
    return data


def _damaged(extension: str) -> RoadmapImportError:
    return RoadmapImportError(
        _(
            "The file could not be read: it is damaged or is not really a %(extension)s file. "
            "Open it, save it again in that format and upload it once more."
        ),
        code="damaged",
        extension=extension,
    )


def _split_at_header(
    preamble: list[str],
    rows: list[list[str]],
    numbers: Sequence[int] = (),
    spanning: Collection[int] = (),
) -> TableDocument:
    """Move the rows above the header row (a title inside the table, say) to the preamble.

    ``numbers`` are the rows' places in the file (their positions when not given) and
    ``spanning`` the indices of the rows that are one merged cell.
    """
    header = find_header_row(rows) or 0
    above = [row_as_line(row) for row in rows[:header]]
    numbers = list(numbers) or list(range(1, len(rows) + 1))
    return TableDocument(
        preamble=[*preamble, *above],
        rows=rows[header:],
        row_numbers=numbers[header:],
        spanning_rows={index - header for index in spanning if index >= header},
    )


def _is_blank(cells: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in cells)


# --- text formats -------------------------------------------------------------------------


def _decode_text(data: bytes, extension: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 from Excel's «Unicode text», else Windows cp1251."""
    encodings = ["utf-8-sig", "cp1251"]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _damaged(extension)


def _text_lines(text: str) -> list[str]:
    """Split on real line breaks only: Word's manual line break (\\v) stays inside a cell."""
    return re.split(r"\r\n|\r|\n", text)


def _read_tab_separated(data: bytes) -> TableDocument:
    preamble: list[str] = []
    rows: list[list[str]] = []
    numbers: list[int] = []
    for number, line in enumerate(_text_lines(_decode_text(data, ".txt")), start=1):
        if "\t" in line:
            if line.strip():
                rows.append(line.split("\t"))
                numbers.append(number)
        elif not rows:
            preamble.append(line)
    return _split_at_header(preamble, rows, numbers)


_CSV_DELIMITERS = (";", ",", "\t")


def _read_csv(data: bytes) -> TableDocument:
    text = _decode_text(data, ".csv")
    delimiter = _sniff_delimiter(text)
    rows: list[list[str]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        line = 1
        for row in reader:
            if not _is_blank(row):
                rows.append(row)
                numbers.append(line)
            line = reader.line_num + 1  # the line the next record starts on
    except csv.Error as error:
        raise _damaged(".csv") from error
    return _split_at_header([], rows, numbers)


def _sniff_delimiter(text: str) -> str:
    """The delimiter that gives the most rows of one and the same width.

    Text inside the cells is full of commas, so counting characters would mislead; the
    table's own delimiter is the one that keeps the rows equally wide.
    """

    def score(delimiter: str) -> int:
        sample = io.StringIO(text[:65536], newline="")
        try:
            widths = Counter(len(row) for row in csv.reader(sample, delimiter=delimiter))
        except csv.Error:
            return 0
        return max((count for width, count in widths.items() if width > 1), default=0)

    return max(_CSV_DELIMITERS, key=score)


# --- Excel --------------------------------------------------------------------------------


def _read_xlsx(data: bytes) -> TableDocument:
    """The first sheet with a header row; the first sheet when none has one."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl signals broken files with many exception types
        raise _damaged(".xlsx") from error
    try:
        sheets = [_sheet_document(sheet) for sheet in workbook.worksheets]
    except Exception as error:
        raise _damaged(".xlsx") from error
    finally:
        workbook.close()
    fallback = sheets[0] if sheets else TableDocument()
    sheet = next((doc for doc in sheets if find_header_row(doc.rows) is not None), fallback)
    return _split_at_header([], sheet.rows, sheet.row_numbers, sheet.spanning_rows)


_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _sheet_document(sheet) -> TableDocument:
    """The sheet's non-blank rows, numbered as Excel numbers them.

    A value merged down over several rows is repeated on each of them (a deadline shared
    by three events belongs to each), and a row whose only text is a cell merged across
    columns is marked as spanning: that is a heading.
    """
    sheet.reset_dimensions()  # some generators write a wrong size, which would cut the sheet
    grid = {
        number: [_excel_text(value) for value in row]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
    }
    across: set[tuple[int, int]] = set()
    for first_col, first_row, last_col, last_row in _merged_ranges(sheet):
        top = grid.get(first_row, [])
        value = top[first_col - 1] if first_col <= len(top) else ""
        for number in range(first_row + 1, last_row + 1):
            row = grid.setdefault(number, [])
            row.extend([""] * (first_col - len(row)))
            row[first_col - 1] = row[first_col - 1] or value
        if last_col > first_col:
            across.update((number, first_col) for number in range(first_row, last_row + 1))
    document = TableDocument()
    for number in sorted(grid):
        row = grid[number]
        if _is_blank(row):
            continue
        filled = [index for index, cell in enumerate(row, start=1) if cell.strip()]
        if len(filled) == 1 and (number, filled[0]) in across:
            document.spanning_rows.add(len(document.rows))
        document.rows.append(row)
        document.row_numbers.append(number)
    return document


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """Merged cells as (first column, first row, last column, last row).

    The read-only reader, which keeps big workbooks cheap, does not give them, so they
    are read from the sheet's XML, which the size check has already bounded.
    """
    xml = sheet.parent._archive.read(sheet._worksheet_path)
    return [range_boundaries(ref.decode()) for ref in _MERGE_RE.findall(xml)]


def _excel_text(value: object) -> str:
    """Cell value as the editor sees it: dates as ДД.ММ.ГГГГ, 3.0 as «3»."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- Word ---------------------------------------------------------------------------------


def _read_docx(data: bytes) -> TableDocument:
    """Paragraphs (and layout tables) up to the roadmap table, then that table's rows.

    Tables of the same width right after it are appended: Word users often split one
    long table at a page break.
    """
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx signals broken files with many exception types
        raise _damaged(".docx") from error
    preamble: list[str] = []
    table: TableDocument | None = None
    width = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if table is None:
                preamble.append(_paragraph_line(block))
            continue
        rows = _table_rows(block)
        if table is None and find_header_row([cells for cells, _ in rows]) is None:
            preamble.extend(_layout_table_lines(block))
            continue
        if table is None:
            table, width = TableDocument(), len(block.columns)
        elif len(block.columns) != width:
            continue
        for cells, spanning in rows:
            if spanning:
                table.spanning_rows.add(len(table.rows))
            table.rows.append(cells)
            table.row_numbers.append(len(table.row_numbers) + 1)
    table = table or TableDocument()
    return _split_at_header(preamble, table.rows, table.row_numbers, table.spanning_rows)


def _paragraph_line(paragraph: Paragraph) -> str:
    """Paragraph text, wrapped in ``**`` when it is all bold (headings are bold in Word)."""
    text = paragraph.text.strip()
    return f"**{text}**" if text and _is_bold(paragraph) else text


def _is_bold(paragraph: Paragraph) -> bool:
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def _table_rows(table: Table) -> list[tuple[list[str], bool]]:
    """Non-blank rows, each with whether it is one cell merged across several columns."""
    rows = (_row_cells(row) for row in table.rows)
    return [row for row in rows if not _is_blank(row[0])]


def _row_cells(row: _Row) -> tuple[list[str], bool]:
    """Cell texts by grid column (a horizontally merged cell gives its text once), and
    whether the row's only text is such a merged cell.

    The columns a merged cell spans are left empty instead of dropped, so the cells to its
    right stay under their headers. Paragraphs of a cell become its lines.
    """
    cells = [""] * row.grid_cols_before
    distinct: list[tuple[str, int]] = []  # (text, columns spanned) of each real cell
    previous = None
    for cell in row.cells:
        if cell._tc is previous:
            cells.append("")
            distinct[-1] = (distinct[-1][0], distinct[-1][1] + 1)
        else:
            text = "\n".join(paragraph.text for paragraph in cell.paragraphs)
            cells.append(text)
            distinct.append((text, 1))
        previous = cell._tc
    filled = [span for text, span in distinct if text.strip()]
    return cells, len(filled) == 1 and filled[0] > 1


def _layout_table_lines(table: Table) -> list[str]:
    """Text of a table that is not the roadmap, e.g. the approval stamp set beside a title."""
    lines = []
    for row in table.rows:
        previous = None
        for cell in row.cells:
            if cell._tc is not previous:
                lines.extend(_paragraph_line(paragraph) for paragraph in cell.paragraphs)
            previous = cell._tc
    return lines


_READERS: dict[str, Callable[[bytes], TableDocument]] = {
    ".txt": _read_tab_separated,
    ".tsv": _read_tab_separated,
    ".csv": _read_csv,
    ".xlsx": _read_xlsx,
    ".docx": _read_docx,
}
SUPPORTED_EXTENSIONS = tuple(_READERS)
