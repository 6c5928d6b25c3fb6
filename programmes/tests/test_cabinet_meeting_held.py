"""The mentor marks a planned meeting held from the cabinet (programmes/cabinet/views.py)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory
from programmes.cabinet.views import CABINET_HELD_REASON
from programmes.models import MeetingStatus
from programmes.tests.factories import MeetingFactory, pair_with_mentees

pytestmark = pytest.mark.django_db

PLANNED_AT = timezone.make_aware(datetime.datetime(2023, 11, 14, 15, 30))


def account(participant):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()
    return user


@pytest.fixture
def group():
    pair = pair_with_mentees(mentees=2, active=True)
    meeting = MeetingFactory(
        pair=pair,
        programme=pair.programme,
        held_at=PLANNED_AT,
        status=MeetingStatus.PLANNED,
        topic="Разбор олимпиадной задачи",
    )
    mentees = [m.mentee for m in pair.mentees.order_by("pk")]
    return {"pair": pair, "meeting": meeting, "mentor": pair.mentor, "mentees": mentees}


def held_url(meeting):
    return reverse("cabinet:meeting_held", args=[meeting.pk])


def test_the_mentor_is_offered_to_mark_a_planned_meeting_held(client, group):
    client.force_login(account(group["mentor"]))

    page = client.get(reverse("cabinet:overview")).content.decode()

    assert held_url(group["meeting"]) in page
    assert "Отметить проведённой" in page


def test_a_mentee_is_not_offered_it_and_cannot_open_it(client, group):
    client.force_login(account(group["mentees"][0]))

    assert (
        held_url(group["meeting"]) not in client.get(reverse("cabinet:overview")).content.decode()
    )
    assert client.get(held_url(group["meeting"])).status_code == 404
    assert client.post(held_url(group["meeting"]), {"outcome": "x"}).status_code == 404
    group["meeting"].refresh_from_db()
    assert group["meeting"].status == MeetingStatus.PLANNED


def test_another_mentor_cannot_open_it(client, group):
    other = pair_with_mentees(mentees=1, active=True)
    client.force_login(account(other.mentor))

    assert client.get(held_url(group["meeting"])).status_code == 404


def test_the_form_starts_from_the_planned_time_with_everyone_ticked(client, group):
    client.force_login(account(group["mentor"]))

    response = client.get(held_url(group["meeting"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="14.11.2023 15:30"' in html
    assert html.count('type="checkbox"') == 3 and html.count("checked") == 3


def test_marking_held_records_outcome_attendance_and_history(client, group):
    user = account(group["mentor"])
    client.force_login(user)
    came = [group["mentor"], group["mentees"][1]]

    response = client.post(
        held_url(group["meeting"]),
        {
            "held_at": "14.11.2023 16:00",
            "outcome": "Решили две задачи из трёх.",
            "attendees": [str(p.pk) for p in came],
        },
    )

    assert response.status_code == 302
    meeting = group["meeting"]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.outcome == "Решили две задачи из трёх."
    assert timezone.localtime(meeting.held_at).strftime("%d.%m.%Y %H:%M") == "14.11.2023 16:00"
    assert set(meeting.attendance.values_list("participant_id", flat=True)) == {p.pk for p in came}
    latest = meeting.history.first()
    assert latest.history_user == user and latest.history_change_reason == CABINET_HELD_REASON


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"held_at": "14.11.2023 16:00", "outcome": "  "}, "outcome", "Опишите итоги встречи."),
        ({"held_at": "31.11.2023 16:00", "outcome": "Итог"}, "held_at", "Введите правильную"),
        ({"held_at": "вчера", "outcome": "Итог"}, "held_at", "Введите правильную"),
    ],
)
def test_bad_input_is_refused_in_russian_and_changes_nothing(client, group, data, field, message):
    client.force_login(account(group["mentor"]))

    response = client.post(held_url(group["meeting"]), data)

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    group["meeting"].refresh_from_db()
    assert group["meeting"].status == MeetingStatus.PLANNED and group["meeting"].outcome == ""


def test_a_time_still_to_come_is_refused(client, group):
    client.force_login(account(group["mentor"]))
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)

    response = client.post(
        held_url(group["meeting"]),
        {"held_at": tomorrow.strftime("%d.%m.%Y %H:%M"), "outcome": "Итог"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors
    group["meeting"].refresh_from_db()
    assert group["meeting"].status == MeetingStatus.PLANNED


def test_a_held_meeting_is_not_marked_again(client, group):
    group["meeting"].status = MeetingStatus.HELD
    group["meeting"].outcome = "Было"
    group["meeting"].save()
    client.force_login(account(group["mentor"]))

    response = client.get(held_url(group["meeting"]))

    assert response.status_code == 302 and response["Location"] == reverse("cabinet:overview")
