"""/healthz: open to every role, a plain «ok», and 503 when the database does not answer."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from portal.tests.access import OK, outcome
from portal.tests.factories import ROLES, user_with_role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_healthz_answers_every_role(client, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)

    response = client.get("/healthz")

    assert outcome(response) == OK
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")


def test_healthz_asks_the_database_once_and_sets_no_cookie(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")

    assert response.status_code == 200
    assert [query["sql"] for query in queries] == ["SELECT 1"]
    assert not response.cookies


def test_healthz_is_503_when_the_database_fails(client, caplog):
    broken = mock.Mock(side_effect=OperationalError("connection refused"))
    with mock.patch("portal.views.connection.cursor", broken):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    assert "connection refused" not in response.content.decode()
    assert "database is unreachable" in caplog.text
