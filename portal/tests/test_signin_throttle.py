"""Sign-in is refused after repeated failures for one account from one address, and only there."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY, authenticate
from django.utils import timezone, translation

from portal.checks import check_signin_settings
from portal.tests.factories import UserFactory, user_with_role

pytestmark = pytest.mark.django_db

SCHOOL = "203.0.113.5"
HOME = "198.51.100.20"
SITE_LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Port 1: nothing listens there, the connection is refused at once.
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def sign_in(client, username, password, *, address=SCHOOL, url=SITE_LOGIN):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def hammer(client, username, *, times=30, address=SCHOOL, url=SITE_LOGIN):
    return [
        sign_in(client, username, "wrong-password", address=address, url=url) for _ in range(times)
    ]


def test_thirty_wrong_passwords_lock_the_account_even_against_the_right_one(client):
    pupil = UserFactory(username="pupil")

    responses = hammer(client, pupil.username)
    right = sign_in(client, pupil.username, "password")

    assert responses[-1].status_code == 429
    assert right.status_code == 429
    assert not signed_in(client)


def test_a_few_wrong_passwords_are_only_wrong_passwords(client, settings):
    pupil = UserFactory(username="pupil")

    responses = hammer(client, pupil.username, times=settings.AXES_FAILURE_LIMIT - 1)

    assert {response.status_code for response in responses} == {200}
    assert [e.code for e in responses[-1].context["form"].non_field_errors().as_data()] == [
        "invalid_login"
    ]
    assert sign_in(client, pupil.username, "password").status_code == 302


def test_a_classmate_on_the_same_address_still_signs_in(client):
    UserFactory(username="pupil")
    UserFactory(username="classmate")
    hammer(client, "pupil")

    response = sign_in(client, "classmate", "password")

    assert response.status_code == 302
    assert signed_in(client)


def test_the_same_account_from_another_address_still_signs_in(client):
    UserFactory(username="pupil")
    hammer(client, "pupil")

    response = sign_in(client, "pupil", "password", address=HOME)

    assert response.status_code == 302
    assert signed_in(client)


def test_the_refusal_says_in_russian_until_when_and_keeps_the_form(client, settings):
    UserFactory(username="pupil")
    hammer(client, "pupil")
    until = timezone.localtime(AccessAttempt.objects.get().attempt_time) + datetime.timedelta(
        minutes=15
    )

    with translation.override("ru"):
        response = sign_in(client, "pupil", "password")

    content = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    assert "Слишком много неудачных попыток войти" in content
    assert f"до {until:%H:%M}" in content
    assert 'name="password"' in content


def test_the_lockout_ends_when_the_cool_off_has_passed(client, settings):
    UserFactory(username="pupil")
    hammer(client, "pupil")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    )

    assert sign_in(client, "pupil", "password").status_code == 302


@pytest.mark.parametrize("url", [SITE_LOGIN, ADMIN_LOGIN])
def test_both_sign_in_forms_are_throttled(client, url):
    curator = user_with_role("curator")

    responses = hammer(client, curator.username, url=url)
    right = sign_in(client, curator.username, "password", url=url)

    assert responses[-1].status_code == 429
    assert right.status_code == 429
    assert [e.code for e in right.context["form"].non_field_errors().as_data()] == ["locked_out"]
    assert not signed_in(client)


def test_a_failure_on_one_form_counts_on_the_other(client, settings):
    curator = user_with_role("curator")
    half = settings.AXES_FAILURE_LIMIT // 2

    hammer(client, curator.username, times=half, url=SITE_LOGIN)
    hammer(client, curator.username, times=settings.AXES_FAILURE_LIMIT - half, url=ADMIN_LOGIN)

    assert sign_in(client, curator.username, "password", url=ADMIN_LOGIN).status_code == 429


def test_a_lockout_is_logged_with_the_client_address_not_the_account(client, caplog):
    UserFactory(username="pupil")

    with caplog.at_level(logging.WARNING, logger="portal.signin.throttle"):
        hammer(client, "pupil")

    refusals = [r.getMessage() for r in caplog.records if r.name == "portal.signin.throttle"]
    assert refusals
    assert all(SCHOOL in message and "pupil" not in message for message in refusals)


def test_sign_in_and_its_throttling_work_while_redis_is_down(client, settings):
    settings.CACHES = UNREACHABLE_REDIS
    settings.PAGE_CACHE_SECONDS = 300
    UserFactory(username="pupil")
    UserFactory(username="classmate")

    page = client.get(SITE_LOGIN, REMOTE_ADDR=SCHOOL)
    hammer(client, "pupil")
    locked = sign_in(client, "pupil", "password")
    classmate = sign_in(client, "classmate", "password")

    assert page.status_code == 200
    assert locked.status_code == 429
    assert classmate.status_code == 302


@pytest.mark.parametrize(
    ("limit", "minutes", "ids"),
    [(10, 15, []), (31, 15, ["portal.E002"]), (0, 15, ["portal.E002"]), (10, 0, ["portal.E003"])],
)
def test_the_system_check_keeps_the_limit_within_thirty_and_the_cool_off_real(
    settings, limit, minutes, ids
):
    settings.AXES_FAILURE_LIMIT = limit
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=minutes)

    assert [error.id for error in check_signin_settings(None)] == ids


def test_a_password_checked_without_a_request_is_answered_not_throttled():
    UserFactory(username="pupil")

    assert authenticate(username="pupil", password="password") is not None
    assert authenticate(username="pupil", password="wrong") is None
    assert not AccessAttempt.objects.exists()
