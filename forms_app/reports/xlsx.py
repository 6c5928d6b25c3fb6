"""The results report as one XLSX workbook: a summary, then a sheet per question.

XlsxWriter's constant_memory mode streams each row to a temporary file as soon as the next one
starts, so a million free answers cost the memory of one row, and every cell points to one of a
few shared formats instead of carrying a style object of its own, which is what made the
openpyxl version slow. Its charts are native Excel bar charts over the tables they stand by.
"""

import datetime
import re
import tempfile

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_app.reports.results import QuestionKind, QuestionResult, ResultsReport

SHEET_NAME_LENGTH = 31
# Excel's limit: a question's free answers past it go on to a further sheet.
ROWS_PER_SHEET = 1_048_576
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
SHARE_FORMAT = "0.0%"
NUMBER_FORMAT = "0.00"
PIXELS_PER_CM = 96 / 2.54

SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Control characters XML 1.0 forbids (openpyxl's ILLEGAL_CHARACTERS_RE); tab and newlines stay.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --- names -----------------------------------------------------------------------------------


def _text(value) -> str:
    return ILLEGAL_CHARACTERS.sub("", str(value))


def unique_sheet_name(name: str, taken: set[str]) -> str:
    """A valid sheet name (≤ 31 characters, none of []:*?/\\) not yet in `taken` (any case)."""
    base = SHEET_NAME_FORBIDDEN.sub(" ", _text(name))
    base = " ".join(base.split()).strip("'").strip() or "-"
    candidate = base[:SHEET_NAME_LENGTH].rstrip()
    number = 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip() + suffix
        number += 1
    taken.add(candidate.casefold())
    return candidate


# --- writing ---------------------------------------------------------------------------------


def _local_naive(value: datetime.datetime, zone) -> datetime.datetime:
    """Excel has no time zones: the wall-clock time of the site's zone, to the second."""
    if value.tzinfo is not None:
        return value.astimezone(zone).replace(tzinfo=None, microsecond=0)
    return value.replace(microsecond=0)


class _Formats:
    def __init__(self, workbook: xlsxwriter.Workbook):
        top = {"valign": "top"}
        self.top = workbook.add_format(top)
        self.wrap = workbook.add_format({**top, "text_wrap": True})
        self.bold = workbook.add_format({**top, "bold": True})
        self.heading = workbook.add_format({**top, "bold": True, "font_size": 14})
        self.italic = workbook.add_format({**top, "italic": True})
        self.datetime = workbook.add_format({**top, "num_format": DATETIME_FORMAT})
        self.share = workbook.add_format({**top, "num_format": SHARE_FORMAT})
        self.italic_share = workbook.add_format({**top, "italic": True, "num_format": SHARE_FORMAT})
        self.number = workbook.add_format({**top, "num_format": NUMBER_FORMAT})


class _Sheet:
    """A worksheet filled from the top down, the one order constant_memory mode keeps."""

    def __init__(self, book: "_Book", name: str, widths: dict[int, float]):
        self.name = name
        self.worksheet = book.workbook.add_worksheet(name)
        self.formats = book.formats
        self.zone = book.zone
        self.row = 0
        for column, width in widths.items():
            self.worksheet.set_column(column, column, width)

    def append(self, *values, cell_format=None) -> int:
        """One row of values, all in `cell_format`; its index."""
        return self.append_cells(*((value, cell_format) for value in values))

    def append_cells(self, *cells) -> int:
        """One row of (value, format) pairs; its index."""
        for column, (value, cell_format) in enumerate(cells):
            self.write(self.row, column, value, cell_format)
        self.row += 1
        return self.row - 1

    def write(self, row: int, column: int, value, cell_format=None) -> None:
        worksheet = self.worksheet
        if isinstance(value, datetime.datetime):
            worksheet.write_datetime(
                row, column, _local_naive(value, self.zone), self.formats.datetime
            )
        elif isinstance(value, int | float):
            worksheet.write_number(row, column, value, cell_format or self.formats.top)
        elif value is not None:
            # Never a formula nor a link, whatever a respondent typed.
            worksheet.write_string(row, column, _text(value), cell_format or self.formats.top)


class _Book:
    def __init__(self, workbook: xlsxwriter.Workbook):
        self.workbook = workbook
        self.formats = _Formats(workbook)
        self.zone = timezone.get_current_timezone()

    def sheet(self, name: str, widths: dict[int, float]) -> _Sheet:
        return _Sheet(self, name, widths)

    def chart(self, sheet: _Sheet, question: QuestionResult, header_row: int):
        """A bar per row of the table under `header_row`, options top-down as in the table."""
        first_row, last_row = header_row + 1, header_row + len(question.rows)
        chart = self.workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": [sheet.name, header_row, 1],
                "categories": [sheet.name, first_row, 0, last_row, 0],
                "values": [sheet.name, first_row, 1, last_row, 1],
                # constant_memory mode keeps no cells to read the chart's cache from, and
                # viewers that do not recalculate (PowerPoint, previews) draw from the cache.
                "name_data": [_("Answers")],
                "categories_data": [_text(row.label) for row in question.rows],
                "values_data": [row.count for row in question.rows],
                "data_labels": {"value": True},
            }
        )
        chart.set_style(10)
        chart.set_title({"none": True})
        chart.set_legend({"none": True})
        # In a bar chart the y axis is the one with the categories.
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"name": _("Number of answers"), "major_gridlines": {"visible": False}})
        height = max(7.5, 0.7 * len(question.rows) + 2.5)
        chart.set_size(
            {"width": round(18 * PIXELS_PER_CM), "height": round(height * PIXELS_PER_CM)}
        )
        sheet.worksheet.insert_chart(1, 4, chart)


def _question_sheet(book: _Book, name: str, question: QuestionResult, report: ResultsReport):
    formats = book.formats
    sheet = book.sheet(name, {0: 45, 1: 14, 2: 12})
    sheet.append(f"{question.number}. {question.label}", cell_format=formats.heading)
    sheet.append(question.field_type_label, cell_format=formats.italic)
    sheet.append()
    if question.has_distribution:
        header_row = sheet.append(
            _("Month") if question.kind == QuestionKind.DATE else _("Answer option"),
            _("Answers"),
            _("Share"),
            cell_format=formats.bold,
        )
        for row in question.rows:
            sheet.append_cells(
                (row.label, formats.wrap),
                (row.count, formats.top),
                (row.share / 100, formats.share),
            )
        no_answer = question.no_answer
        sheet.append_cells(
            (no_answer.label, formats.italic),
            (no_answer.count, formats.italic),
            (no_answer.share / 100, formats.italic_share),
        )
        sheet.append(_("Total answers"), report.total, cell_format=formats.bold)
        if question.multiple:
            sheet.append(
                _(
                    "Several options could be chosen: a share is the part of the respondents who "
                    "chose the option, so the shares add up to more than 100 per cent."
                ),
                cell_format=formats.italic,
            )
        if question.rows:
            book.chart(sheet, question, header_row)
    else:
        sheet.append(_("Answered"), question.answered)
        sheet.append(question.no_answer.label, question.no_answer.count)
    if question.has_statistics:
        sheet.append()
        for label, value in (
            (_("Mean"), question.mean),
            (_("Median"), question.median),
            *(
                ((_("Minimum"), question.minimum), (_("Maximum"), question.maximum))
                if question.kind == QuestionKind.NUMBER
                else ()
            ),
        ):
            sheet.append_cells((label, None), ("—" if value is None else value, formats.number))


FREE_ANSWER_WIDTHS = {0: 18, 1: 90}


def _free_answer_header(sheet: _Sheet) -> None:
    """The column titles, kept in view however far down the answers are scrolled."""
    header_row = sheet.append(_("Date and time"), _("Answer"), cell_format=sheet.formats.bold)
    sheet.worksheet.freeze_panes(header_row + 1, 0)


def _free_answer_sheets(book: _Book, name: str, question: QuestionResult, taken: set[str]):
    """The question's answers newest first; further sheets past Excel's row limit."""
    formats = book.formats
    heading = f"{question.number}. {question.label}"
    sheet = book.sheet(name, FREE_ANSWER_WIDTHS)
    sheet.append(heading, cell_format=formats.heading)
    sheet.append(question.field_type_label, cell_format=formats.italic)
    sheet.append(_("Answered"), question.answered)
    sheet.append(question.no_answer.label, question.no_answer.count)
    if question.texts_left_out:
        sheet.append(
            _(
                "The newest %(shown)s of %(total)s answers are listed; every answer is in the "
                "questionnaire's «All answers» and its download (CSV or XLSX)."
            )
            % {"shown": len(question.texts), "total": question.answered},
            cell_format=formats.italic,
        )
    sheet.append()
    _free_answer_header(sheet)
    if not question.texts:
        sheet.append(_("No answers yet."), cell_format=formats.italic)
        return
    # The hot loop of the report: one call per cell, nothing looked up twice.
    zone, date_format, text_format = book.zone, formats.datetime, formats.wrap
    write_datetime, write_string = sheet.worksheet.write_datetime, sheet.worksheet.write_string
    row = sheet.row
    for answer in question.texts:
        if row >= ROWS_PER_SHEET:
            sheet = book.sheet(unique_sheet_name(name, taken), FREE_ANSWER_WIDTHS)
            sheet.append(heading, cell_format=formats.heading)
            sheet.append(
                _("Continued from the sheet «%(sheet)s».") % {"sheet": name},
                cell_format=formats.italic,
            )
            sheet.append()
            _free_answer_header(sheet)
            write_datetime, write_string = (
                sheet.worksheet.write_datetime,
                sheet.worksheet.write_string,
            )
            row = sheet.row
        write_datetime(row, 0, _local_naive(answer.submitted_at, zone), date_format)
        write_string(row, 1, ILLEGAL_CHARACTERS.sub("", answer.text), text_format)
        row += 1


def _summary_sheet(book: _Book, name: str, report: ResultsReport, sheet_names: dict[int, str]):
    formats = book.formats
    sheet = book.sheet(name, {0: 6, 1: 50, 2: 24, 3: 12, 4: 12, 5: 12, 6: 12, 7: 34})
    sheet.append(_("Questionnaire results report"), cell_format=formats.heading)
    sheet.append()
    sheet.append(_("Questionnaire"), report.title)
    sheet.append(_("Period"), report.period_display or "—")
    sheet.append(_("Total answers"), report.total)
    sheet.append(_("Report made"), timezone.now())
    sheet.append()
    sheet.append(
        _("No."),
        _("Question"),
        _("Question type"),
        _("Answered"),
        _("No answer"),
        _("Mean"),
        _("Median"),
        _("Sheet"),
        cell_format=formats.bold,
    )
    for question in report.questions:
        sheet.append_cells(
            (question.number, None),
            (question.label, formats.wrap),
            (question.field_type_label, None),
            (question.answered, None),
            (question.no_answer.count, None),
            (question.mean, formats.number),
            (question.median, formats.number),
            (sheet_names[question.number], None),
        )


def write_results_xlsx(report: ResultsReport, output) -> None:
    """Write the report to `output` (a binary file) as an XLSX workbook.

    The rows wait on disk until `close` packs them; in a directory of their own, so that a
    failure half way leaves none of them behind.
    """
    with tempfile.TemporaryDirectory(prefix="results-xlsx-") as tmpdir:
        workbook = xlsxwriter.Workbook(
            output,
            {
                "constant_memory": True,
                "tmpdir": tmpdir,
                # A sheet of long answers may pass the 2 GB a zip member has without ZIP64.
                "use_zip64": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        workbook.set_properties(
            {"title": _text(f"{_('Questionnaire results report')} — {report.title}")}
        )
        book = _Book(workbook)
        taken: set[str] = set()
        summary_name = unique_sheet_name(_("Summary"), taken)
        sheet_names = {
            question.number: unique_sheet_name(f"{question.number}. {question.label}", taken)
            for question in report.questions
        }
        _summary_sheet(book, summary_name, report, sheet_names)
        for question in report.questions:
            name = sheet_names[question.number]
            if question.kind == QuestionKind.TEXT:
                _free_answer_sheets(book, name, question, taken)
            else:
                _question_sheet(book, name, question, report)
        workbook.close()
