"""A database that refuses connections: every page answers 503 «temporarily unavailable»."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import DatabaseError, OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from forms_app.models import QuestionnaireSubmission
from forms_app.tests.factories import answers, questionnaire_page
from home.services import mentoring_section_get_or_create
from portal.tests.factories import user_with_role
from portal.unavailable import RETRY_AFTER_SECONDS, unavailable_response
from portal.views import server_error

pytestmark = pytest.mark.django_db

REFUSAL = 'connection to server at "db.school.example" failed: Connection refused'


@contextmanager
def database_down():
    """Every new cursor fails as it would against a stopped PostgreSQL."""

    def refuse():
        raise OperationalError(REFUSAL)

    with mock.patch.object(connection, "ensure_connection", side_effect=refuse):
        yield


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert gettext("The portal is temporarily unavailable") in body
    assert gettext("Try again in a few minutes.") in body
    assert "db.school.example" not in body


def test_public_page_is_503_with_retry_after_when_the_database_refuses(client):
    section_url = mentoring_section_get_or_create().url

    with database_down():
        home = client.get("/")
        section = client.get(section_url)

    assert_unavailable_page(home)
    assert_unavailable_page(section)


def test_admin_page_is_503_for_a_signed_in_editor_when_the_database_refuses(client):
    client.force_login(user_with_role("editor"))
    # The staff-session middleware reads the session before any view: its error is answered
    # by handler500 at that layer, which the test client would otherwise raise instead.
    client.raise_request_exception = False

    with database_down():
        response = client.get("/admin/")

    assert_unavailable_page(response)


def test_questionnaire_is_503_and_stores_nothing_when_the_database_refuses(client):
    page = questionnaire_page()
    url, data = page.url, answers(page)

    with database_down():
        shown = client.get(url)
        sent = client.post(url, data)

    assert_unavailable_page(shown)
    assert_unavailable_page(sent)
    assert not QuestionnaireSubmission.objects.exists()


def test_healthz_is_503_when_the_database_refuses(client):
    with database_down():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"database unavailable\n"


class ReadsTheUserMiddleware:
    """Like a throttling or audit middleware: reads the user before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.user.is_authenticated  # noqa: B018 - loads the session from the database
        return self.get_response(request)


def test_database_error_raised_in_a_middleware_is_answered_503_too(client, settings):
    auth = "django.contrib.auth.middleware.AuthenticationMiddleware"
    position = settings.MIDDLEWARE.index(auth) + 1
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:position],
        f"{__name__}.ReadsTheUserMiddleware",
        *settings.MIDDLEWARE[position:],
    ]
    client.force_login(user_with_role("participant"))
    client.raise_request_exception = False

    with database_down():
        response = client.get("/")

    assert_unavailable_page(response)


def test_unavailable_page_asks_nothing_of_the_database():
    with CaptureQueriesContext(connection) as queries, database_down():
        response = unavailable_response()

    assert response.status_code == 503
    assert len(queries) == 0


def test_a_broken_query_is_still_a_server_error_not_an_outage(rf):
    try:
        raise DatabaseError('relation "home_page" does not exist')
    except DatabaseError:
        response = server_error(rf.get("/"))

    assert response.status_code == 500
