"""In a real browser: the mentor keeps a mentee's development plan on a 390×844 phone.

She opens the plan from her cabinet, sets the goals, adds a task and marks it done; every
screen stays within the phone's width and has no serious accessibility fault, and the mentee
then sees the progress bar of her own plan.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import PARTICIPANTS, sync_roles
from portal.tests.browser import (
    PHONE,
    assert_no_serious_axe_violations,
    assert_no_sideways_overflow,
    new_context,
)
from programmes.models import PlanTask, PlanTaskStatus
from programmes.tests.factories import pair_with_mentees

PASSWORD = "Plan-on-a-phone-42"
TASK = "Прорешать вариант муниципального этапа прошлого года с разбором ошибок"


def account(username, participant):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save(update_fields=["user"])
    return user


def sign_in(page, url, username):
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def check_screen(page):
    assert_no_sideways_overflow(page)
    assert_no_serious_axe_violations(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_mentor_keeps_the_plan_on_a_phone_and_the_mentee_sees_its_progress(
    live_server, browser
):
    sync_roles()
    start = timezone.localdate() - datetime.timedelta(days=30)
    pair = pair_with_mentees(mentees=2, active=True, start_date=start)
    pair.programme.start_date = start - datetime.timedelta(days=10)
    pair.programme.end_date = start + datetime.timedelta(days=300)
    pair.programme.save()
    pair.mentees.update(joined_on=start)
    membership = pair.mentees.select_related("mentee").order_by("pk").first()
    account("teacher", pair.mentor)
    account("pupil", membership.mentee)

    phone = new_context(browser, PHONE)
    page = phone.new_page()
    sign_in(page, f"{live_server.url}/accounts/login/?next=/cabinet/", "teacher")
    page.goto(f"{live_server.url}/cabinet/")
    page.get_by_role("link", name=membership.mentee.full_name).click()
    expect(page.get_by_role("heading", name="Индивидуальный план развития")).to_be_visible()
    check_screen(page)

    page.fill("textarea[name=goals]", "Выйти на муниципальный этап олимпиады\nВыступить у доски")
    page.get_by_role("button", name="Сохранить цели").click()
    expect(page.get_by_text("Цели сохранены.")).to_be_visible()

    page.get_by_role("link", name="Добавить задачу").click()
    check_screen(page)
    page.fill("input[name=title]", TASK)
    deadline = timezone.localdate() + datetime.timedelta(days=20)
    page.fill("input[name=deadline]", deadline.strftime("%d.%m.%Y"))
    page.select_option("select[name=status]", PlanTaskStatus.IN_PROGRESS)
    page.get_by_role("button", name="Сохранить задачу").click()
    expect(page.get_by_text("Задача добавлена в план.")).to_be_visible()
    expect(page.locator("td.long-text", has_text=TASK)).to_be_visible()
    check_screen(page)

    page.get_by_role("link", name=TASK).click()
    page.select_option("select[name=status]", PlanTaskStatus.DONE)
    page.fill("input[name=completed_on]", timezone.localdate().strftime("%d.%m.%Y"))
    page.fill("textarea[name=result]", "Решено 6 задач из 8")
    page.get_by_role("button", name="Сохранить задачу").click()
    expect(page.get_by_text("Выполнено задач: 1 из 1")).to_be_visible()
    check_screen(page)
    page.screenshot(path="/tmp/plan-mentor-phone.png", full_page=True)
    phone.close()

    task = PlanTask.objects.get(title=TASK)
    assert (task.status, task.plan.membership_id) == (PlanTaskStatus.DONE, membership.pk)

    phone = new_context(browser, PHONE)
    page = phone.new_page()
    sign_in(page, f"{live_server.url}/accounts/login/?next=/cabinet/", "pupil")
    page.goto(f"{live_server.url}/cabinet/")
    expect(page.locator(".cabinet-plans .progress-bar__done")).to_have_attribute("width", "100")
    page.get_by_role("link", name="Мой план развития").click()
    expect(page.get_by_text("Решено 6 задач из 8")).to_be_visible()
    expect(page.locator("textarea")).to_have_count(0)
    check_screen(page)
    phone.close()
