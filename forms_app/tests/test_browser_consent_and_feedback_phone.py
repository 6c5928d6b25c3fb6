"""On a phone: a signed-in pupil on the consent page, a mentor on the feedback questionnaire."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from forms_app.models import QuestionnaireAccess, QuestionnaireKind
from forms_app.tests.factories import consent_page, questionnaire_page
from portal.roles import PARTICIPANTS, sync_roles
from portal.tests.factories import UserFactory
from programmes.tests.factories import MeetingFactory, PairFactory, ParticipantFactory

PHONE = {"width": 390, "height": 844}
PASSWORD = "Phone-pupil-42"


def phone_signed_in(browser, live_server, participant):
    sync_roles()
    user = UserFactory(username=f"user{participant.pk}")
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()
    phone = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="ru-RU", timezone_id="Europe/Moscow"
    ).new_page()
    phone.goto(f"{live_server.url}/accounts/login/")
    phone.fill("input[name=username]", user.username)
    phone.fill("input[name=password]", PASSWORD)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()
    return phone


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_signed_in_pupil_is_told_on_a_phone_that_the_parent_gives_the_consent(
    live_server, browser, wagtail_site
):
    pupil = ParticipantFactory(mentee=True, last_name="Школьникова")
    page = consent_page(pupil.organisation)
    phone = phone_signed_in(browser, live_server, pupil)

    phone.goto(f"{live_server.url}{page.url}")

    expect(phone.locator("main")).to_contain_text("родитель")
    expect(phone.locator("main input[name=representative_name]")).to_have_count(0)
    expect(phone.locator("main form")).to_have_count(0)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path="/tmp/consents-minor-consent.png", full_page=True)
    phone.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_mentor_chooses_the_meeting_on_a_phone_and_gets_its_form(
    live_server, browser, wagtail_site
):
    pair = PairFactory(active=True, start_date=timezone.localdate() - datetime.timedelta(days=60))
    for days, topic in ((30, "Знакомство и правила работы"), (12, "План проекта на четверть")):
        MeetingFactory(
            pair=pair, held_at=timezone.now() - datetime.timedelta(days=days), topic=topic
        )
    page = questionnaire_page(
        kind=QuestionnaireKind.FEEDBACK,
        access=QuestionnaireAccess.PARTICIPANTS,
        allow_several_answers=True,
        fields=[("Оцените встречу", "rating_5", "rating")],
        title="Обратная связь после встречи",
    )
    phone = phone_signed_in(browser, live_server, pair.mentor)

    phone.goto(f"{live_server.url}{page.url}")

    expect(phone.locator("main")).to_contain_text("План проекта на четверть")
    expect(phone.locator("main form")).to_have_count(0)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path="/tmp/consents-feedback-choose.png", full_page=True)
    phone.locator("main a", has_text="План проекта на четверть").click()
    expect(phone.locator("main form input[name=meeting]")).to_have_count(1)
    phone.screenshot(path="/tmp/consents-feedback-form.png", full_page=True)
    phone.context.close()
