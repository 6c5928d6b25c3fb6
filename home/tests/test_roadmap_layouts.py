"""Roadmaps laid out differently from the seeds, as Excel files: what the parser makes of them.

Each case is a sheet built with openpyxl and the exact stages, events and warnings expected;
rows are numbered as Excel numbers them (the title row, when there is one, is row 1).
"""

import io
from datetime import date

import docx
import pytest

from home.roadmap_import import parse_roadmap, read_table_document
from home.tests.roadmap_workbooks import DOCUMENT_TITLE, HEADER, school_roadmap, workbook_bytes


def parsed(data: bytes):
    return parse_roadmap(read_table_document(io.BytesIO(data), "karta.xlsx"))


def outline(roadmap):
    """Stages as (number, title, events), events as (number, name, deadline, responsible)."""
    return [
        (
            stage.number,
            stage.title,
            [(e.number, e.name, e.deadline, e.responsible) for e in stage.events],
        )
        for stage in roadmap.stages
    ]


def warnings(roadmap):
    return [(warning.kind, warning.rows) for warning in roadmap.warnings]


LAYOUTS = {
    "numbers inside the titles, number column empty": (
        workbook_bytes(
            [
                HEADER,
                ["", "1. Подготовительный этап", "", "", ""],
                ["1.1", "Приказ", "сентябрь", "Директор", ""],
                ["", "2. Организационный этап", "", "", ""],
                ["2.1", "База наставников", "октябрь", "Куратор", ""],
                ["", "Раздел 3 Завершение", "", "", ""],
                ["3.1", "Отчёт", "май", "Куратор", ""],
                ["", "IV. Итоги", "", "", ""],
                ["", "Конференция", "июнь", "Директор", ""],
            ]
        ),
        [
            ("1", "Подготовительный этап", [("1.1", "Приказ", "сентябрь", "Директор")]),
            ("2", "Организационный этап", [("2.1", "База наставников", "октябрь", "Куратор")]),
            ("3", "Завершение", [("3.1", "Отчёт", "май", "Куратор")]),
            ("IV", "Итоги", [("", "Конференция", "июнь", "Директор")]),
        ],
        [],
    ),
    "stage labels in the number column": (
        workbook_bytes(
            [
                HEADER,
                ["Этап 1.", "Подготовка", "", "", ""],
                ["1", "Приказ", "сентябрь", "Директор", ""],
                ["II", "Организация", "", "", ""],
                ["1", "Встречи", "октябрь", "Куратор", ""],
            ]
        ),
        [
            ("1", "Подготовка", [("1", "Приказ", "сентябрь", "Директор")]),
            ("II", "Организация", [("1", "Встречи", "октябрь", "Куратор")]),
        ],
        [],
    ),
    "number in its column and a label in the title": (
        workbook_bytes(
            [
                HEADER,
                ["1.", "Этап 1. Подготовка", "", "", ""],
                ["1.1", "Приказ", "сентябрь", "Директор", ""],
                ["2.", "Раздел 2: Организация", "", "", ""],
                ["2.1", "Встречи", "октябрь", "Куратор", ""],
            ]
        ),
        [
            ("1", "Подготовка", [("1.1", "Приказ", "сентябрь", "Директор")]),
            ("2", "Организация", [("2.1", "Встречи", "октябрь", "Куратор")]),
        ],
        [],
    ),
    "headings in cells merged across the table": (
        workbook_bytes(
            [
                HEADER,
                ["Подготовительный этап", "", "", "", ""],
                ["1", "Приказ", "сентябрь", "Директор", ""],
                ["2. Основной этап", "", "", "", ""],
                ["2", "Встречи", "октябрь", "Куратор", ""],
            ],
            merged=("A2:E2", "A4:E4"),
        ),
        [
            ("", "Подготовительный этап", [("1", "Приказ", "сентябрь", "Директор")]),
            ("2", "Основной этап", [("2", "Встречи", "октябрь", "Куратор")]),
        ],
        [],
    ),
    "multi-line cells and bullets": (
        workbook_bytes(
            [
                HEADER,
                ["1", "Документы:\n• положение\n• приказ", "август", "Директор", ""],
                [
                    "2",
                    "Базы: • учеников • выпускников",
                    "сентябрь\n2024 г.",
                    "Куратор,\nпедагоги",
                    "",
                ],
                ["3", "Списки\n- наставников\n- наставляемых", "октябрь", "Куратор", ""],
            ]
        ),
        [
            (
                "",
                "",
                [
                    ("1", "Документы:\n• положение\n• приказ", "август", "Директор"),
                    (
                        "2",
                        "Базы:\n• учеников\n• выпускников",
                        "сентябрь 2024 г.",
                        "Куратор,\nпедагоги",
                    ),
                    ("3", "Списки\n- наставников\n- наставляемых", "октябрь", "Куратор"),
                ],
            )
        ],
        [],
    ),
    "wrapped rows are merged and said; a doubtful row stays apart": (
        workbook_bytes(
            [
                HEADER,
                ["", "1. Подготовка", "", "", ""],
                ["1.1", "Информирование педагогов", "август", "Куратор", "Протокол"],
                ["", "", "", "", "педагогического совета"],
                ["1.2", "Разработка мер поощрения", "сентябрь", "Директор", ""],
                ["", "и популяризация практик", "", "", ""],
                ["", "Организационное совещание", "", "", ""],
            ]
        ),
        [
            (
                "1",
                "Подготовка",
                [
                    ("1.1", "Информирование педагогов", "август", "Куратор"),
                    (
                        "1.2",
                        "Разработка мер поощрения и популяризация практик",
                        "сентябрь",
                        "Директор",
                    ),
                    ("", "Организационное совещание", "", ""),
                ],
            )
        ],
        [("merged", (3, 4)), ("merged", (5, 6)), ("doubtful", (7,))],
    ),
    "a deadline merged down over several events": (
        workbook_bytes(
            [
                HEADER,
                ["1", "Анкетирование", "сентябрь", "Куратор", ""],
                ["2", "Собеседования", "", "Куратор", ""],
                ["3", "Отбор", "", "Директор", ""],
            ],
            merged=("C2:C4",),
        ),
        [
            (
                "",
                "",
                [
                    ("1", "Анкетирование", "сентябрь", "Куратор"),
                    ("2", "Собеседования", "сентябрь", "Куратор"),
                    ("3", "Отбор", "сентябрь", "Директор"),
                ],
            )
        ],
        [],
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_layout_gives_exactly_these_stages_events_and_warnings(layout):
    data, expected_outline, expected_warnings = LAYOUTS[layout]

    roadmap = parsed(data)

    assert outline(roadmap) == expected_outline
    assert warnings(roadmap) == expected_warnings


def test_section_title_is_never_glued_to_the_previous_event():
    """The bug of issue 12: «2. Организационный этап» ended up in the event above it."""
    roadmap = parsed(school_roadmap())

    names = [event.name for stage in roadmap.stages for event in stage.events]
    assert not any("Организационный этап" in name for name in names)
    assert [stage.title for stage in roadmap.stages] == [
        "Подготовительный этап",
        "Организационный этап",
    ]


def test_title_row_above_the_table_is_the_document_title_and_gives_the_school_year():
    roadmap = parsed(school_roadmap())

    assert roadmap.title == DOCUMENT_TITLE
    assert (roadmap.period_start, roadmap.period_end) == (date(2024, 9, 1), date(2025, 8, 31))


def test_title_typed_over_two_rows_is_read_whole():
    data = workbook_bytes(
        [
            ["ДОРОЖНАЯ КАРТА"],
            ["реализации целевой модели наставничества на 2024-2025 учебный год"],
            HEADER,
            ["1", "Приказ", "сентябрь", "Директор", ""],
        ]
    )

    assert parsed(data).title == (
        "Дорожная карта реализации целевой модели наставничества на 2024-2025 учебный год"
    )


def test_no_title_above_the_table_leaves_the_title_empty():
    data = workbook_bytes([HEADER, ["1", "Приказ", "сентябрь", "Директор", ""]])

    assert parsed(data).title == ""


def test_a_very_long_title_is_cut_at_a_word_to_fit_a_page_title():
    long_title = "Дорожная карта " + "реализации целевой модели наставничества " * 10

    title = parsed(workbook_bytes([[long_title], HEADER, ["1", "Приказ", "май", "", ""]])).title

    assert len(title) <= 255
    assert title.endswith("наставничества…") or title.endswith("модели…") or title.endswith("…")
    assert long_title.startswith(title[:-1])


def test_word_table_keeps_paragraphs_as_lines_and_reads_a_merged_heading_row():
    word = docx.Document()
    table = word.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["№", "Мероприятие", "Срок"], strict=True):
        cell.text = text
    table.rows[1].cells[0].merge(table.rows[1].cells[2]).text = "Организационный этап"
    table.rows[2].cells[0].text = "1"
    table.rows[2].cells[1].text = "Встреча"
    table.rows[2].cells[1].add_paragraph("• знакомство пар")
    table.rows[2].cells[2].text = "октябрь"
    table.rows[3].cells[0].merge(table.rows[3].cells[2]).text = "продолжение без номера"
    buffer = io.BytesIO()
    word.save(buffer)

    roadmap = parse_roadmap(read_table_document(io.BytesIO(buffer.getvalue()), "karta.docx"))

    assert outline(roadmap) == [
        (
            "",
            "Организационный этап",
            [("1", "Встреча\n• знакомство пар продолжение без номера", "октябрь", "")],
        )
    ]
    assert warnings(roadmap) == [("merged", (3, 4))]


def test_csv_cell_with_line_breaks_keeps_them():
    data = 'Мероприятие;Срок\n"Совет:\n- план\n- отчёт";май\n'.encode()

    event = parse_roadmap(read_table_document(io.BytesIO(data), "karta.csv")).stages[0].events[0]

    assert (event.name, event.deadline) == ("Совет:\n- план\n- отчёт", "май")
