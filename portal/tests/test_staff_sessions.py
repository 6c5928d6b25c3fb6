"""Staff are signed out after an idle time; participants keep the normal session."""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.utils import translation

from portal.checks import check_signin_settings
from portal.signin.idle import LAST_SEEN
from portal.tests.factories import user_with_role

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
CABINET = "/cabinet/"


def idle_for(client, minutes: float) -> None:
    session = client.session
    session[LAST_SEEN] = int(time.time() - minutes * 60)
    session.save()


@pytest.fixture
def curator(client):
    user = user_with_role("curator")
    client.force_login(user)
    return user


def test_staff_are_signed_out_once_the_idle_time_has_passed(client, curator, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    assert client.get(ADMIN).status_code == 200
    idle_for(client, 31)

    with translation.override("ru"):
        response = client.get(ADMIN, follow=True)

    assert SESSION_KEY not in client.session
    assert response.redirect_chain[0][0].startswith("/admin/login/")
    assert "Сеанс завершён после 30 минут без действий" in response.content.decode()


def test_staff_activity_within_the_idle_time_keeps_the_session(client, curator, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    client.get(ADMIN)
    idle_for(client, 29)

    response = client.get(ADMIN)

    assert response.status_code == 200
    assert time.time() - client.session[LAST_SEEN] < 60


def test_the_idle_time_comes_from_the_settings(client, curator, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    client.get(ADMIN)
    idle_for(client, 6)

    client.get(ADMIN)

    assert SESSION_KEY not in client.session


def test_a_staff_session_cookie_lasts_the_idle_time(client, curator, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30

    response = client.get(ADMIN)

    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60


def test_remember_me_on_the_admin_login_lasts_the_idle_time_too(client, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    curator = user_with_role("curator")

    response = client.post(
        "/admin/login/", {"username": curator.username, "password": "password", "remember": "on"}
    )

    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60


def test_participants_keep_the_normal_session(client, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    client.force_login(user_with_role("participant"))

    response = client.get(CABINET)
    idle_for(client, 120)
    later = client.get(CABINET)

    assert response.status_code == later.status_code == 200
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert SESSION_KEY in client.session


def test_the_editors_background_pings_do_not_count_as_use(client, curator):
    client.get(ADMIN)
    idle_for(client, 10)
    seen = client.session[LAST_SEEN]

    client.post("/admin/editing-sessions/release/1/")

    assert client.session[LAST_SEEN] == seen
    assert SESSION_KEY in client.session


def test_a_session_from_before_the_rule_learns_it_on_its_first_request(client, curator):
    session = client.session
    session.pop("_portal_staff")
    session.save()
    client.get(ADMIN)
    idle_for(client, 31)

    client.get(ADMIN)

    assert SESSION_KEY not in client.session


def test_an_idle_time_under_a_minute_fails_the_system_check(settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 0

    assert [error.id for error in check_signin_settings(None)] == ["portal.E004"]
