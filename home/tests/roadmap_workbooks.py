"""Excel roadmaps laid out in ways the seeds are not, built with openpyxl for the tests."""

import io

import openpyxl

HEADER = ["№", "Мероприятие", "Срок", "Ответственный", "Результат"]


def workbook_bytes(
    rows: list[list[str]],
    *,
    title: str = "",
    merged: tuple[str, ...] = (),
) -> bytes:
    """A sheet with an optional title row merged over the table's width, then the rows
    (the header first); ``merged`` names further ranges to merge, such as "A5:E5"."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


DOCUMENT_TITLE = (
    "Дорожная карта реализации целевой модели наставничества в МБОУ «Средняя школа № 5» "
    "на 2024–2025 учебный год"
)


def school_roadmap() -> bytes:
    """Sections numbered inside their titles with the number column empty, a row the
    converter wrapped (a merge), a deadline nobody can read, a multi-line cell."""
    return workbook_bytes(
        [
            HEADER,
            ["", "1. Подготовительный этап", "", "", ""],
            ["1.1", "Приказ о внедрении", "сентябрь 2024", "Директор", "Приказ"],
            ["1.2", "Положение о наставничестве", "до 30.09.2024", "Куратор", "Положение"],
            ["", "", "", "", "и дорожная карта"],
            ["", "2. Организационный этап", "", "", ""],
            ["2.1", "Формирование базы:\n• наставников\n• наставляемых", "октябрь", "Куратор", ""],
            ["2.2", "Встречи пар", "по графику партнёра", "Наставники", "Протоколы"],
        ],
        title=DOCUMENT_TITLE,
    )
