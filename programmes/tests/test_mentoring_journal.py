"""The mentoring journal of a pair (DOCX, XLSX): its contents on known data, who downloads it.

Not the change journal of programmes/tests/test_journal.py: this is the pair's own record of
meetings, attendance and feedback that an inspector asks for.
"""

import datetime
import io

import docx
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from portal.roles import CURATORS
from portal.tests.access import OK, REFUSED, outcome
from portal.tests.factories import UserFactory, user_with_role
from programmes.models import MeetingAttendance, MeetingFormat, MeetingKind, MeetingStatus
from programmes.tests.factories import (
    FeedbackFactory,
    MeetingFactory,
    OrganisationFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db


def moscow(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def journal():
    pair = pair_with_mentees(mentees=2, active=True)
    first, second = [m.mentee for m in pair.mentees.order_by("pk")]
    held = MeetingFactory(
        pair=pair,
        held_at=moscow(2023, 10, 10, 15, 30),
        kind=MeetingKind.WORKING,
        format=MeetingFormat.REMOTE,
        topic="Разбор задач на чётность",
        outcome="Решили 4 задачи из 5",
    )
    for person in (pair.mentor, first):
        MeetingAttendance.objects.create(meeting=held, participant=person)
    FeedbackFactory(meeting=held, author=pair.mentor, rating=5, comment="Хорошо поработали")
    FeedbackFactory(meeting=held, author=first, rating=3, comment="Было трудно", suits=True)
    MeetingFactory(
        pair=pair,
        held_at=moscow(2099, 1, 20, 16, 0),
        status=MeetingStatus.PLANNED,
        topic="Пробная олимпиада",
    )
    return {"pair": pair, "first": first, "second": second, "held": held}


def url(pair, kind):
    return reverse(f"programmes_pair_modeladmin_journal_{kind}", args=[pair.pk])


def curator_of(pair):
    user = user_with_role("curator")
    pair.programme.organisation.members.add(user)
    return user


def test_the_docx_journal_lists_meetings_attendance_and_feedback(client, journal):
    pair, first = journal["pair"], journal["first"]
    client.force_login(curator_of(pair))

    response = client.get(url(pair, "docx"))

    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    rows = ["|".join(cell.text for cell in row.cells) for row in document.tables[0].rows]
    assert "Журнал наставничества" in text
    assert f"Наставник: {pair.mentor.full_name}" in text
    assert f"{first.full_name}, с 01.10.2023" in text
    assert "Проведено встреч: 1 из 2 записанных" in text
    assert rows[0] == "№|Дата и время|Вид|Формат|Тема|Статус|Итог|Кто пришёл|Обратная связь"
    assert rows[1] == (
        f"1|10.10.2023 15:30|Рабочая|Дистанционно|Разбор задач на чётность|Проведена|"
        f"Решили 4 задачи из 5|{', '.join(sorted([pair.mentor.full_name, first.full_name]))}|"
        f"{pair.mentor.full_name} (наставник): 5 из 5 — Хорошо поработали\n"
        f"{first.full_name} (наставляемый): 3 из 5; подходите ли друг другу: да — Было трудно"
    )
    assert rows[2] == "2|20.01.2099 16:00|Рабочая|Очно|Пробная олимпиада|Запланирована|—|—|—"


def test_the_xlsx_journal_has_real_dates_and_a_row_per_feedback(client, journal):
    pair, first = journal["pair"], journal["first"]
    client.force_login(curator_of(pair))

    response = client.get(url(pair, "xlsx"))

    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    sheet, ratings = workbook["Журнал"], workbook["Обратная связь"]
    rows = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    header = rows.index(next(row for row in rows if row[0] == "Дата и время"))
    held = rows[header + 1]
    assert held[0] == datetime.datetime(2023, 10, 10, 15, 30)
    assert held[1:5] == ("Рабочая", "Дистанционно", "Разбор задач на чётность", "Проведена")
    assert held[7] == 4
    assert rows[header + 2][4] == "Запланирована" and rows[header + 2][7] is None
    feedback = list(ratings.iter_rows(min_row=2, values_only=True))
    assert [(row[2], row[3], row[4], row[5], row[6]) for row in feedback] == [
        (pair.mentor.full_name, "наставник", 5, "", "Хорошо поработали"),
        (first.full_name, "наставляемый", 3, "Да", "Было трудно"),
    ]


def test_curator_and_auditor_of_the_organisation_download_it_nobody_else(client, journal):
    pair = journal["pair"]
    auditor = user_with_role("auditor")
    pair.programme.organisation.members.add(auditor)
    stranger = UserFactory()
    stranger.groups.add(Group.objects.get(name=CURATORS))
    OrganisationFactory().members.add(stranger)
    seen = {}
    for name, user in [
        ("curator", curator_of(pair)),
        ("auditor", auditor),
        ("other curator", stranger),
        ("editor", user_with_role("editor")),
    ]:
        client.force_login(user)
        seen[name] = [outcome(client.get(url(pair, kind))) for kind in ("docx", "xlsx")]
        inspect = client.get(reverse("programmes_pair_modeladmin_inspect", args=[pair.pk]))
        if name in ("curator", "auditor"):
            assert url(pair, "docx") in inspect.content.decode()

    assert seen == {
        "curator": [OK, OK],
        "auditor": [OK, OK],
        "other curator": [REFUSED, REFUSED],
        "editor": [REFUSED, REFUSED],
    }


def _queries(client, pair, kind) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(pair, kind)).status_code == 200
    return len(queries)


def test_the_journal_reads_a_fixed_number_of_queries(client, journal):
    pair = journal["pair"]
    client.force_login(curator_of(pair))
    few = {kind: _queries(client, pair, kind) for kind in ("docx", "xlsx")}
    for number in range(20):
        meeting = MeetingFactory(
            pair=pair, held_at=moscow(2023, 11, 1 + number, 15, 0), topic=f"Тема {number}"
        )
        MeetingAttendance.objects.create(meeting=meeting, participant=journal["first"])
        FeedbackFactory(meeting=meeting, author=pair.mentor, rating=4)

    assert {kind: _queries(client, pair, kind) for kind in ("docx", "xlsx")} == few
