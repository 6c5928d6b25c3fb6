"""In a real browser: the curator logs a group meeting; a mentee on a phone sees every meeting;
the mentor marks a planned one held from hers.

The group met twice before the mentee's account was linked to her record, and the curator logs
the third meeting from the admin at 1366 px; the mentee then signs in on a 390 px phone and
finds all three in her cabinet, planned and held apart, with nothing running off the screen
and no serious accessibility fault.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import CURATORS, sync_roles
from portal.tests.browser import (
    DESKTOP,
    PHONE,
    assert_no_serious_axe_violations,
    assert_no_sideways_overflow,
    new_context,
)
from programmes.models import Meeting, MeetingStatus
from programmes.tests.factories import MeetingFactory, pair_with_mentees

PASSWORD = "Meeting-cycle-42"
EARLIER_TOPICS = ("Знакомство и правила группы", "Как готовиться к олимпиаде")
LOGGED_TOPIC = "Разбор задачи регионального этапа"
PLANNED_TOPIC = "Пробный тур"
UNMARKED_TOPIC = "Подготовка к пробному туру"


def moscow(days_ago: int) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0)))


def account(username, participant=None, group=None):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if participant:
        participant.user = user
        participant.save(update_fields=["user"])
    return user


def sign_in(page, url, username):
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_curator_logs_a_meeting_and_the_mentee_sees_every_meeting_on_a_phone(live_server, browser):
    sync_roles()
    start = timezone.localdate() - datetime.timedelta(days=40)
    pair = pair_with_mentees(mentees=2, active=True, start_date=start)
    pair.programme.start_date = start - datetime.timedelta(days=10)
    pair.programme.end_date = start + datetime.timedelta(days=300)
    pair.programme.save()
    pair.mentees.update(joined_on=start)
    mentees = [membership.mentee for membership in pair.mentees.select_related("mentee")]
    for days_ago, topic in zip((30, 20), EARLIER_TOPICS, strict=True):
        MeetingFactory(pair=pair, programme=pair.programme, held_at=moscow(days_ago), topic=topic)
    MeetingFactory(pair=pair, programme=pair.programme, held_at=moscow(-7), topic=PLANNED_TOPIC)
    unmarked = MeetingFactory(
        pair=pair,
        programme=pair.programme,
        held_at=moscow(2),
        topic=UNMARKED_TOPIC,
        status=MeetingStatus.PLANNED,
    )
    curator = account("curator", group=CURATORS)
    pair.programme.organisation.members.add(curator)
    account("pupil", participant=mentees[0])
    account("teacher", participant=pair.mentor)

    # The curator logs yesterday's meeting, held, with who came.
    desk = new_context(browser, DESKTOP)
    admin = desk.new_page()
    sign_in(admin, f"{live_server.url}/admin/login/", "curator")
    admin.goto(f"{live_server.url}/admin/programmes/meeting/create/")
    admin.select_option("select[name=programme]", str(pair.programme_id))
    admin.select_option("select[name=pair]", str(pair.pk))
    admin.select_option("select[name=status]", MeetingStatus.HELD)
    held_at = moscow(1).astimezone(timezone.get_current_timezone())
    admin.fill("input[name=held_at]", held_at.strftime("%d.%m.%Y %H:%M"))
    admin.press("input[name=held_at]", "Escape")
    admin.fill("input[name=topic]", LOGGED_TOPIC)
    admin.fill("textarea[name=outcome]", "Решили две задачи из трёх, третью — дома.")
    admin.select_option(
        "select[name=attendees]", [str(pair.mentor_id), *(str(m.pk) for m in mentees)]
    )
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_url(f"{live_server.url}/admin/programmes/meeting/")
    expect(admin.get_by_text(LOGGED_TOPIC).first).to_be_visible()
    assert_no_sideways_overflow(admin)
    logged = Meeting.objects.get(topic=LOGGED_TOPIC)
    assert logged.status == MeetingStatus.HELD
    assert set(logged.attendance.values_list("participant_id", flat=True)) == {
        pair.mentor_id,
        *(m.pk for m in mentees),
    }
    desk.close()

    # The mentee, on her phone, finds every meeting of the group since she joined.
    phone = new_context(browser, PHONE)
    cabinet = phone.new_page()
    sign_in(cabinet, f"{live_server.url}/accounts/login/?next=/cabinet/", "pupil")
    cabinet.goto(f"{live_server.url}/cabinet/")
    for topic in (*EARLIER_TOPICS, LOGGED_TOPIC, PLANNED_TOPIC):
        expect(cabinet.get_by_text(topic).first).to_be_visible()
    planned = cabinet.locator("h4", has_text="Запланированные встречи")
    expect(planned).to_be_visible()
    assert_no_sideways_overflow(cabinet)
    assert_no_serious_axe_violations(cabinet)
    cabinet.screenshot(path="/tmp/cycle-mentee-cabinet.png", full_page=True)
    phone.close()

    # The mentor, on her phone, marks the meeting of two days ago held.
    phone = new_context(browser, PHONE)
    mentor = phone.new_page()
    sign_in(mentor, f"{live_server.url}/accounts/login/?next=/cabinet/", "teacher")
    mentor.goto(f"{live_server.url}/cabinet/")
    mentor.locator(".cabinet-meetings li", has_text=UNMARKED_TOPIC).get_by_role(
        "link", name="Отметить проведённой"
    ).click()
    expect(mentor.get_by_role("heading", name="Встреча состоялась")).to_be_visible()
    assert_no_sideways_overflow(mentor)
    assert_no_serious_axe_violations(mentor)
    mentor.fill("textarea[name=outcome]", "Прорешали вариант прошлого года.")
    mentor.get_by_label(mentees[1].full_name).uncheck()
    mentor.screenshot(path="/tmp/cycle-mentor-held.png", full_page=True)
    mentor.get_by_role("button", name="Отметить проведённой").click()
    expect(mentor.get_by_text("Встреча отмечена проведённой")).to_be_visible()
    unmarked.refresh_from_db()
    assert unmarked.status == MeetingStatus.HELD
    assert set(unmarked.attendance.values_list("participant_id", flat=True)) == {
        pair.mentor_id,
        mentees[0].pk,
    }
    phone.close()
