"""Roadmap import: the two real seed roadmaps, the same table in every format, bad files."""

import csv
import io
import random
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from django.conf import settings
from django.utils import translation

from home.roadmap_import import (
    MAX_FILE_SIZE,
    ParsedRoadmap,
    RoadmapImportError,
    TableDocument,
    parse_roadmap,
    read_table_document,
)

if not settings.configured:  # run without the project settings (-p no:django)
    settings.configure(USE_I18N=False)

SEEDS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_000 = "000_1c6819adc6d14504.txt"
SEED_004 = "004_2a77d13b6357ae68.txt"
SEEDS = (SEED_000, SEED_004)


# --- helpers ------------------------------------------------------------------------------


def _seed_document(name: str) -> TableDocument:
    return read_table_document(SEEDS_DIR / name, name)


def _parse_seed(name: str) -> ParsedRoadmap:
    return parse_roadmap(_seed_document(name))


def _parse_bytes(data: bytes, filename: str) -> ParsedRoadmap:
    return parse_roadmap(read_table_document(io.BytesIO(data), filename))


def _import_error(data: bytes, filename: str) -> RoadmapImportError:
    with pytest.raises(RoadmapImportError) as raised:
        _parse_bytes(data, filename)
    return raised.value


def _english(error: RoadmapImportError) -> str:
    with translation.override("en"):
        return error.message


def _padded(cells: list[str], width: int) -> list[str]:
    return [*cells, *[""] * (width - len(cells))]


def _text_bytes(document: TableDocument, encoding: str) -> bytes:
    lines = [*document.preamble, *("\t".join(row) for row in document.rows)]
    return "\n".join(lines).encode(encoding)


def _csv_bytes(document: TableDocument, encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows([line.replace("**", "")] for line in document.preamble if line.strip())
    writer.writerows(document.rows)
    return buffer.getvalue().encode(encoding)


def _xlsx_bytes(document: TableDocument) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in document.preamble:
        sheet.append([line.replace("**", "")])
    for row in document.rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _docx_bytes(document: TableDocument) -> bytes:
    """The table in Word; a row with text in its first cell only becomes one merged cell."""
    word = docx.Document()
    for line in document.preamble:
        word.add_paragraph(line.replace("**", ""))
    _add_docx_table(word, document.rows)
    return _saved(word)


def _add_docx_table(word, rows: list[list[str]]) -> None:
    width = len(rows[0])
    table = word.add_table(rows=0, cols=width)
    for cells in rows:
        values, row = _padded(cells, width), table.add_row()
        if not any(values[1:]):
            row.cells[0].merge(row.cells[-1]).text = values[0]
            continue
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def _saved(word) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _replace_header(document: TableDocument, header: list[str]) -> TableDocument:
    return TableDocument(document.preamble, [header, *document.rows[1:]])


def _reorder_columns(document: TableDocument, order: list[int]) -> TableDocument:
    width = len(document.rows[0])
    rows = [[_padded(row, width)[index] for index in order] for row in document.rows]
    return TableDocument(document.preamble, rows)


def _stage_counts(roadmap: ParsedRoadmap) -> list[int]:
    return [len(stage.events) for stage in roadmap.stages]


def _event(roadmap: ParsedRoadmap, stage: int, event: int):
    return roadmap.stages[stage - 1].events[event - 1]


def _letters_and_digits(texts) -> int:
    return sum(char.isalnum() for text in texts for char in text)


def _parsed_texts(roadmap: ParsedRoadmap):
    for stage in roadmap.stages:
        yield from (stage.number, stage.title, stage.task)
        for event in stage.events:
            yield from (event.number, event.name, event.responsible, event.deadline, event.result)


# --- the seed roadmaps --------------------------------------------------------------------


def test_seed_000_gives_seven_stages_with_their_events():
    roadmap = _parse_seed(SEED_000)

    assert [stage.number for stage in roadmap.stages] == ["1", "2", "3", "4", "5", "6", "7"]
    assert _stage_counts(roadmap) == [5, 2, 3, 4, 4, 5, 6]
    assert roadmap.event_count == 29


def test_seed_004_numbered_sections_become_six_stages():
    roadmap = _parse_seed(SEED_004)

    assert [stage.number for stage in roadmap.stages] == ["1", "2", "3", "4", "5", "6"]
    assert _stage_counts(roadmap) == [4, 7, 8, 6, 4, 1]
    assert roadmap.event_count == 30
    assert roadmap.stages[3].title == (
        "Реализация целевой модели наставничества в образовательных организациях"
    )


def test_seed_000_stage_titles_and_tasks_are_split_from_stage_and_task_rows():
    stages = _parse_seed(SEED_000).stages

    assert stages[0].title == "Подготовка условий для запуска программы наставничества"
    assert stages[0].task == "создание благоприятных условий для запуска программы наставничества"
    assert stages[1].title == "Формирование базы наставляемых"
    assert stages[2].task == "поиск потенциальных наставников для формирования базы наставников"
    assert stages[4].title == "Формирование наставнических пар/групп"
    assert stages[5].task.startswith("закрепление гармоничных и продуктивных отношений")
    assert stages[6].title == "Завершение наставничества."
    assert stages[6].task.startswith("подведение итогов работы каждой пары или группы")
    assert stages[6].task.endswith("и награждения лучших наставников")


def test_seed_000_events_keep_their_full_texts():
    roadmap = _parse_seed(SEED_000)

    first = _event(roadmap, 1, 1)
    assert first.number == ""
    assert first.name == "Нормативно-правовое оформление программы наставничества"
    assert first.responsible == "Директор Гимназии, заместитель директора по УВР"
    assert first.deadline == "Август 2022 г."
    assert first.result == (
        "Приказ о внедрении целевой модели наставничества в техникуме; Положение о внедрении "
        "целевой модели наставничества в техникуме; Дорожная карта внедрения целевой модели "
        "наставничества в Гимназии"
    )
    meeting = _event(roadmap, 6, 1)
    assert meeting.name == (
        "Проведение первой, организационной, встречи наставника и наставляемого "
        "(встреча- знакомство)"
    )
    assert meeting.deadline == "Январь – июнь 2023 г."
    assert _event(roadmap, 4, 1).result == ""


def test_continuation_row_extends_the_result_of_the_previous_event():
    event = _event(_parse_seed(SEED_000), 1, 4)

    assert event.name == (
        "Создание условий для информационного обеспечения внедрения целевой модели наставничества"
    )
    assert event.result == (
        "Раздел «Наставничество» на сайте Гимназии с размещением пакета нормативно-правовых и "
        "организационных документов по внедрению целевой модели наставничества в 2022-2023 гг."
    )


def test_continuation_row_extends_the_name_of_the_previous_event():
    roadmap = _parse_seed(SEED_000)
    event = _event(roadmap, 7, 5)

    assert event.name == (
        "Определение мер поощрения наставников, добившихся положительных результатов в области "
        "наставничества популяризация лучших практик и примеров наставничества через "
        "участников, интернет и сайт."
    )
    assert (
        event.responsible
        == "Куратор проекта наставничества, директор, заместитель директора по УВР"
    )
    assert _event(roadmap, 7, 6).name.startswith("Формирование базы успешных практик (кейсов).")


def test_seed_004_events_keep_numbers_quotes_and_list_dashes():
    roadmap = _parse_seed(SEED_004)

    listing = _event(roadmap, 2, 2)
    assert listing.number == "2.2."
    assert listing.result == (
        "Базы наставников, потенциальных участников программ наставничества, включая: - базы "
        "учеников (в роли «наставляемого» и «наставника»); - базы выпускников; - базы "
        "наставников от предприятий и организаций; - базы наставников из числа активных педагогов."
    )
    forum = _event(roadmap, 3, 8)
    assert (forum.number, forum.name, forum.deadline, forum.responsible, forum.result) == (
        "3.9.",
        "Участие в межрегиональном форуме по реализации ЦМН",
        "20 декабря ежегодно",
        "Пожванюк М.В., Фролова Л.И.",
        "Принято участие в межрегиональном форуме по реализации ЦМН",
    )
    assert _event(roadmap, 6, 1).result == "Предоставление контрольно-аналитических материалов"


@pytest.mark.parametrize("seed", SEEDS)
def test_parsing_keeps_every_letter_and_digit_of_the_seed_table(seed):
    """Nothing is dropped: only the stage labels and punctuation around numbers may go.

    Labels («Этап», «Задача этапа») become structure, and «1.» becomes stage number «1»,
    so the comparison counts letters and digits with the labels taken out.
    """
    document = _seed_document(seed)
    label = re.compile(r"\bЭтап\b|\bЗадач[аи]\s+(?:данного\s+)?этапа\b")
    table_cells = [label.sub("", cell) for row in document.rows[1:] for cell in row]

    parsed = _parse_seed(seed)

    assert _letters_and_digits(_parsed_texts(parsed)) == _letters_and_digits(table_cells)


def test_seed_000_preamble_gives_heading_period_and_approval_order():
    roadmap = _parse_seed(SEED_000)

    assert roadmap.heading == (
        "«ДОРОЖНАЯ КАРТА» реализации Целевой модели наставничества на 2022-2023 гг. "
        "«Гимназии «Жуковка» Первый год"
    )
    assert (roadmap.period_start, roadmap.period_end) == (date(2022, 1, 1), date(2023, 12, 31))
    assert roadmap.approval_order_number == "16/1-О"
    assert roadmap.approval_order_date == date(2022, 8, 22)
    assert roadmap.organisation == ""


def test_seed_004_preamble_gives_organisation_and_approval_not_the_order_header():
    roadmap = _parse_seed(SEED_004)

    assert roadmap.organisation == (
        "Муниципальное автономное учреждение дополнительного образования "
        "«Центр внешкольной работы имени С.А. Криворотовой»"
    )
    assert roadmap.heading.startswith("План мероприятий (дорожная карта) внедрения и реализации")
    assert roadmap.heading.endswith(
        "«Центр внешкольной работы имени С.А.Криворотовой» на 2023-2024 гг."
    )
    assert (roadmap.period_start, roadmap.period_end) == (date(2023, 1, 1), date(2024, 12, 31))
    assert roadmap.approval_order_number == "26"
    assert roadmap.approval_order_date == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("heading", "period"),
    [
        ("Дорожная карта на 2022-2023 гг.", (date(2022, 1, 1), date(2023, 12, 31))),
        ("План мероприятий на 2024 год", (date(2024, 1, 1), date(2024, 12, 31))),
        ("Дорожная карта на 2024/2025 учебный год", (date(2024, 9, 1), date(2025, 8, 31))),
        ("Дорожная карта на 2024-2025 уч. год", (date(2024, 9, 1), date(2025, 8, 31))),
        ("Дорожная карта на 2020 – 2024 учебный год", (date(2020, 9, 1), date(2024, 8, 31))),
        ("План мероприятий, 2024-25 учебный год", (date(2024, 9, 1), date(2025, 8, 31))),
        # One year names no school year: it may start or end in it.
        ("Дорожная карта на 2024 учебный год", (None, None)),
    ],
)
def test_period_in_the_heading_is_calendar_or_school_years(heading, period):
    text = f"**{heading}**\n\nМероприятие\tСрок\nПриказ\tмарт\n"

    roadmap = _parse_bytes(text.encode(), "roadmap.txt")

    assert (roadmap.period_start, roadmap.period_end) == period


def test_preamble_keeps_non_empty_lines_without_bold_markers():
    preamble = _parse_seed(SEED_000).preamble

    assert preamble[:2] == ["Приложение 1", "К приказу от 22.08.2022 №16/1 -О"]
    assert "реализации Целевой модели наставничества на 2022-2023 гг." in preamble
    assert "Первый год" in preamble
    assert all(line and "**" not in line for line in preamble)


# --- the same table in other formats ------------------------------------------------------

FORMATS = {
    "docx": lambda document: ("roadmap.docx", _docx_bytes(document)),
    "xlsx": lambda document: ("roadmap.xlsx", _xlsx_bytes(document)),
    "csv-utf8-bom": lambda document: ("roadmap.csv", _csv_bytes(document, "utf-8-sig")),
    "csv-cp1251": lambda document: ("roadmap.csv", _csv_bytes(document, "cp1251")),
    "txt-utf8-bom": lambda document: ("roadmap.txt", _text_bytes(document, "utf-8-sig")),
    "txt-cp1251": lambda document: ("roadmap.txt", _text_bytes(document, "cp1251")),
    "tsv-utf16": lambda document: ("roadmap.tsv", _text_bytes(document, "utf-16")),
}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("file_format", FORMATS)
def test_same_table_in_another_format_gives_the_same_stages(seed, file_format):
    document = _seed_document(seed)
    filename, data = FORMATS[file_format](document)

    assert _parse_bytes(data, filename).stages == _parse_seed(seed).stages


def test_docx_bold_heading_and_approval_stamp_in_a_layout_table_are_read():
    word = docx.Document()
    stamp = word.add_table(rows=1, cols=2).rows[0].cells[1]
    stamp.text = "УТВЕРЖДЕН"
    stamp.add_paragraph("приказом директора от")
    stamp.add_paragraph("28.02.2023 года №26")
    word.add_paragraph().add_run("План мероприятий (дорожная карта) на 2023 год").bold = True
    _add_docx_table(
        word, [["№", "Мероприятие", "Срок"], ["1.", "Раздел", ""], ["1.1.", "Приказ", "Март"]]
    )

    roadmap = _parse_bytes(_saved(word), "roadmap.docx")

    assert roadmap.heading == "План мероприятий (дорожная карта) на 2023 год"
    assert (roadmap.period_start, roadmap.period_end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert (roadmap.approval_order_number, roadmap.approval_order_date) == (
        "26",
        date(2023, 2, 28),
    )
    assert roadmap.preamble[0] == "УТВЕРЖДЕН"


def test_docx_merged_cell_keeps_the_next_cells_under_their_headers():
    word = docx.Document()
    _add_docx_table(word, [["Мероприятие", "Ответственный", "Срок", "Результат"]])
    row = word.tables[0].add_row()
    row.cells[0].text = "Встреча"
    row.cells[1].merge(row.cells[2]).text = "Куратор, весь год"
    row.cells[3].text = "Протокол"

    event = _event(_parse_bytes(_saved(word), "roadmap.docx"), 1, 1)

    assert (event.responsible, event.deadline, event.result) == (
        "Куратор, весь год",
        "",
        "Протокол",
    )


def test_docx_numbered_section_merged_across_the_table_starts_a_stage():
    rows = [
        ["№", "Название мероприятия", "Срок реализации"],
        ["1. Нормативное правовое регулирование"],
        ["1.1.", "Разработка дорожной карты", "до 28.02.23"],
    ]
    word = docx.Document()
    _add_docx_table(word, rows)

    stage = _parse_bytes(_saved(word), "roadmap.docx").stages[0]

    assert (stage.number, stage.title) == ("1", "Нормативное правовое регулирование")
    assert [event.number for event in stage.events] == ["1.1."]


def test_xlsx_dates_and_whole_numbers_become_the_text_an_editor_sees():
    workbook = openpyxl.Workbook()
    workbook.active.append(["№", "Мероприятие", "Срок"])
    workbook.active.append([2.0, "Отчёт", datetime(2023, 2, 28)])

    document = read_table_document(io.BytesIO(_saved(workbook)), "roadmap.xlsx")

    assert document.rows[1] == ["2", "Отчёт", "28.02.2023"]


# --- header variants ----------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_headers_in_another_order_give_the_same_stages(seed):
    document = _seed_document(seed)
    order = list(reversed(range(len(document.rows[0]))))

    assert parse_roadmap(_reorder_columns(document, order)).stages == _parse_seed(seed).stages


@pytest.mark.parametrize(
    "header",
    [
        ["Наименование мероприятий", "Ответственные", "Сроки", "Ожидаемый результат"],
        ["Название мероприятия", "Ответственный исполнитель", "Срок исполнения", "Результат"],
        ["  МЕРОПРИЯТИЕ ", "ответственный", "СРОК РЕАЛИЗАЦИИ", "Результат. Вид документа"],
    ],
)
def test_alternative_header_names_are_recognised(header):
    document = _seed_document(SEED_000)

    roadmap = parse_roadmap(_replace_header(document, header))

    assert roadmap.stages == _parse_seed(SEED_000).stages


# --- files that cannot be imported --------------------------------------------------------


@pytest.mark.parametrize("filename", ["roadmap.docx", "roadmap.xlsx"])
def test_random_bytes_named_as_an_office_file_are_rejected(filename):
    garbage = random.Random(filename).randbytes(4096)

    assert _import_error(garbage, filename).code == "content_mismatch"


@pytest.mark.parametrize(
    ("filename", "part"),
    [("roadmap.docx", "word/document.xml"), ("roadmap.xlsx", "xl/workbook.xml")],
)
def test_damaged_office_file_is_rejected(filename, part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr(part, "<broken")

    assert _import_error(buffer.getvalue(), filename).code == "damaged"


@pytest.mark.parametrize("filename", ["roadmap.txt", "roadmap.docx", "roadmap.xlsx"])
def test_empty_file_is_rejected(filename):
    assert _import_error(b"", filename).code == "empty"


@pytest.mark.parametrize("filename", ["roadmap.pdf", "roadmap.doc", "roadmap"])
def test_unsupported_extension_is_rejected_listing_supported_formats(filename):
    error = _import_error(b"data", filename)

    assert error.code == "unsupported_format"
    assert all(extension in _english(error) for extension in (".docx", ".xlsx", ".csv", ".txt"))


def test_file_without_header_row_is_rejected_naming_the_columns_looked_for():
    error = _import_error("Дорожная карта\nЭтап 1\tПриказ\tМарт\n".encode(), "roadmap.txt")

    assert error.code == "no_header"
    assert "«Event»" in _english(error)
    assert "«Deadline»" in _english(error)


def test_header_row_without_events_is_rejected():
    data = "Мероприятие\tСрок\nЭтап 1. Подготовка\t\n".encode()

    assert _import_error(data, "roadmap.txt").code == "no_events"


def test_file_over_the_size_limit_is_rejected():
    assert _import_error(b"x" * (MAX_FILE_SIZE + 1), "roadmap.txt").code == "too_large"
