import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document as DocxDocument
from wagtail.models import Page

from home.management.commands.import_roadmap import parse_period
from home.models import MentoringSectionPage, RoadmapEvent, RoadmapPage, RoadmapStage
from home.roadmap_import.errors import RoadmapImportError
from home.services import roadmap_import
from home.tests.factories import SEED_000, SEED_004

pytestmark = pytest.mark.django_db


def import_seed(path, **kwargs):
    with path.open("rb") as handle:
        return roadmap_import(file=handle, filename=path.name, **kwargs)


def event_texts(page):
    return list(
        RoadmapEvent.objects.filter(stage__page=page)
        .order_by("stage__sort_order", "sort_order")
        .values_list("name", "responsible", "deadline_text", "result")
    )


def test_seed_000_imports_seven_stages_and_29_events_as_a_draft_under_a_new_section():
    assert not MentoringSectionPage.objects.exists()

    page = import_seed(SEED_000, organisation="Гимназия «Жуковка»")

    assert not page.live
    assert page.has_unpublished_changes
    section = page.get_parent().specific
    assert isinstance(section, MentoringSectionPage)
    assert section.title == "Наставничество"
    assert page.stages.count() == 7
    assert RoadmapEvent.objects.filter(stage__page=page).count() == 29
    assert page.organisation == "Гимназия «Жуковка»"
    assert page.approval_order_number == "16/1-О"
    assert str(page.period_start) == "2022-01-01" and str(page.period_end) == "2023-12-31"


def test_seed_000_keeps_the_continuation_rows_in_their_events():
    page = import_seed(SEED_000)
    texts = event_texts(page)

    information = next(t for t in texts if t[0].startswith("Создание условий для информационного"))
    assert information[3].endswith(
        "документов по внедрению целевой модели наставничества в 2022-2023 гг."
    )
    incentives = next(t for t in texts if t[0].startswith("Определение мер поощрения"))
    assert incentives[0].endswith("примеров наставничества через участников, интернет и сайт.")
    first_stage = page.stages.first()
    assert first_stage.title == "Подготовка условий для запуска программы наставничества"
    assert first_stage.task == "создание благоприятных условий для запуска программы наставничества"


def test_seed_004_imports_six_sections_and_30_events_with_every_text_intact():
    page = import_seed(SEED_004)

    assert list(page.stages.values_list("number", flat=True)) == ["1", "2", "3", "4", "5", "6"]
    texts = event_texts(page)
    assert len(texts) == 30
    assert texts[0] == (
        "Разработка дорожной карты внедрения ЦМН 2023-2024 гг.",
        "Фролова Л.И.",
        "до 28.02.23",
        "Дорожная карта",
    )
    assert (
        "Участие в межрегиональном форуме по реализации ЦМН",
        "Пожванюк М.В., Фролова Л.И.",
        "20 декабря ежегодно",
        "Принято участие в межрегиональном форуме по реализации ЦМН",
    ) in texts


def test_imported_deadlines_are_parsed_into_periods_and_unrecognised_ones_are_kept():
    page = import_seed(SEED_004)
    events = {e.deadline_text: e for e in RoadmapEvent.objects.filter(stage__page=page)}

    assert str(events["до 28.02.23"].deadline_end) == "2023-02-28"
    assert str(events["февраль апрель"].deadline_start) == "2023-02-01"
    assert events["ежеквартально"].deadline_recurrence == "quarterly"
    unparsed = events["в соответствии с графиком ГБУ ДО НЦ «Сфера»"]
    assert not unparsed.deadline_is_parsed
    assert unparsed.deadline_end is None


def test_second_roadmap_goes_into_the_existing_section_with_its_own_slug():
    first = import_seed(SEED_000, title="Дорожная карта")
    second = import_seed(SEED_000, title="Дорожная карта")

    assert first.get_parent().pk == second.get_parent().pk
    assert MentoringSectionPage.objects.count() == 1
    assert first.slug != second.slug


def test_docx_roadmap_imports_like_the_text_file():
    document = DocxDocument()
    document.add_paragraph("Дорожная карта на 2023-2024 гг.")
    table = document.add_table(rows=3, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["Мероприятие", "Ответственный", "Срок", "Результат"], strict=True
    ):
        cell.text = text
    table.rows[1].cells[0].text = "Этап 1. Подготовка"
    for cell, text in zip(
        table.rows[2].cells, ["Приказ", "Директор", "март 2023", "Приказ"], strict=True
    ):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)

    page = roadmap_import(file=buffer, filename="karta.docx")

    event = RoadmapEvent.objects.get(stage__page=page)
    assert (event.name, event.deadline_text, str(event.deadline_end)) == (
        "Приказ",
        "март 2023",
        "2023-03-31",
    )


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("karta.docx", b"not a zip file at all"),
        ("karta.xlsx", b"\x00\x01garbage"),
        ("karta.txt", b""),
        ("karta.pdf", b"%PDF-1.4"),
        ("karta.txt", "Просто текст без таблицы\nи без заголовков".encode()),
    ],
)
def test_unreadable_file_is_refused_and_creates_nothing(filename, content):
    pages_before = Page.objects.count()

    with pytest.raises(RoadmapImportError) as error:
        roadmap_import(file=io.BytesIO(content), filename=filename)

    assert str(error.value)
    assert Page.objects.count() == pages_before
    assert not RoadmapStage.objects.exists()
    assert not MentoringSectionPage.objects.exists()


def test_file_without_a_period_needs_one_given():
    content = "Мероприятие\tСрок\nПриказ\tмарт 2023\n".encode()

    with pytest.raises(RoadmapImportError):
        roadmap_import(file=io.BytesIO(content), filename="karta.txt")

    page = roadmap_import(
        file=io.BytesIO(content),
        filename="karta.txt",
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
    )
    assert page.title == "Дорожная карта на 2023 год"


def test_import_roadmap_command_creates_a_draft_and_reports_counts(capsys):
    call_command("import_roadmap", str(SEED_000), "--organisation", "Гимназия «Жуковка»")

    page = RoadmapPage.objects.get()
    assert not page.live
    output = capsys.readouterr().out
    assert "7" in output and "29" in output


def test_import_roadmap_command_takes_the_period_and_parent(tmp_path):
    section = import_seed(SEED_000).get_parent()
    source = tmp_path / "plan.csv"
    source.write_text("Мероприятие;Срок\nСовет;февраль апрель\n", encoding="utf-8-sig")

    call_command(
        "import_roadmap", str(source), "--period", "2025-2026", "--parent", str(section.pk)
    )

    page = RoadmapPage.objects.get(period_start__year=2025)
    event = RoadmapEvent.objects.get(stage__page=page)
    assert str(event.deadline_start) == "2025-02-01"


def test_import_roadmap_command_reports_unrecognised_deadlines_but_not_those_on_request(
    tmp_path, capsys
):
    source = tmp_path / "plan.csv"
    source.write_text(
        "Мероприятие;Срок\nКонсультации;по запросу\nСовет;по согласованию с партнёрами\n",
        encoding="utf-8-sig",
    )

    call_command("import_roadmap", str(source), "--period", "2024/2025")

    page = RoadmapPage.objects.get()
    assert (page.period_start, page.period_end) == (
        datetime.date(2024, 9, 1),
        datetime.date(2025, 8, 31),
    )
    warnings = [line for line in capsys.readouterr().out.splitlines() if "«" in line]
    assert any("по согласованию с партнёрами" in line for line in warnings)
    assert not any("по запросу" in line for line in warnings)


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2025-2026", datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)),
        ("2025", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        ("2025/2026", datetime.date(2025, 9, 1), datetime.date(2026, 8, 31)),
        ("2025-2026 уч. год", datetime.date(2025, 9, 1), datetime.date(2026, 8, 31)),
        ("2025–2026 учебный год", datetime.date(2025, 9, 1), datetime.date(2026, 8, 31)),
        ("01.09.2025-31.05.2026", datetime.date(2025, 9, 1), datetime.date(2026, 5, 31)),
    ],
)
def test_import_roadmap_command_reads_calendar_and_school_years(period, start, end):
    assert parse_period(period) == (start, end)


@pytest.mark.parametrize(
    "arguments",
    [
        ["/nonexistent/file.txt"],
        [str(SEED_000), "--period", "2025/2025"],
        [str(SEED_000), "--period", "когда-нибудь"],
        [str(SEED_000), "--parent", "999999"],
    ],
)
def test_import_roadmap_command_refuses_bad_arguments_and_creates_nothing(arguments):
    with pytest.raises(CommandError):
        call_command("import_roadmap", *arguments)

    assert not RoadmapPage.objects.exists()


def test_import_roadmap_command_refuses_a_broken_file(tmp_path):
    broken = tmp_path / "karta.xlsx"
    broken.write_bytes(b"broken")

    with pytest.raises(CommandError):
        call_command("import_roadmap", str(broken))

    assert not RoadmapPage.objects.exists()


def test_import_roadmap_command_dry_run_prints_the_preview_and_creates_nothing(tmp_path, capsys):
    source = tmp_path / "plan.csv"
    source.write_text(
        "Дорожная карта наставничества на 2024/2025 учебный год\n"
        "№;Мероприятие;Срок;Ответственный\n"
        ";2. Организационный этап;;\n"
        "2.1;Совет;по согласованию с партнёрами;Директор\n"
        ";;;и куратор\n",
        encoding="utf-8-sig",
    )

    call_command("import_roadmap", str(source), "--dry-run")

    assert not RoadmapPage.objects.exists()
    assert not MentoringSectionPage.objects.exists()
    output = capsys.readouterr().out
    assert "Дорожная карта наставничества на 2024/2025 учебный год" in output
    assert "2. Организационный этап" in output
    assert "2.1 Совет" in output
    assert "по согласованию с партнёрами" in output
    assert "Строки 4, 5" in output  # the merged rows (the title is line 1)
