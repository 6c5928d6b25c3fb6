"""Server errors: the 500 page promises what is configured, the mail carries no personal data."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext

from forms_app.tests.factories import answers, questionnaire_page
from home.models import HomePage
from portal.tests.factories import user_with_role
from portal.tests.test_database_down import database_down

pytestmark = pytest.mark.django_db

ADMIN = ("Администратор портала", "admin@school.example")
NOTIFIED = "The administrator already knows of this error. Try again later."
WHAT_TO_DO = (
    "Try again in a few minutes. If the error happens again, tell the person in charge of the "
    "portal at your organisation (for example, the mentoring curator) the address of the page "
    "and the time it happened."
)
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


@pytest.fixture
def failing_home_page(client):
    client.raise_request_exception = False
    with mock.patch.object(HomePage, "serve", side_effect=RuntimeError("a bug")):
        yield client


@pytest.mark.parametrize(
    ("admins", "backend", "promised"),
    [
        ([ADMIN], LOCMEM, True),
        ([], LOCMEM, False),
        ([ADMIN], CONSOLE, False),
    ],
    ids=["admins mailed", "no admins", "admins but mail to the console"],
)
def test_500_page_says_the_administrator_knows_only_when_errors_are_mailed(
    failing_home_page, settings, admins, backend, promised
):
    settings.ADMINS = admins
    settings.EMAIL_BACKEND = backend

    response = failing_home_page.get("/")

    assert response.status_code == 500
    body = response.content.decode()
    assert (gettext(NOTIFIED) in body) == promised
    assert (gettext(WHAT_TO_DO) in body) == (not promised)


def test_server_error_is_mailed_to_admins(failing_home_page, settings):
    settings.ADMINS = [ADMIN]

    failing_home_page.get("/")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [ADMIN[1]]
    assert "RuntimeError" in mail.outbox[0].body


def test_without_admins_nothing_is_mailed(failing_home_page, settings):
    settings.ADMINS = []

    failing_home_page.get("/")

    assert mail.outbox == []


def test_error_mail_names_the_page_but_not_what_the_visitor_sent(client, settings):
    settings.ADMINS = [ADMIN]
    page = questionnaire_page()
    data = answers(page)
    client.raise_request_exception = False
    client.cookies["sessionid"] = "session-of-a-pupil"

    with mock.patch(
        "forms_app.public.serving.questionnaire_submit", side_effect=RuntimeError("a bug")
    ):
        response = client.post(
            f"{page.url}?invitation=token-of-a-pupil", data, REMOTE_ADDR="10.20.30.40"
        )

    assert response.status_code == 500
    body = mail.outbox[0].body
    assert page.url in body and "RuntimeError" in body
    written = [value for value in data.values() if len(value) > 1]  # not the digits of a scale
    for secret in [*written, "token-of-a-pupil", "session-of-a-pupil", "10.20.30.40"]:
        assert secret not in body


def test_an_unavailable_database_is_not_mailed(client, settings):
    settings.ADMINS = [ADMIN]

    with database_down():
        page = client.get("/")
        health = client.get("/healthz")

    assert (page.status_code, health.status_code) == (503, 503)
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["superuser", "anonymous"])
def test_wagtails_deliberate_error_page_is_not_there(client, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)

    response = client.get(reverse("wagtailadmin_error_test"))

    assert response.status_code == 404
