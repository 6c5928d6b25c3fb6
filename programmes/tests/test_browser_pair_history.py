"""In a real browser: a curator forms a pair and approves it; the auditor reads who changed what."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import AUDITORS, CURATORS, sync_roles
from programmes.models import Pair, PairStatus
from programmes.tests.factories import (
    ConsentFactory,
    OrderFactory,
    OrganisationFactory,
    ProgrammeFactory,
)

PASSWORD = "Pair-history-42"


def staff(username, group, organisation, **names):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **names)
    user.groups.add(Group.objects.get(name=group))
    organisation.members.add(user)
    return user


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_curator_forms_and_approves_a_pair_and_the_auditor_sees_the_change(live_server, browser):
    sync_roles()
    today = timezone.localdate()
    organisation = OrganisationFactory()
    staff("curator", CURATORS, organisation, first_name="Людмила", last_name="Фролова")
    staff("auditor", AUDITORS, organisation, first_name="Михаил", last_name="Пожарский")
    programme = ProgrammeFactory(
        organisation=organisation,
        start_date=today - datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=200),
    )
    mentor = ConsentFactory(
        participant__organisation=organisation, participant__last_name="Кузнецова"
    ).participant
    mentee = ConsentFactory(
        participant__organisation=organisation,
        participant__mentee=True,
        participant__last_name="Смирнов",
    ).participant
    order = OrderFactory(organisation=organisation, date=today)

    curator_page = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow").new_page()
    sign_in(curator_page, live_server, "curator")
    curator_page.goto(f"{live_server.url}/admin/programmes/pair/create/")
    curator_page.select_option("select[name=programme]", str(programme.pk))
    curator_page.select_option("select[name=mentor]", str(mentor.pk))
    curator_page.select_option("select[name=mentees]", [str(mentee.pk)])
    curator_page.fill("input[name=start_date]", today.strftime("%d.%m.%Y"))
    curator_page.locator("main form button[type=submit]").first.click()
    curator_page.wait_for_url(f"{live_server.url}/admin/programmes/pair/")
    pair = Pair.objects.get()
    assert pair.status == PairStatus.DRAFT

    curator_page.goto(f"{live_server.url}/admin/programmes/pair/edit/{pair.pk}/")
    curator_page.select_option("select[name=status]", PairStatus.APPROVED)
    curator_page.select_option("select[name=order]", str(order.pk))
    curator_page.fill("input[name=change_reason]", "Приказ о закреплении пар")
    curator_page.locator("main form button[type=submit]").first.click()
    curator_page.wait_for_url(f"{live_server.url}/admin/programmes/pair/")
    pair.refresh_from_db()
    assert pair.status == PairStatus.APPROVED
    curator_page.context.close()

    auditor_page = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow").new_page()
    sign_in(auditor_page, live_server, "auditor")
    auditor_page.goto(f"{live_server.url}/admin/programmes/pair/history/{pair.pk}/")
    auditor_page.screenshot(path="/tmp/pair_history.png", full_page=True)
    history = auditor_page.locator("#main")
    expect(history).to_contain_text("Людмила Фролова")
    expect(history).to_contain_text("Черновик")
    expect(history).to_contain_text("Утверждено")
    expect(history).to_contain_text("Приказ о закреплении пар")
    expect(history).to_contain_text("Смирнов")  # the membership row: who joined the pair
    auditor_page.goto(f"{live_server.url}/admin/programmes/pair/edit/{pair.pk}/")
    expect(auditor_page.locator("select[name=status]")).to_have_count(0)
    auditor_page.context.close()
