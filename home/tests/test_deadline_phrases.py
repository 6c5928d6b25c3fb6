"""Deadline phrases as roadmaps write them (see deadline_phrases.py): how many are read, and how.

Runs without Django settings, like test_deadlines.py.
"""

from datetime import date

import pytest

from home.deadlines import DeadlineKind, parse_deadline
from home.tests.deadline_phrases import PHRASES

# Every phrase is read in a 2024/2025 school-year roadmap but the seeds' in their own.
SCHOOL_YEAR = (date(2024, 9, 1), date(2025, 8, 31))
SEED_PERIOD = (date(2022, 1, 1), date(2024, 12, 31))
MIN_REAL_PHRASES = 150
MIN_RECOGNISED = 0.95
REAL = [row for row in PHRASES if row[2] in ("seed", "found")]

# Phrases not recognised, on purpose or for now. A phrase that becomes recognised must
# leave this list (and get its kind in deadline_phrases.py).
KNOWN_GAPS = {
    # Another document's schedule.
    "в соответствии с графиком ГБУ ДО НЦ «Сфера»",
    "по графику",
    "по графику ФЦТ",
    # Counted from an event whose date the roadmap does not know.
    "в течение двух недель с даты определения модели",
    # After the term ends, on a day nobody wrote down.
    "по итогам I четверти",
    # A day of every month: a monthly deadline with a date is too ambiguous to guess.
    "ежемесячно, до 5 числа",
    "до 25 числа каждого месяца",
    # Another plan's schedule, like «по графику».
    "По плану",
    # Times of day only: the plan keeps the date in another column.
    "12.00, 13.00, 15.00",
    "9.00 и 11.00",
    # Two stages, each with its own label, in one cell.
    "01.02.2021 – 11.02.2021 классный тур; 15.02.2021 – 25.02.2021 школьный тур",
}

D = date
# A representative subset with the dates it stands for in the 2024/2025 school year.
DATED = {
    "Сентябрь": (D(2024, 9, 1), D(2024, 9, 30)),
    "Август": (D(2025, 8, 1), D(2025, 8, 31)),
    "Сентябрь-май": (D(2024, 9, 1), D(2025, 5, 31)),
    "с сентября 2024 г. по май 2025 г.": (D(2024, 9, 1), D(2025, 5, 31)),
    "до 1 октября": (D(2024, 9, 1), D(2024, 10, 1)),
    "до 30.05": (D(2024, 9, 1), D(2025, 5, 30)),
    "с 1 по 15 сентября": (D(2024, 9, 1), D(2024, 9, 15)),
    "10-20 мая": (D(2025, 5, 10), D(2025, 5, 20)),
    "конец мая": (D(2025, 5, 1), D(2025, 5, 31)),
    "II квартал 2025 г.": (D(2025, 4, 1), D(2025, 6, 30)),
    "в течение III квартала": (D(2025, 7, 1), D(2025, 9, 30)),
    "I кв. 2025 г.": (D(2025, 1, 1), D(2025, 3, 31)),
    "до конца IV квартала": (D(2024, 9, 1), D(2024, 12, 31)),
    "в I четверти": (D(2024, 9, 1), D(2024, 10, 31)),
    "3-я четверть": (D(2025, 1, 9), D(2025, 3, 31)),
    "IV четверть": (D(2025, 4, 1), D(2025, 5, 31)),
    "второе полугодие 2024–2025 учебного года": (D(2025, 1, 9), D(2025, 5, 31)),
    "первое полугодие 2024/2025 уч. года": (D(2024, 9, 1), D(2024, 12, 31)),
    "1 полугодие": (D(2025, 1, 1), D(2025, 6, 30)),
    "2024-2025 уч. год": (D(2024, 9, 1), D(2025, 8, 31)),
    "в течение 2024/2025 учебного года": (D(2024, 9, 1), D(2025, 8, 31)),
    "2024-2026 гг.": (D(2024, 1, 1), D(2026, 12, 31)),
    "в течение учебного года": SCHOOL_YEAR,
    "постоянно": SCHOOL_YEAR,
    "первая неделя сентября": (D(2024, 9, 1), D(2024, 9, 7)),
    "последняя неделя мая": (D(2025, 5, 25), D(2025, 5, 31)),
    "октябрь, январь, май": (D(2024, 10, 1), D(2025, 5, 31)),
    "Ноябрь, апрель": (D(2024, 11, 1), D(2025, 4, 30)),
    "2 раза в год (декабрь, май)": (D(2024, 12, 1), D(2025, 5, 31)),
    "1 раз в четверть": (D(2024, 9, 1), D(2025, 5, 31)),
    "ежемесячно": (D(2024, 9, 1), D(2025, 8, 31)),
    "еженедельно": (D(2024, 8, 26), D(2025, 8, 31)),
    "1 декада сентября": (D(2024, 9, 1), D(2024, 9, 10)),
    "С 4.09. – по 20.09.": (D(2024, 9, 4), D(2024, 9, 20)),
    "19.01.-23.01.2014": (D(2014, 1, 19), D(2014, 1, 23)),
    "31 августа 10:00": (D(2025, 8, 31), D(2025, 8, 31)),
    "до 3 .05. 2015г": (D(2015, 5, 3), D(2015, 5, 3)),
    "1 неделя": (D(2024, 9, 1), D(2024, 9, 7)),
    "2 неделя": (D(2024, 9, 8), D(2024, 9, 14)),
    "сентябрь, в течение года": SCHOOL_YEAR,
    "по запросу": (None, None),
    "по мере необходимости": (None, None),
}


def parse(text, source):
    period = SEED_PERIOD if source == "seed" else SCHOOL_YEAR
    return parse_deadline(text, period_start=period[0], period_end=period[1])


def test_phrases_are_distinct_and_at_least_150_are_real():
    texts = [text for text, _kind, _source in PHRASES]

    assert len(set(texts)) == len(texts)
    assert len(REAL) >= MIN_REAL_PHRASES


def test_at_least_95_percent_of_the_real_phrases_are_recognised():
    recognised = [text for text, _kind, source in REAL if parse(text, source).is_parsed]

    assert len(recognised) / len(REAL) >= MIN_RECOGNISED


def test_at_least_95_percent_of_all_phrases_are_recognised():
    recognised = [text for text, _kind, source in PHRASES if parse(text, source).is_parsed]

    assert len(recognised) / len(PHRASES) >= MIN_RECOGNISED


def test_the_phrases_not_recognised_are_exactly_the_known_gaps():
    unrecognised = {text for text, _kind, source in PHRASES if not parse(text, source).is_parsed}

    assert unrecognised == KNOWN_GAPS


def test_known_gaps_are_in_the_table_without_a_kind():
    gaps = {text for text, kind, _source in PHRASES if kind is None}

    assert gaps == KNOWN_GAPS


@pytest.mark.parametrize(("text", "kind", "source"), [row for row in PHRASES if row[1] is not None])
def test_phrase_is_read_as_its_kind(text, kind, source):
    deadline = parse(text, source)

    assert deadline.kind == kind
    assert deadline.text == text


@pytest.mark.parametrize(("text", "dates"), DATED.items())
def test_phrase_stands_for_its_dates(text, dates):
    assert text in {row[0] for row in PHRASES}
    deadline = parse(text, "composed")

    assert (deadline.start, deadline.end) == dates


def test_on_demand_counts_as_recognised():
    deadline = parse("по запросу", "composed")

    assert deadline.kind == DeadlineKind.ON_DEMAND
    assert deadline.is_parsed
