"""The results report as one XLSX workbook: a summary, a sheet per question, the free answers.

The workbook is written in openpyxl's write-only mode, row by row, so free answers in their
hundreds of thousands do not sit in memory as cells. Choice, rating and date questions get a
native Excel bar chart next to their table.
"""

import datetime
import re
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font

from forms_app.reports.results import QuestionKind, QuestionResult, ResultsReport

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_NAME_LENGTH = 31
# Excel's limit is 1 048 576 rows; one is the header.
ROWS_PER_SHEET = 1_048_575
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
SHARE_FORMAT = "0.0%"
NUMBER_FORMAT = "0.00"

SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# --- names -----------------------------------------------------------------------------------


def _text(value) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


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


def _local_naive(value: datetime.datetime) -> datetime.datetime:
    if timezone.is_aware(value):
        value = timezone.make_naive(timezone.localtime(value))
    return value.replace(microsecond=0)


class _Writer:
    def __init__(self, workbook: Workbook):
        self.workbook = workbook
        self.bold = Font(bold=True)
        self.heading = Font(bold=True, size=14)
        self.italic = Font(italic=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")

    def cell(self, sheet, value, *, font=None, number_format=None, wrap=False):
        if isinstance(value, datetime.datetime):
            cell = WriteOnlyCell(sheet, value=_local_naive(value))
            cell.number_format = DATETIME_FORMAT
        elif value is None or isinstance(value, int | float):
            cell = WriteOnlyCell(sheet, value=value)
            if number_format:
                cell.number_format = number_format
        else:
            cell = WriteOnlyCell(sheet, value=_text(value))
            # Never a formula, whatever a respondent typed.
            cell.data_type = "s"
        if font is not None:
            cell.font = font
        cell.alignment = self.wrap if wrap else self.top
        return cell

    def row(self, sheet, *values, font=None):
        sheet.append([self.cell(sheet, value, font=font) for value in values])


def _chart(sheet, question: QuestionResult, first_row: int, last_row: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = None
    chart.legend = None
    chart.varyColors = False
    chart.add_data(
        Reference(sheet, min_col=2, min_row=first_row - 1, max_row=last_row), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=first_row, max_row=last_row))
    # Options top-down as in the table, and axes shown (openpyxl hides them by default).
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.y_axis.title = _("Number of answers")
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    rows = last_row - first_row + 1
    chart.width = 18
    chart.height = max(7.5, 0.7 * rows + 2.5)
    return chart


def _question_sheet(writer: _Writer, sheet, question: QuestionResult, report: ResultsReport):
    for column, width in {"A": 45, "B": 14, "C": 12}.items():
        sheet.column_dimensions[column].width = width
    writer.row(sheet, f"{question.number}. {question.label}", font=writer.heading)
    writer.row(sheet, question.field_type_label, font=writer.italic)
    writer.row(sheet)
    if question.has_distribution:
        header_row = 4
        writer.row(
            sheet,
            _("Month") if question.kind == QuestionKind.DATE else _("Answer option"),
            _("Answers"),
            _("Share"),
            font=writer.bold,
        )
        for row in question.rows:
            sheet.append(
                [
                    writer.cell(sheet, row.label, wrap=True),
                    writer.cell(sheet, row.count),
                    writer.cell(sheet, row.share / 100, number_format=SHARE_FORMAT),
                ]
            )
        last_row = header_row + len(question.rows)
        sheet.append(
            [
                writer.cell(sheet, question.no_answer.label, font=writer.italic),
                writer.cell(sheet, question.no_answer.count, font=writer.italic),
                writer.cell(
                    sheet,
                    question.no_answer.share / 100,
                    font=writer.italic,
                    number_format=SHARE_FORMAT,
                ),
            ]
        )
        writer.row(sheet, _("Total answers"), report.total, font=writer.bold)
        if question.multiple:
            writer.row(
                sheet,
                _(
                    "Several options could be chosen: a share is the part of the respondents who "
                    "chose the option, so the shares add up to more than 100 per cent."
                ),
                font=writer.italic,
            )
        if question.rows:
            sheet.add_chart(_chart(sheet, question, header_row + 1, last_row), "E2")
    else:
        writer.row(sheet, _("Answered"), question.answered)
        writer.row(sheet, question.no_answer.label, question.no_answer.count)
    if question.has_statistics:
        writer.row(sheet)
        for label, value in (
            (_("Mean"), question.mean),
            (_("Median"), question.median),
            *(
                ((_("Minimum"), question.minimum), (_("Maximum"), question.maximum))
                if question.kind == QuestionKind.NUMBER
                else ()
            ),
        ):
            sheet.append(
                [
                    writer.cell(sheet, label),
                    writer.cell(
                        sheet, "—" if value is None else value, number_format=NUMBER_FORMAT
                    ),
                ]
            )


def _summary_sheet(writer: _Writer, sheet, report: ResultsReport, sheet_names: dict[int, str]):
    widths = {"A": 6, "B": 50, "C": 24, "D": 12, "E": 12, "F": 12, "G": 12, "H": 34}
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    writer.row(sheet, _("Questionnaire results report"), font=writer.heading)
    writer.row(sheet)
    writer.row(sheet, _("Questionnaire"), report.title)
    writer.row(sheet, _("Period"), report.period_display or "—")
    writer.row(sheet, _("Total answers"), report.total)
    writer.row(sheet, _("Report made"), timezone.now())
    writer.row(sheet)
    writer.row(
        sheet,
        _("No."),
        _("Question"),
        _("Question type"),
        _("Answered"),
        _("No answer"),
        _("Mean"),
        _("Median"),
        _("Sheet"),
        font=writer.bold,
    )
    for question in report.questions:
        sheet.append(
            [
                writer.cell(sheet, question.number),
                writer.cell(sheet, question.label, wrap=True),
                writer.cell(sheet, question.field_type_label),
                writer.cell(sheet, question.answered),
                writer.cell(sheet, question.no_answer.count),
                writer.cell(sheet, question.mean, number_format=NUMBER_FORMAT),
                writer.cell(sheet, question.median, number_format=NUMBER_FORMAT),
                writer.cell(sheet, sheet_names.get(question.number, "")),
            ]
        )


def _free_answer_rows(report: ResultsReport) -> Iterator[tuple]:
    for question in report.text_questions:
        for answer in question.texts:
            yield question.number, question.label, answer.submitted_at, answer.text


def _free_answer_sheets(writer: _Writer, workbook: Workbook, report: ResultsReport, name, taken):
    """The free answers, question by question, newest first; more sheets past Excel's limit."""
    sheet = _free_answers_sheet(writer, workbook, name)
    written = 0
    for number, label, submitted_at, text in _free_answer_rows(report):
        if written >= ROWS_PER_SHEET:
            sheet = _free_answers_sheet(writer, workbook, unique_sheet_name(name, taken))
            written = 0
        sheet.append(
            [
                writer.cell(sheet, number),
                writer.cell(sheet, label, wrap=True),
                writer.cell(sheet, submitted_at),
                writer.cell(sheet, text, wrap=True),
            ]
        )
        written += 1
    if not report.total:
        writer.row(sheet, "", _("No answers yet."))


def _free_answers_sheet(writer: _Writer, workbook: Workbook, name: str):
    sheet = workbook.create_sheet(name)
    for column, width in {"A": 6, "B": 40, "C": 18, "D": 90}.items():
        sheet.column_dimensions[column].width = width
    writer.row(sheet, _("No."), _("Question"), _("Date and time"), _("Answer"), font=writer.bold)
    return sheet


def write_results_xlsx(report: ResultsReport, output) -> None:
    """Write the report to `output` (a binary file) as an XLSX workbook."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = _text(f"{_('Questionnaire results report')} — {report.title}")
    writer = _Writer(workbook)
    taken: set[str] = set()
    summary_name = unique_sheet_name(_("Summary"), taken)
    free_name = unique_sheet_name(_("Free answers"), taken) if report.text_questions else ""
    sheet_names = {
        question.number: free_name
        if question.kind == QuestionKind.TEXT
        else unique_sheet_name(f"{question.number}. {question.label}", taken)
        for question in report.questions
    }
    _summary_sheet(writer, workbook.create_sheet(summary_name), report, sheet_names)
    for question in report.questions:
        if question.kind != QuestionKind.TEXT:
            sheet = workbook.create_sheet(sheet_names[question.number])
            _question_sheet(writer, sheet, question, report)
    if free_name:
        _free_answer_sheets(writer, workbook, report, free_name, taken)
    workbook.save(output)
