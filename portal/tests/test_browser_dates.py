"""In a real browser: a date that does not exist, or is not a date, stays as it was typed and
is refused with a Russian message, in the page editor and in the programme admin's forms.

The datetimepicker used to rewrite the text when the field lost focus (31.02.2024 became
02.03.2024, «abc» became today); the tests leave each field with Tab, as a person would.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from home.tests.factories import roadmap_page
from programmes.models import Meeting, Pair
from programmes.tests.factories import (
    ConsentFactory,
    OrganisationFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

PASSWORD = "Strict-dates-42"
INVALID_DATE = "Введите правильную дату."
INVALID_DATETIME = "Введите правильную дату и время."


@pytest.fixture
def admin_page(browser, live_server):
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()


def type_and_leave(page, selector: str, text: str) -> None:
    field = page.locator(selector)
    field.click()
    field.press("Control+a")
    field.press("Delete")
    field.type(text)
    field.press("Tab")
    page.keyboard.press("Escape")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("typed", ["31.02.2024", "abc"])
def test_page_editor_keeps_an_impossible_date_as_typed_and_refuses_it(
    wagtail_site, live_server, admin_page, typed
):
    roadmap = roadmap_page(events=1)
    admin_page.goto(f"{live_server.url}/admin/pages/{roadmap.pk}/edit/")

    type_and_leave(admin_page, "input[name=period_start]", typed)
    expect(admin_page.locator("input[name=period_start]")).to_have_value(typed)
    admin_page.get_by_role("button", name="Сохранить черновик").click()
    admin_page.wait_for_load_state("networkidle")

    expect(admin_page.locator("input[name=period_start]")).to_have_value(typed)
    expect(admin_page.get_by_text(INVALID_DATE).first).to_be_visible()
    roadmap.refresh_from_db()
    assert roadmap.period_start == datetime.date(2023, 1, 1)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("typed", ["31.02.2024", "abc"])
def test_admin_form_keeps_an_impossible_date_as_typed_and_refuses_it(
    live_server, admin_page, typed
):
    today = timezone.localdate()
    organisation = OrganisationFactory()
    programme = ProgrammeFactory(
        organisation=organisation,
        start_date=today - datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=200),
    )
    mentor = ConsentFactory(participant__organisation=organisation).participant
    mentee = ConsentFactory(
        participant__organisation=organisation, participant__mentee=True
    ).participant
    admin_page.goto(f"{live_server.url}/admin/programmes/pair/create/")
    admin_page.select_option("select[name=programme]", str(programme.pk))
    admin_page.select_option("select[name=mentor]", str(mentor.pk))
    admin_page.select_option("select[name=mentees]", [str(mentee.pk)])

    type_and_leave(admin_page, "input[name=start_date]", typed)
    expect(admin_page.locator("input[name=start_date]")).to_have_value(typed)
    admin_page.locator("main form button[type=submit]").first.click()
    admin_page.wait_for_load_state("networkidle")

    expect(admin_page.locator("input[name=start_date]")).to_have_value(typed)
    expect(admin_page.get_by_text(INVALID_DATE).first).to_be_visible()
    assert not Pair.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("typed", ["вчера", "31.02.2024 10:00"])
def test_admin_form_keeps_a_meeting_time_as_typed_and_refuses_it(live_server, admin_page, typed):
    pair = pair_with_mentees(mentees=1)
    admin_page.goto(f"{live_server.url}/admin/programmes/meeting/create/")
    admin_page.select_option("select[name=programme]", str(pair.programme_id))
    admin_page.select_option("select[name=pair]", str(pair.pk))
    admin_page.fill("input[name=topic]", "Знакомство")

    type_and_leave(admin_page, "input[name=held_at]", typed)
    expect(admin_page.locator("input[name=held_at]")).to_have_value(typed)
    admin_page.locator("main form button[type=submit]").first.click()
    admin_page.wait_for_load_state("networkidle")

    expect(admin_page.locator("input[name=held_at]")).to_have_value(typed)
    expect(admin_page.get_by_text(INVALID_DATETIME).first).to_be_visible()
    assert not Meeting.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wagtails_own_schedule_picker_keeps_what_was_typed(wagtail_site, live_server, admin_page):
    roadmap = roadmap_page(events=1)
    admin_page.goto(f"{live_server.url}/admin/pages/{roadmap.pk}/edit/")

    # The field sits in a closed dialog; its picker's blur handler is what used to rewrite it.
    left = admin_page.evaluate(
        """() => {
            const field = jQuery("#id_go_live_at");
            field.val("31.02.2024 10:00").trigger("blur");
            return field.val();
        }"""
    )

    assert left == "31.02.2024 10:00"
