"""On a phone: a mentee opens a personal link, gives consent, answers, and the curator sees it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from forms_app.demo import _consent_pages
from forms_app.models import QuestionnaireAccess
from forms_app.tests.factories import invitation, questionnaire_page
from home.services import mentoring_section_get_or_create
from portal.roles import CURATORS, sync_roles
from programmes.models import Consent, ParticipantCategory
from programmes.tests.factories import OrganisationFactory, ParticipantFactory

PHONE = {"width": 390, "height": 844}
REQUEST = "Хочу научиться программировать на Python"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentee_answers_from_a_phone_and_the_curator_finds_the_request(
    live_server, browser, wagtail_site
):
    sync_roles()
    organisation = OrganisationFactory()
    _consent_pages(mentoring_section_get_or_create(), organisation)
    mentee = ParticipantFactory(
        organisation=organisation,
        mentee=True,
        category=ParticipantCategory.YOUNG_SPECIALIST,
        birth_date=datetime.date(2000, 4, 1),
        last_name="Телефонов",
        requests="",
    )
    page = questionnaire_page(
        access=QuestionnaireAccess.INVITATION, organisation=organisation, requires_consent=True
    )
    link = invitation(participant=mentee, page=page)

    phone = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="ru-RU"
    ).new_page()
    phone.goto(f"{live_server.url}{page.url}?invitation={link.token}")
    # No consent yet: the link leads to the consent page first.
    expect(phone.locator("input[name=subject_name]")).to_be_visible()
    phone.fill("input[name=subject_name]", "Телефонов Иван Петрович")
    phone.fill("input[name=subject_address]", "г. Кстово, ул. Школьная, д. 2, кв. 5")
    phone.fill("input[name=subject_document]", "паспорт 2200 123456")
    phone.fill("input[name=subject_document_date]", "15.05.2020")
    phone.fill("input[name=subject_document_issuer]", "ГУ МВД России по Нижегородской области")
    phone.check("input[name=agree]")
    phone.locator("main form button[type=submit]").click()

    # Back on the questionnaire.
    fields = {field.maps_to: field.clean_name for field in page.get_form_fields()}
    expect(phone.locator(f"[name={fields['last_name']}]")).to_be_visible()
    phone.fill(f"[name={fields['last_name']}]", "Телефонов")
    phone.fill(f"[name={fields['first_name']}]", "Иван")
    phone.fill(f"[name={fields['group']}]", "учитель информатики")
    phone.fill(f"[name={fields['requests']}]", REQUEST)
    phone.locator("label:has(input.rating-scale[value='5'])").click()
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url("**?sent=1")
    expect(phone.locator("main")).to_contain_text("Спасибо")
    phone.screenshot(path="/tmp/phone_confirmation.png", full_page=True)
    phone.context.close()

    assert Consent.objects.filter(participant=mentee, source="web").count() == 1
    curator = get_user_model().objects.create_user(username="curator", password="Phone-curator-42")
    curator.groups.add(Group.objects.get(name=CURATORS))
    organisation.members.add(curator)
    desk = browser.new_context(locale="ru-RU").new_page()
    desk.goto(f"{live_server.url}/admin/login/")
    desk.fill("input[name=username]", "curator")
    desk.fill("input[name=password]", "Phone-curator-42")
    desk.click("button[type=submit]")
    desk.wait_for_url(f"{live_server.url}/admin/")
    desk.goto(f"{live_server.url}/admin/programmes/mentee-base/?q=Телефонов")
    expect(desk.locator("#listing-results, main").first).to_contain_text(REQUEST)
    desk.context.close()
