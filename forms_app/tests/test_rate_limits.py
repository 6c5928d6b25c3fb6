"""Sending questionnaires is limited so that whole classes get through and robots do not."""

import logging

import pytest
from django.core.cache import cache
from django.utils import translation

from forms_app.models import QuestionnaireAccess, QuestionnaireKind, QuestionnaireSubmission
from forms_app.public import ratelimit
from forms_app.tests.factories import answers, invitation, questionnaire_page
from portal.tests.factories import UserFactory
from programmes.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

SCHOOL = "203.0.113.5"
SURVEY_FIELDS = [
    ("Насколько тебе понравилась программа?", "rating_10", ""),
    ("Что стоит изменить?", "multiline", ""),
]


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def survey(access=QuestionnaireAccess.INVITATION, **fields):
    return questionnaire_page(
        kind=QuestionnaireKind.SATISFACTION,
        access=access,
        fields=SURVEY_FIELDS,
        title="Мониторинг удовлетворённости",
        **fields,
    )


def invalid(page, **extra) -> dict:
    data = {**answers(page), **extra}
    data[page.get_form_fields()[0].clean_name] = ""
    return data


def send(client, page, data, *, token=None, address=SCHOOL, **extra):
    url = f"{page.url}?invitation={token}" if token else page.url
    payload = {**data, "invitation": token} if token else data
    return client.post(url, payload, REMOTE_ADDR=address, **extra)


def test_five_classes_of_thirty_behind_one_address_all_get_their_answers_in(client, settings):
    page = survey()
    links = [invitation(participant=ParticipantFactory(mentee=True), page=page) for _ in range(150)]

    statuses = []
    for number, link in enumerate(links):
        # Everyone first forgets a question; every third pupil forgets it twice.
        for _ in range(2 if number % 3 == 0 else 1):
            statuses.append(send(client, page, invalid(page), token=link.token).status_code)
        statuses.append(send(client, page, answers(page), token=link.token).status_code)

    assert len(statuses) == 350  # more than the old 300 per address
    assert 429 not in statuses
    assert QuestionnaireSubmission.objects.filter(page=page).count() == 150


def test_opening_the_form_costs_nothing_against_the_limits(client, settings):
    settings.FORMS_RATE_LIMIT_PER_IP = 2
    page = survey(access=QuestionnaireAccess.ANYONE, allow_several_answers=True)

    for _ in range(10):
        assert client.get(page.url, REMOTE_ADDR=SCHOOL).status_code == 200
    sent = [send(client, page, answers(page)).status_code for _ in range(2)]

    assert sent == [302, 302]


def test_a_robot_hammering_one_link_is_refused_with_429_and_retry_after(client, settings):
    page = survey()
    link = invitation(participant=ParticipantFactory(mentee=True), page=page)

    responses = [
        send(client, page, invalid(page), token=link.token)
        for _ in range(settings.FORMS_RATE_LIMIT_PER_RESPONDENT + 1)
    ]

    assert [r.status_code for r in responses[:-1]] == [
        200
    ] * settings.FORMS_RATE_LIMIT_PER_RESPONDENT
    refused = responses[-1]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= settings.FORMS_RATE_LIMIT_WINDOW_MINUTES * 60
    assert not QuestionnaireSubmission.objects.exists()


def test_a_classmate_on_the_same_address_is_not_refused_for_a_robots_link(client, settings):
    page = survey()
    robot = invitation(participant=ParticipantFactory(mentee=True), page=page)
    pupil = invitation(participant=ParticipantFactory(mentee=True), page=page)
    for _ in range(settings.FORMS_RATE_LIMIT_PER_RESPONDENT + 5):
        send(client, page, invalid(page), token=robot.token)

    assert send(client, page, answers(page), token=pupil.token).status_code == 302


def test_the_refusal_says_the_answer_was_not_sent_and_keeps_it_filled_in(client, settings):
    settings.FORMS_RATE_LIMIT_PER_IP = 1
    page = survey(access=QuestionnaireAccess.ANYONE, allow_several_answers=True)
    comment = page.get_form_fields()[1].clean_name
    send(client, page, answers(page))

    with translation.override("ru"):
        refused = send(client, page, answers(page, **{comment: "Больше встреч с наставником"}))

    content = refused.content.decode()
    assert refused.status_code == 429
    assert "Ваш ответ НЕ отправлен" in content
    assert "Отправьте её снова после" in content
    assert "Больше встреч с наставником" in content
    assert QuestionnaireSubmission.objects.count() == 1


def test_a_robot_on_an_anonymous_page_is_stopped_at_the_address_limit(client, settings):
    settings.FORMS_RATE_LIMIT_PER_IP = 20
    page = survey(access=QuestionnaireAccess.ANYONE, allow_several_answers=True)

    statuses = [send(client, page, answers(page)).status_code for _ in range(25)]

    assert statuses == [302] * 20 + [429] * 5
    assert QuestionnaireSubmission.objects.count() == 20


def test_a_signed_in_participant_is_limited_per_account(client, settings):
    page = survey(access=QuestionnaireAccess.PARTICIPANTS, allow_several_answers=True)
    user = UserFactory()
    ParticipantFactory(mentee=True, user=user)
    client.force_login(user)

    statuses = [
        send(client, page, invalid(page)).status_code
        for _ in range(settings.FORMS_RATE_LIMIT_PER_RESPONDENT + 1)
    ]

    assert statuses[-1] == 429


def test_pupils_behind_a_trusted_proxy_are_counted_each_at_their_own_address(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.FORMS_RATE_LIMIT_PER_IP = 2
    page = survey(access=QuestionnaireAccess.ANYONE, allow_several_answers=True)

    def via_proxy(school):
        return send(client, page, answers(page), address="10.0.0.1", HTTP_X_FORWARDED_FOR=school)

    first_school = [via_proxy(SCHOOL).status_code for _ in range(3)]
    second_school = via_proxy("198.51.100.20").status_code

    assert first_school == [302, 302, 429]
    assert second_school == 302


def test_the_counters_start_afresh_in_the_next_window(client, settings, monkeypatch):
    settings.FORMS_RATE_LIMIT_PER_IP = 1
    window = settings.FORMS_RATE_LIMIT_WINDOW_MINUTES * 60
    page = survey(access=QuestionnaireAccess.ANYONE, allow_several_answers=True)
    monkeypatch.setattr(ratelimit, "_now", lambda: 1000 * window + 5)
    send(client, page, answers(page))

    refused = send(client, page, answers(page))
    monkeypatch.setattr(ratelimit, "_now", lambda: 1001 * window + 1)
    next_window = send(client, page, answers(page))

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(window - 5)
    assert next_window.status_code == 302


def test_a_refusal_is_logged_with_the_client_address_and_not_the_link(client, settings, caplog):
    settings.FORMS_RATE_LIMIT_PER_RESPONDENT = 0
    page = survey()
    link = invitation(participant=ParticipantFactory(mentee=True), page=page)

    with caplog.at_level(logging.WARNING, logger="forms_app.public.serving"):
        send(client, page, answers(page), token=link.token)

    (record,) = [r for r in caplog.records if r.name == "forms_app.public.serving"]
    assert SCHOOL in record.getMessage()
    assert link.token not in record.getMessage()
