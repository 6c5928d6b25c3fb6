"""In a real browser: the curator opens «Подбор пар» from the programme, reads why each pair is
suggested, locks one, and accepts; the drafts wait in the pairs list, and the order approving
them is recorded, approves them and comes out as DOCX listing them. The screen fits a
1366 px desktop and a 390 px phone, and axe finds no serious fault in it.
"""

import datetime

import docx
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
from programmes.models import MatchDecision, MentoringForm, Order, Pair, PairStatus
from programmes.tests.factories import ConsentFactory, OrganisationFactory, ProgrammeFactory

PASSWORD = "Matching-42"


def pupil(programme, last_name, group, *, mentor=False, topics=""):
    values = {
        "participant__organisation": programme.organisation,
        "participant__last_name": last_name,
        "participant__category": "student",
        "participant__group": group,
        "participant__birth_date": datetime.date(2010, 5, 1),
    }
    if mentor:
        values["participant__competences"] = topics
    else:
        values.update(participant__mentee=True, participant__requests=topics)
    return ConsentFactory(given_by="representative", **values).participant


def sign_in(context, live_server):
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "curator")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_curator_reads_locks_and_accepts_a_suggestion(live_server, browser, wagtail_site):
    sync_roles()
    today = timezone.localdate()
    programme = ProgrammeFactory(
        organisation=OrganisationFactory(),
        title="Шаг вперёд",
        form=MentoringForm.objects.get_or_create(
            name="ученик – ученик", defaults={"matching_rule": "pupil_pupil"}
        )[0],
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=200),
    )
    pupil(
        programme,
        "Лебедев",
        "10 «А»",
        mentor=True,
        topics="Информатика, программирование на Python",
    )
    pupil(programme, "Соловьёва", "11 «Б»", mentor=True, topics="Английский язык, дебаты")
    pupil(programme, "Новикова", "8 «Б»", topics="Программирование с нуля")
    pupil(programme, "Павлов", "7 «Б»", topics="Английский язык")
    curator = get_user_model().objects.create_user(username="curator", password=PASSWORD)
    curator.groups.add(Group.objects.get(name=CURATORS))
    programme.organisation.members.add(curator)

    desk = new_context(browser, DESKTOP)
    page = sign_in(desk, live_server)

    page.goto(f"{live_server.url}/admin/programmes/programme/")
    page.get_by_role("link", name="Подбор пар").first.click()
    expect(page.get_by_role("heading", name="Подбор пар")).to_be_visible()
    expect(
        page.get_by_text(
            "запрос «Программирование с нуля» ↔ компетенция «Информатика, программирование на Python»"
        )
    ).to_be_visible()
    assert_no_sideways_overflow(page)
    assert_no_serious_axe_violations(page)

    row = page.locator("tbody tr", has_text="Новикова").first
    row.get_by_role("button", name="Закрепить").click()
    expect(page.get_by_text("Решение сохранено, предложение пересчитано.")).to_be_visible()
    expect(page.locator("tbody tr", has_text="Новикова").get_by_text("закреплена")).to_be_visible()
    assert MatchDecision.objects.get().mentee.last_name == "Новикова"

    # The same screen on a phone, with the lock and the suggestions on it.
    phone = new_context(browser, PHONE)
    small = sign_in(phone, live_server)
    small.goto(f"{live_server.url}/admin/programmes/matching/{programme.pk}/")
    expect(small.get_by_text("закреплена")).to_be_visible()
    assert_no_sideways_overflow(small)
    phone.close()

    page.get_by_role("button", name="Принять: создать черновики пар для 2 наставляемых").click()
    page.wait_for_url("**/admin/programmes/pair/?status=draft")
    expect(page.get_by_text("Создано черновиков пар и групп: 2.")).to_be_visible()
    assert Pair.objects.filter(status=PairStatus.DRAFT).count() == 2

    # The order approving them: recorded, the drafts ticked, its DOCX generated.
    page.goto(f"{live_server.url}/admin/programmes/order/create/")
    page.select_option("select[name=organisation]", str(programme.organisation_id))
    page.select_option("select[name=kind]", "approval")
    page.fill("input[name=number]", "17-О")
    page.fill("input[name=date]", today.strftime("%d.%m.%Y"))
    page.press("input[name=date]", "Escape")
    page.fill("input[name=signatory_name]", "Демина Е. И.")
    page.fill("input[name=signatory_position]", "Директор")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/programmes/order/")
    order = Order.objects.get(number="17-О")
    page.goto(f"{live_server.url}/admin/programmes/order/approve/{order.pk}/")
    for box in page.locator("input[name=pairs]").all():
        box.check()
    page.get_by_role("button", name="Утвердить отмеченные пары").click()
    expect(page.get_by_text("Пар и групп утверждено приказом: 2.")).to_be_visible()
    assert set(Pair.objects.values_list("status", flat=True)) == {PairStatus.APPROVED}
    page.goto(f"{live_server.url}/admin/programmes/order/docx/{order.pk}/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Сформировать и скачать DOCX").click()
    table = docx.Document(download.value.path()).tables[0]
    listed = "\n".join(cell.text for row in table.rows for cell in row.cells)
    for name in ("Лебедев", "Соловьёва", "Новикова", "Павлов"):
        assert name in listed
    desk.close()
