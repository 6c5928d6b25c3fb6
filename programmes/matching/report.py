"""«Сопоставление анкет наставников и наставляемых» as XLSX: the report the roadmaps name
(«отчет по результатам анализа заполненных анкет потенциальных наставников и сопоставление
данных с анкетами наставляемых»), built from the same suggestion the curator sees.

Sheets: the suggested pairs with each criterion's points, the mentees left without a pair and
why, the mentors with their capacity and how much of it the suggestion uses, and who was set
aside.
"""

from typing import BinaryIO

import xlsxwriter
from django.utils.translation import gettext as _

from programmes.matching.engine import MatchingResult
from programmes.matching.pool import Pool


def _sheet(book, title: str, headers: list[str], rows: list[list], widths: list[int]):
    sheet = book.add_worksheet(title[:31])
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for column, (header, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write(0, column, header, bold)
        sheet.set_column(column, column, width, wrap)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)


def write_matching_xlsx(pool: Pool, result: MatchingResult, output: BinaryIO) -> None:
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    taken: dict[int, int] = {}
    for suggestion in result.suggestions:
        taken[suggestion.mentor.pk] = taken.get(suggestion.mentor.pk, 0) + 1
    _sheet(
        book,
        _("Suggested pairs"),
        [
            _("Mentee"),
            _("Requests"),
            _("Mentor"),
            _("Competences"),
            _("Points"),
            _("Why"),
            _("Locked"),
        ],
        [
            [
                s.mentee.name,
                "\n".join(s.mentee.topics),
                s.mentor.name,
                "\n".join(s.mentor.topics),
                s.tenths / 10,
                "\n".join(f"{line.text}: {line.points}" for line in s.lines),
                _("Yes") if s.locked else _("No"),
            ]
            for s in result.suggestions
        ],
        [30, 40, 30, 40, 8, 70, 12],
    )
    _sheet(
        book,
        _("Without a pair"),
        [_("Mentee"), _("Requests"), _("Why")],
        [[u.mentee.name, "\n".join(u.mentee.topics), u.reason] for u in result.unmatched],
        [30, 40, 80],
    )
    _sheet(
        book,
        _("Mentors"),
        [_("Mentor"), _("Competences"), _("Free places"), _("Suggested mentees")],
        [[m.name, "\n".join(m.topics), m.capacity, taken.get(m.pk, 0)] for m in pool.mentors],
        [30, 50, 14, 14],
    )
    _sheet(
        book,
        _("Not in the matching"),
        [_("Name"), _("Role"), _("Why")],
        [
            [a.name, _("mentor") if a.role == "mentor" else _("mentee"), a.reason]
            for a in pool.set_aside
        ],
        [30, 14, 60],
    )
    book.close()
