"""The printed invitation slips, and a pupil typing the code from one into a phone."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from forms_app.models import Invitation, QuestionnaireAccess
from forms_app.tests.factories import questionnaire_page
from forms_app.tests.qr import decode_svg
from portal.roles import CURATORS, sync_roles
from programmes.tests.factories import OrganisationFactory, ParticipantFactory

PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_slips_print_a_short_link_and_its_qr_code_and_the_typed_code_opens_the_form(
    live_server, browser, wagtail_site, settings
):
    settings.WAGTAILADMIN_BASE_URL = ""  # the address comes from the request: the live server
    sync_roles()
    organisation = OrganisationFactory()
    for n, last_name in enumerate(["Алексеева", "Борисов", "Васильева"]):
        ParticipantFactory(
            organisation=organisation, mentee=True, group="7 «А»", last_name=f"{last_name}{n}"
        )
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION, organisation=organisation)
    curator = get_user_model().objects.create_user(username="curator", password="Slips-curator-42")
    curator.groups.add(Group.objects.get(name=CURATORS))
    organisation.members.add(curator)

    desk = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow").new_page()
    desk.goto(f"{live_server.url}/admin/login/")
    desk.fill("input[name=username]", "curator")
    desk.fill("input[name=password]", "Slips-curator-42")
    desk.click("button[type=submit]")
    desk.wait_for_url(f"{live_server.url}/admin/")
    desk.goto(f"{live_server.url}/admin/invitations/new/")
    desk.select_option("select[name=page]", str(page.pk))
    desk.select_option("select[name=organisation]", str(organisation.pk))
    desk.select_option("select[name=role]", "mentees")
    desk.locator("main form button[type=submit]").click()
    desk.wait_for_url("**/admin/invitations/batch/")
    desk.goto(f"{live_server.url}/admin/invitations/batch/print/")
    expect(desk.locator(".slip")).to_have_count(3)
    desk.screenshot(path="/tmp/links-slips-desktop.png", full_page=True)
    desk.emulate_media(media="print")
    expect(desk.locator("[data-print]")).to_be_hidden()
    desk.screenshot(path="/tmp/links-slips-print.png", full_page=True)

    first = desk.locator(".slip").first
    printed = first.locator(".slip__url").inner_text()
    qr_text = decode_svg(first.locator(".slip__qr").inner_html())
    code = Invitation.objects.get(participant__last_name="Алексеева0").code
    host = live_server.url.split("://", 1)[1]
    assert printed == f"{host}/i/{code[:4]}-{code[4:]}"
    assert qr_text == [f"{live_server.url}/i/{code[:4]}-{code[4:]}"]
    assert len(printed.removeprefix(host)) <= 12

    invitation = Invitation.objects.get(code=code)
    desk.emulate_media(media="screen")
    desk.goto(f"{live_server.url}/admin/forms_app/invitation/inspect/{invitation.pk}/")
    expect(desk.locator(".invitation-link__qr svg")).to_be_visible()
    desk.screenshot(path="/tmp/links-inspect.png", full_page=True)

    phone = browser.new_context(viewport=PHONE, is_mobile=True, locale="ru-RU").new_page()
    phone.goto(f"{live_server.url}/i/")
    phone.fill("input[name=code]", f"{code[:4].lower()} {code[4:].lower()}")
    phone.screenshot(path="/tmp/links-phone-code.png", full_page=True)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(f"**{page.url}?invitation=*")
    expect(phone.locator("main h1")).to_contain_text(page.title)
    phone.context.close()
    desk.context.close()
