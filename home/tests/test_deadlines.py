"""Tests for reading roadmap deadline phrases into periods.

Labels of the choices are lazy translations; no test evaluates them, so the module
is exercised without Django settings.
"""

import itertools
from datetime import date
from pathlib import Path

import pytest

from home.deadlines import Deadline, DeadlineKind, Recurrence, parse_deadline

SEEDS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
DEADLINE_HEADERS = {"Срок", "Срок реализации"}
SEED_UNPARSED = {
    "в соответствии с графиком ГБУ ДО НЦ «Сфера»",
    "в течение двух недель с даты определения модели",
}

# Roadmap periods: seed 000 is a 2022-2023 roadmap, seed 004 a 2023-2024 one.
PERIOD_2022 = (date(2022, 1, 1), date(2023, 12, 31))
PERIOD_2023 = (date(2023, 1, 1), date(2024, 12, 31))
SCHOOL_YEAR = (date(2022, 9, 1), date(2023, 8, 31))
SEED_PERIODS = {"000": PERIOD_2022, "004": PERIOD_2023}

D = date
K = DeadlineKind
WHOLE_2023 = (PERIOD_2023, K.WHOLE_PERIOD, *PERIOD_2023)

SEED_PHRASES = [
    # Seed 000.
    ("Август 2022 г.", PERIOD_2022, K.MONTH, D(2022, 8, 1), D(2022, 8, 31)),
    ("Сентябрь 2022г.", PERIOD_2022, K.MONTH, D(2022, 9, 1), D(2022, 9, 30)),
    ("Октябрь 2022г.", PERIOD_2022, K.MONTH, D(2022, 10, 1), D(2022, 10, 31)),
    ("Ноябрь 2022г.", PERIOD_2022, K.MONTH, D(2022, 11, 1), D(2022, 11, 30)),
    ("Декабрь 2022 г.", PERIOD_2022, K.MONTH, D(2022, 12, 1), D(2022, 12, 31)),
    ("Январь – июнь 2023 г.", PERIOD_2022, K.PERIOD, D(2023, 1, 1), D(2023, 6, 30)),
    ("Июнь 2023 г.", PERIOD_2022, K.MONTH, D(2023, 6, 1), D(2023, 6, 30)),
    # Seed 004.
    ("до 28.02.23", PERIOD_2023, K.BY_DATE, D(2023, 1, 1), D(2023, 2, 28)),
    ("до 30.12.23", PERIOD_2023, K.BY_DATE, D(2023, 1, 1), D(2023, 12, 30)),
    ("в течение всего периода реализации ЦМН", *WHOLE_2023),
    ("В течение всего периода реализации ЦМН", *WHOLE_2023),
    ("в течение всего периода внедрения ЦМН", *WHOLE_2023),
    (
        "При необходимости в течение всего периода реализации ЦМН",
        *WHOLE_2023,
    ),
    (
        "В соответствии со сроками реализации программ наставничества",
        *WHOLE_2023,
    ),
    (
        "в соответствии со сроками реализации программ наставничества",
        *WHOLE_2023,
    ),
    ("февраль апрель", PERIOD_2023, K.PERIOD, D(2023, 2, 1), D(2023, 4, 30)),
    ("март 2023", PERIOD_2023, K.MONTH, D(2023, 3, 1), D(2023, 3, 31)),
    ("сентябрь-декабрь ежегодно", PERIOD_2023, K.RECURRING, D(2023, 9, 1), D(2024, 12, 31)),
    ("20 декабря ежегодно", PERIOD_2023, K.RECURRING, D(2023, 12, 20), D(2024, 12, 20)),
    ("ежеквартально", PERIOD_2023, K.RECURRING, D(2023, 1, 1), D(2024, 12, 31)),
    ("май декабрь", PERIOD_2023, K.PERIOD, D(2023, 5, 1), D(2023, 12, 31)),
    ("в соответствии с графиком ГБУ ДО НЦ «Сфера»", PERIOD_2023, K.UNPARSED, None, None),
    ("в течение двух недель с даты определения модели", PERIOD_2023, K.UNPARSED, None, None),
]

EXTRA_PHRASES = [
    ("20.05.2023", PERIOD_2023, K.DATE, D(2023, 5, 20), D(2023, 5, 20)),
    ("20 мая 2023", PERIOD_2023, K.DATE, D(2023, 5, 20), D(2023, 5, 20)),
    ("20 мая 2023 года", PERIOD_2023, K.DATE, D(2023, 5, 20), D(2023, 5, 20)),
    ("20 декабря", PERIOD_2023, K.DATE, D(2023, 12, 20), D(2023, 12, 20)),
    ("не позднее 30.12.2023", PERIOD_2023, K.BY_DATE, D(2023, 1, 1), D(2023, 12, 30)),
    ("не позднее декабря 2023 г.", PERIOD_2023, K.BY_DATE, D(2023, 1, 1), D(2023, 12, 31)),
    ("по 31.05.2024", PERIOD_2023, K.BY_DATE, D(2023, 1, 1), D(2024, 5, 31)),
    ("до 28.02", PERIOD_2023, K.BY_DATE, D(2023, 1, 1), D(2023, 2, 28)),
    ("до 01.03.2022", PERIOD_2023, K.BY_DATE, D(2022, 3, 1), D(2022, 3, 1)),
    ("в марте 2024", PERIOD_2023, K.MONTH, D(2024, 3, 1), D(2024, 3, 31)),
    ("в течение декабря", PERIOD_2023, K.MONTH, D(2023, 12, 1), D(2023, 12, 31)),
    ("  МАРТ\u00a0 2023  ", PERIOD_2023, K.MONTH, D(2023, 3, 1), D(2023, 3, 31)),
    ("Январь\u00a0—\u00a0июнь 2023 гг.", PERIOD_2023, K.PERIOD, D(2023, 1, 1), D(2023, 6, 30)),
    ("январь - июнь 2023", PERIOD_2023, K.PERIOD, D(2023, 1, 1), D(2023, 6, 30)),
    ("сентябрь – май", PERIOD_2023, K.PERIOD, D(2023, 9, 1), D(2024, 5, 31)),
    ("ноябрь – февраль 2024", PERIOD_2023, K.PERIOD, D(2023, 11, 1), D(2024, 2, 29)),
    ("20 мая – 5 июня 2023", PERIOD_2023, K.PERIOD, D(2023, 5, 20), D(2023, 6, 5)),
    ("с 1 по 15 сентября", PERIOD_2023, K.PERIOD, D(2023, 9, 1), D(2023, 9, 15)),
    ("10-20 мая 2024", PERIOD_2023, K.PERIOD, D(2024, 5, 10), D(2024, 5, 20)),
    ("с 01.09.2023 по 31.05.2024", PERIOD_2023, K.PERIOD, D(2023, 9, 1), D(2024, 5, 31)),
    ("в период с 01.09 по 31.05", PERIOD_2023, K.PERIOD, D(2023, 9, 1), D(2024, 5, 31)),
    ("I квартал 2023", PERIOD_2023, K.PERIOD, D(2023, 1, 1), D(2023, 3, 31)),
    ("1 квартал 2024", PERIOD_2023, K.PERIOD, D(2024, 1, 1), D(2024, 3, 31)),
    ("в III квартале 2024 г.", PERIOD_2023, K.PERIOD, D(2024, 7, 1), D(2024, 9, 30)),
    ("4-й квартал", PERIOD_2023, K.PERIOD, D(2023, 10, 1), D(2023, 12, 31)),
    ("I–IV квартал 2023", PERIOD_2023, K.PERIOD, D(2023, 1, 1), D(2023, 12, 31)),
    ("II-III кварталы 2024", PERIOD_2023, K.PERIOD, D(2024, 4, 1), D(2024, 9, 30)),
    ("первое полугодие 2024", PERIOD_2023, K.PERIOD, D(2024, 1, 1), D(2024, 6, 30)),
    ("во втором полугодии", PERIOD_2023, K.PERIOD, D(2023, 7, 1), D(2023, 12, 31)),
    ("2023 год", PERIOD_2023, K.PERIOD, D(2023, 1, 1), D(2023, 12, 31)),
    ("в течение 2024 года", PERIOD_2023, K.PERIOD, D(2024, 1, 1), D(2024, 12, 31)),
    ("2023-2024 гг.", PERIOD_2023, K.PERIOD, D(2023, 1, 1), D(2024, 12, 31)),
    ("2023-2024 учебный год", PERIOD_2023, K.PERIOD, D(2023, 9, 1), D(2024, 8, 31)),
    ("в течение 2023–2024 учебного года", PERIOD_2023, K.PERIOD, D(2023, 9, 1), D(2024, 8, 31)),
    ("постоянно", PERIOD_2023, K.WHOLE_PERIOD, *PERIOD_2023),
    ("в течение года", PERIOD_2023, K.WHOLE_PERIOD, *PERIOD_2023),
    ("В течение учебного года", SCHOOL_YEAR, K.WHOLE_PERIOD, *SCHOOL_YEAR),
    ("ежемесячно", PERIOD_2023, K.RECURRING, D(2023, 1, 1), D(2024, 12, 31)),
    ("ежегодно", PERIOD_2023, K.RECURRING, D(2023, 1, 1), D(2024, 12, 31)),
]

SCHOOL_2024 = (date(2024, 9, 1), date(2025, 8, 31))
CALENDAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))

SCHOOL_CALENDAR_PHRASES = [
    ("II квартал 2025 г.", SCHOOL_2024, K.PERIOD, D(2025, 4, 1), D(2025, 6, 30)),
    ("1 квартал", SCHOOL_2024, K.PERIOD, D(2025, 1, 1), D(2025, 3, 31)),
    ("в течение III квартала", SCHOOL_2024, K.PERIOD, D(2025, 7, 1), D(2025, 9, 30)),
    ("I кв. 2025 г.", SCHOOL_2024, K.PERIOD, D(2025, 1, 1), D(2025, 3, 31)),
    ("IV кв.", SCHOOL_2024, K.PERIOD, D(2024, 10, 1), D(2024, 12, 31)),
    # Terms: I 01.09–31.10, II 01.11–31.12, III 09.01–31.03, IV 01.04–31.05.
    ("в I четверти", SCHOOL_2024, K.PERIOD, D(2024, 9, 1), D(2024, 10, 31)),
    ("2 четверть", SCHOOL_2024, K.PERIOD, D(2024, 11, 1), D(2024, 12, 31)),
    ("3-я четверть", SCHOOL_2024, K.PERIOD, D(2025, 1, 9), D(2025, 3, 31)),
    ("четвертая четверть", SCHOOL_2024, K.PERIOD, D(2025, 4, 1), D(2025, 5, 31)),
    ("в течение II четверти", CALENDAR_2025, K.PERIOD, D(2025, 11, 1), D(2025, 12, 31)),
    ("I-II четверть", SCHOOL_2024, K.PERIOD, D(2024, 9, 1), D(2024, 12, 31)),
    ("II–III четверти", SCHOOL_2024, K.PERIOD, D(2024, 11, 1), D(2025, 3, 31)),
    ("III четверть 2023/2024 уч. года", SCHOOL_2024, K.PERIOD, D(2024, 1, 9), D(2024, 3, 31)),
    ("IV четверть 2025", SCHOOL_2024, K.PERIOD, D(2025, 4, 1), D(2025, 5, 31)),
    ("1 четверть учебного года", CALENDAR_2025, K.PERIOD, D(2025, 9, 1), D(2025, 10, 31)),
    # Halves of a school year are two terms; a bare «полугодие» stays a calendar half-year.
    (
        "второе полугодие 2024–2025 учебного года",
        PERIOD_2023,
        K.PERIOD,
        D(2025, 1, 9),
        D(2025, 5, 31),
    ),
    ("в I полугодии 2024/2025 уч. года", SCHOOL_2024, K.PERIOD, D(2024, 9, 1), D(2024, 12, 31)),
    ("II полугодие учебного года", SCHOOL_2024, K.PERIOD, D(2025, 1, 9), D(2025, 5, 31)),
    ("1 полугодие", SCHOOL_2024, K.PERIOD, D(2025, 1, 1), D(2025, 6, 30)),
    ("2-е полугодие 2024 г.", SCHOOL_2024, K.PERIOD, D(2024, 7, 1), D(2024, 12, 31)),
    # School years run from 1 September to 31 August.
    ("2024/2025 учебный год", PERIOD_2023, K.PERIOD, D(2024, 9, 1), D(2025, 8, 31)),
    ("2024-2025 уч. год", PERIOD_2023, K.PERIOD, D(2024, 9, 1), D(2025, 8, 31)),
    ("2024-25 уч.г.", PERIOD_2023, K.PERIOD, D(2024, 9, 1), D(2025, 8, 31)),
    ("в течение 2024/2025 учебного года", PERIOD_2023, K.PERIOD, D(2024, 9, 1), D(2025, 8, 31)),
    ("2024 / 2025", PERIOD_2023, K.PERIOD, D(2024, 9, 1), D(2025, 8, 31)),
    ("в течение уч. года", SCHOOL_2024, K.WHOLE_PERIOD, *SCHOOL_2024),
    # Weeks are counted within the month: days 1–7, 8–14, …; the last is its last seven days.
    ("первая неделя сентября", SCHOOL_2024, K.PERIOD, D(2024, 9, 1), D(2024, 9, 7)),
    ("2-я неделя октября 2024", SCHOOL_2024, K.PERIOD, D(2024, 10, 8), D(2024, 10, 14)),
    ("в течение третьей недели января", SCHOOL_2024, K.PERIOD, D(2025, 1, 15), D(2025, 1, 21)),
    ("последняя неделя мая", SCHOOL_2024, K.PERIOD, D(2025, 5, 25), D(2025, 5, 31)),
    ("последняя неделя февраля 2024", PERIOD_2023, K.PERIOD, D(2024, 2, 23), D(2024, 2, 29)),
    # The end of a span is its end; the start or middle of a month stands for the month.
    ("конец мая", SCHOOL_2024, K.MONTH, D(2025, 5, 1), D(2025, 5, 31)),
    ("в начале сентября", SCHOOL_2024, K.MONTH, D(2024, 9, 1), D(2024, 9, 30)),
    ("до конца 2024 года", SCHOOL_2024, K.BY_DATE, D(2024, 9, 1), D(2024, 12, 31)),
    ("до конца I четверти", SCHOOL_2024, K.BY_DATE, D(2024, 9, 1), D(2024, 10, 31)),
    ("2021-2024г.г.", PERIOD_2023, K.PERIOD, D(2021, 1, 1), D(2024, 12, 31)),
]

SEVERAL_PHRASES = [
    ("октябрь, март", SCHOOL_2024, K.SEVERAL, D(2024, 10, 1), D(2025, 3, 31)),
    ("февраль, апрель", PERIOD_2023, K.SEVERAL, D(2023, 2, 1), D(2023, 4, 30)),
    ("в декабре и в мае", SCHOOL_2024, K.SEVERAL, D(2024, 12, 1), D(2025, 5, 31)),
    ("декабрь 2023 г., май 2024 г.", PERIOD_2023, K.SEVERAL, D(2023, 12, 1), D(2024, 5, 31)),
    ("I, III четверть", SCHOOL_2024, K.SEVERAL, D(2024, 9, 1), D(2025, 3, 31)),
]

# No date, unless what follows «по запросу» gives one.
ON_DEMAND_PHRASES = [
    ("по запросу", PERIOD_2023, K.ON_DEMAND, None, None),
    ("По мере необходимости", PERIOD_2023, K.ON_DEMAND, None, None),
    ("при необходимости", PERIOD_2023, K.ON_DEMAND, None, None),
    ("по запросу педагогов", PERIOD_2023, K.ON_DEMAND, None, None),
    ("по мере поступления запросов", PERIOD_2023, K.ON_DEMAND, None, None),
    ("По запросу (в течение года)", PERIOD_2023, K.WHOLE_PERIOD, *PERIOD_2023),
    ("по мере необходимости, март 2024", PERIOD_2023, K.MONTH, D(2024, 3, 1), D(2024, 3, 31)),
]


def parse(text: str, period: tuple[date, date]) -> Deadline:
    period_start, period_end = period
    return parse_deadline(text, period_start=period_start, period_end=period_end)


def seed_deadline_cells(path: Path) -> list[str]:
    """Non-empty cells of the deadline column of a roadmap table exported as TSV."""
    column = None
    cells = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if column is None:
            column = next((i for i, cell in enumerate(row) if cell in DEADLINE_HEADERS), None)
        elif len(row) > column and row[column].strip():
            cells.append(row[column])
    return cells


def seed_deadlines() -> list[tuple[str, tuple[date, date]]]:
    return [
        (cell, SEED_PERIODS[path.name[:3]])
        for path in sorted(SEEDS_DIR.glob("*.txt"))
        for cell in seed_deadline_cells(path)
    ]


@pytest.mark.parametrize(
    ("text", "period", "kind", "start", "end"),
    SEED_PHRASES + EXTRA_PHRASES + SCHOOL_CALENDAR_PHRASES + SEVERAL_PHRASES + ON_DEMAND_PHRASES,
)
def test_phrase_parses_into_period(text, period, kind, start, end):
    deadline = parse(text, period)

    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)
    assert deadline.text == text


def test_phrase_table_lists_every_seed_phrase():
    listed = {(text, period) for text, period, *_expected in SEED_PHRASES}

    assert set(seed_deadlines()) <= listed


def test_seed_deadlines_are_recognised_except_two():
    deadlines = seed_deadlines()
    unparsed = {text for text, period in deadlines if not parse(text, period).is_parsed}

    assert {period for _text, period in deadlines} == {PERIOD_2022, PERIOD_2023}
    assert len(deadlines) > 50
    assert unparsed == SEED_UNPARSED


@pytest.mark.parametrize(
    ("text", "period", "start", "end"),
    [
        ("февраль апрель", PERIOD_2023, D(2023, 2, 1), D(2023, 4, 30)),
        ("январь – июнь", SCHOOL_YEAR, D(2023, 1, 1), D(2023, 6, 30)),
        ("январь – июнь", PERIOD_2023, D(2023, 1, 1), D(2023, 6, 30)),
        ("сентябрь – май", SCHOOL_YEAR, D(2022, 9, 1), D(2023, 5, 31)),
        ("август", SCHOOL_YEAR, D(2023, 8, 1), D(2023, 8, 31)),
        ("сентябре", SCHOOL_YEAR, D(2022, 9, 1), D(2022, 9, 30)),
        ("20 декабря", SCHOOL_YEAR, D(2022, 12, 20), D(2022, 12, 20)),
        ("до 31.05", SCHOOL_YEAR, D(2022, 9, 1), D(2023, 5, 31)),
        ("первое полугодие", SCHOOL_YEAR, D(2023, 1, 1), D(2023, 6, 30)),
        # Nothing starts inside these short periods: the period's first year is used.
        ("январь", (D(2023, 3, 1), D(2023, 6, 30)), D(2023, 1, 1), D(2023, 1, 31)),
        ("сентябрь", (D(2023, 9, 15), D(2023, 12, 31)), D(2023, 9, 1), D(2023, 9, 30)),
    ],
)
def test_year_is_inferred_from_period(text, period, start, end):
    deadline = parse(text, period)

    assert (deadline.start, deadline.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "period", "recurrence", "occurrences"),
    [
        (
            "20 декабря ежегодно",
            PERIOD_2023,
            Recurrence.YEARLY,
            [(D(2023, 12, 20), D(2023, 12, 20)), (D(2024, 12, 20), D(2024, 12, 20))],
        ),
        (
            "Ежегодно, 20 декабря",
            PERIOD_2023,
            Recurrence.YEARLY,
            [(D(2023, 12, 20), D(2023, 12, 20)), (D(2024, 12, 20), D(2024, 12, 20))],
        ),
        (
            "сентябрь-декабрь ежегодно",
            PERIOD_2023,
            Recurrence.YEARLY,
            [(D(2023, 9, 1), D(2023, 12, 31)), (D(2024, 9, 1), D(2024, 12, 31))],
        ),
        (
            "сентябрь – май ежегодно",
            SCHOOL_YEAR,
            Recurrence.YEARLY,
            [(D(2022, 9, 1), D(2023, 5, 31))],
        ),
        (
            "ежегодно",
            PERIOD_2023,
            Recurrence.YEARLY,
            [(D(2023, 1, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 12, 31))],
        ),
        (
            "ежегодно (отчёт)",
            SCHOOL_YEAR,
            Recurrence.YEARLY,
            [(D(2022, 1, 1), D(2022, 12, 31)), (D(2023, 1, 1), D(2023, 12, 31))],
        ),
        (
            "ежеквартально",
            (D(2023, 1, 1), D(2023, 12, 31)),
            Recurrence.QUARTERLY,
            [
                (D(2023, 1, 1), D(2023, 3, 31)),
                (D(2023, 4, 1), D(2023, 6, 30)),
                (D(2023, 7, 1), D(2023, 9, 30)),
                (D(2023, 10, 1), D(2023, 12, 31)),
            ],
        ),
        (
            "ежеквартально",
            SCHOOL_YEAR,
            Recurrence.QUARTERLY,
            [
                (D(2022, 7, 1), D(2022, 9, 30)),
                (D(2022, 10, 1), D(2022, 12, 31)),
                (D(2023, 1, 1), D(2023, 3, 31)),
                (D(2023, 4, 1), D(2023, 6, 30)),
                (D(2023, 7, 1), D(2023, 9, 30)),
            ],
        ),
        (
            "Ежемесячно",
            (D(2023, 9, 15), D(2023, 12, 1)),
            Recurrence.MONTHLY,
            [
                (D(2023, 9, 1), D(2023, 9, 30)),
                (D(2023, 10, 1), D(2023, 10, 31)),
                (D(2023, 11, 1), D(2023, 11, 30)),
                (D(2023, 12, 1), D(2023, 12, 31)),
            ],
        ),
        (
            "2 раза в год (декабрь, май)",
            SCHOOL_2024,
            Recurrence.YEARLY,
            [(D(2024, 12, 1), D(2024, 12, 31)), (D(2025, 5, 1), D(2025, 5, 31))],
        ),
        (
            "ежегодно: октябрь, март",
            (D(2024, 1, 1), D(2025, 6, 30)),
            Recurrence.YEARLY,
            [
                (D(2024, 3, 1), D(2024, 3, 31)),
                (D(2024, 10, 1), D(2024, 10, 31)),
                (D(2025, 3, 1), D(2025, 3, 31)),
            ],
        ),
        (
            "сентябрь (ежегодно)",
            PERIOD_2023,
            Recurrence.YEARLY,
            [(D(2023, 9, 1), D(2023, 9, 30)), (D(2024, 9, 1), D(2024, 9, 30))],
        ),
        (
            "2 раза в год",
            CALENDAR_2025,
            Recurrence.YEARLY,
            [(D(2025, 1, 1), D(2025, 12, 31))],
        ),
        (
            "1 раз в полугодие",
            CALENDAR_2025,
            Recurrence.HALF_YEARLY,
            [(D(2025, 1, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2025, 12, 31))],
        ),
        (
            "не реже одного раза в четверть",
            SCHOOL_2024,
            Recurrence.TERMLY,
            [
                (D(2024, 9, 1), D(2024, 10, 31)),
                (D(2024, 11, 1), D(2024, 12, 31)),
                (D(2025, 1, 9), D(2025, 3, 31)),
                (D(2025, 4, 1), D(2025, 5, 31)),
            ],
        ),
        (
            "по запросу, но не реже 1 раза в четверть",
            (D(2024, 9, 1), D(2024, 12, 31)),
            Recurrence.TERMLY,
            [(D(2024, 9, 1), D(2024, 10, 31)), (D(2024, 11, 1), D(2024, 12, 31))],
        ),
        # A summer-only period still gets the next term.
        (
            "каждую четверть",
            (D(2024, 6, 1), D(2024, 8, 31)),
            Recurrence.TERMLY,
            [(D(2024, 9, 1), D(2024, 10, 31))],
        ),
        (
            "2 раза в месяц",
            (D(2024, 9, 15), D(2024, 10, 5)),
            Recurrence.MONTHLY,
            [(D(2024, 9, 1), D(2024, 9, 30)), (D(2024, 10, 1), D(2024, 10, 31))],
        ),
        (
            "еженедельно (по средам)",
            (D(2024, 9, 4), D(2024, 9, 20)),
            Recurrence.WEEKLY,
            [
                (D(2024, 9, 2), D(2024, 9, 8)),
                (D(2024, 9, 9), D(2024, 9, 15)),
                (D(2024, 9, 16), D(2024, 9, 22)),
            ],
        ),
        # Never inside a short period: the next occurrence still gives it dates.
        (
            "20 декабря ежегодно",
            (D(2023, 1, 1), D(2023, 6, 30)),
            Recurrence.YEARLY,
            [(D(2023, 12, 20), D(2023, 12, 20))],
        ),
    ],
)
def test_recurring_phrase_lists_occurrences(text, period, recurrence, occurrences):
    deadline = parse(text, period)

    assert deadline.kind == DeadlineKind.RECURRING
    assert deadline.recurrence == recurrence
    assert deadline.occurrences == tuple(occurrences)
    assert (deadline.start, deadline.end) == (occurrences[0][0], occurrences[-1][1])


def test_quarterly_phrase_covers_every_quarter_of_the_period():
    deadline = parse("ежеквартально", PERIOD_2023)

    assert len(deadline.occurrences) == 8
    assert all(first < last for first, last in deadline.occurrences)


@pytest.mark.parametrize(
    ("text", "period", "occurrences"),
    [
        (
            "октябрь, январь, май",
            SCHOOL_2024,
            [
                (D(2024, 10, 1), D(2024, 10, 31)),
                (D(2025, 1, 1), D(2025, 1, 31)),
                (D(2025, 5, 1), D(2025, 5, 31)),
            ],
        ),
        # Written in calendar order in a school year: each month where it falls.
        (
            "май, сентябрь",
            SCHOOL_2024,
            [(D(2024, 9, 1), D(2024, 9, 30)), (D(2025, 5, 1), D(2025, 5, 31))],
        ),
        (
            "до 01.10, до 01.03",
            SCHOOL_2024,
            [(D(2024, 10, 1), D(2024, 10, 1)), (D(2025, 3, 1), D(2025, 3, 1))],
        ),
    ],
)
def test_listed_deadline_comes_round_in_the_order_written(text, period, occurrences):
    deadline = parse(text, period)

    assert (deadline.kind, deadline.recurrence) == (DeadlineKind.SEVERAL, Recurrence.NONE)
    assert deadline.occurrences == tuple(occurrences)


def test_deadline_on_request_is_recognised_without_dates():
    deadline = parse("по мере необходимости", PERIOD_2023)

    assert deadline.is_parsed
    assert (deadline.start, deadline.end, deadline.occurrences) == (None, None, ())
    assert deadline.next_occurrence(D(2023, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Август 2022 г.", Recurrence.NONE),
        ("в течение всего периода реализации ЦМН", Recurrence.NONE),
        ("до 28.02.23", Recurrence.NONE),
    ],
)
def test_one_off_phrase_has_a_single_occurrence(text, expected):
    deadline = parse(text, PERIOD_2022)

    assert deadline.recurrence == expected
    assert deadline.occurrences == ((deadline.start, deadline.end),)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("20 декабря ежегодно", D(2023, 6, 1), (D(2023, 12, 20), D(2023, 12, 20))),
        ("20 декабря ежегодно", D(2023, 12, 20), (D(2023, 12, 20), D(2023, 12, 20))),
        ("20 декабря ежегодно", D(2023, 12, 21), (D(2024, 12, 20), D(2024, 12, 20))),
        ("20 декабря ежегодно", D(2025, 1, 1), None),
        ("ежеквартально", D(2024, 5, 5), (D(2024, 4, 1), D(2024, 6, 30))),
        ("март 2023", D(2023, 3, 31), (D(2023, 3, 1), D(2023, 3, 31))),
        ("март 2023", D(2023, 4, 1), None),
        ("в соответствии с графиком ГБУ ДО НЦ «Сфера»", D(2023, 1, 1), None),
    ],
)
def test_next_occurrence_is_first_not_over(text, today, expected):
    assert parse(text, PERIOD_2023).next_occurrence(today) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "в соответствии с графиком ГБУ ДО НЦ «Сфера»",
        "в течение двух недель с даты определения модели",
        "по согласованию",
        "31.02.2023",
        "до 31.02.23",
        "30 февраля",
        "13.13.2023",
        "00.00.0000",
        "с 31.05.2024 по 01.09.2023",
        "июнь – январь 2023 – 2022",
        "V квартал 2023",
        "3 полугодие",
        "февраль, апрель, 31 апреля",
        "ежемесячно до 5 числа",
        "2 раза в год (октябрь, январь, май)",
        "0 раз в год",
        "1 раз в 2 недели",
        "ежемесячно, март",
        "ежеквартально, март",
        "ежегодно и ежемесячно",
        "V четверть",
        "III полугодие учебного года",
        "2024/2024 учебный год",
        "по итогам I четверти",
        "по запросу до 5 числа",
        "20 декаббря ежегодно",
    ],
)
def test_unparsed_phrase_keeps_text(text):
    deadline = parse(text, PERIOD_2023)

    assert deadline == Deadline(text, DeadlineKind.UNPARSED, None, None, Recurrence.NONE, ())
    assert not deadline.is_parsed


def test_parsed_phrase_is_parsed():
    assert parse("март 2023", PERIOD_2023).is_parsed


ODD_STRINGS = [
    "\x00",
    "\t\n\r",
    "\u00a0\u2009\u200b",
    "-",
    "–—",
    "до",
    "с по",
    "с  по  ",
    "ежегодно ежегодно",
    "1" * 500,
    "99.99.99",
    "0.0.0",
    "29 февраля ежегодно",
    "29 февраля 2023",
    "31 апреля",
    "9999",
    "9999-0001",
    "0000 год",
    "i-i-i квартал",
    "🙂 март 🙂",
    "март" * 200,
    "январь " * 300,
    "«»\"'()[]{}",
    "DROP TABLE;",
    "г.",
    "гг. года г",
]
VOCABULARY = ["до", "с", "по", "-", "март", "мая", "20", "28.02.23", "2023", "ежегодно", "I"]
VOCABULARY += ["четверть", "2 раза в год", ",", "по запросу"]


@pytest.mark.parametrize("period", [PERIOD_2023, SCHOOL_YEAR, (D(2023, 5, 5), D(2023, 5, 5))])
def test_parsing_never_raises_and_keeps_invariants(period):
    combinations = (
        " ".join(words)
        for size in range(1, 4)
        for words in itertools.product(VOCABULARY, repeat=size)
    )
    for text in itertools.chain(ODD_STRINGS, combinations):
        deadline = parse(text, period)

        assert deadline.text == text
        if deadline.kind == DeadlineKind.ON_DEMAND:
            assert (deadline.start, deadline.end, deadline.occurrences) == (None, None, ())
        elif deadline.is_parsed:
            assert deadline.occurrences
            assert all(first <= last for first, last in deadline.occurrences)
            assert deadline.occurrences == tuple(sorted(deadline.occurrences))
            assert (deadline.start, deadline.end) == (
                deadline.occurrences[0][0],
                deadline.occurrences[-1][1],
            )
        else:
            assert (deadline.start, deadline.end, deadline.occurrences) == (None, None, ())


def test_period_ending_before_it_starts_is_rejected():
    with pytest.raises(ValueError, match="before it starts"):
        parse("март 2023", (D(2024, 1, 1), D(2023, 1, 1)))
