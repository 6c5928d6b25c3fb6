"""«Блокировки входа»: who sees which lockouts, and unlocking restores sign-in."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from portal.signin.throttle import lockout_response
from portal.tests.access import OK, REFUSED, TO_LOGIN, outcome
from portal.tests.factories import UserFactory, user_with_role
from programmes.tests.factories import OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

URL = "/admin/signin-lockouts/"
SCHOOL = "203.0.113.5"


def lockout(username: str, address: str | None = SCHOOL, *, failures=None, ago=None):
    attempt = AccessAttempt.objects.create(
        username=username,
        ip_address=address,
        user_agent="Mozilla/5.0",
        http_accept="*/*",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=failures or settings.AXES_FAILURE_LIMIT,
    )
    if ago is not None:
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=timezone.now() - ago)
    return attempt


def pupil_of(organisation, username: str):
    user = UserFactory(username=username)
    ParticipantFactory(organisation=organisation, user=user, mentee=True)
    return user


@pytest.fixture
def school():
    return OrganisationFactory()


@pytest.fixture
def curator(school):
    user = user_with_role("curator")
    school.members.add(user)
    return user


def listed(response) -> set[tuple[str, str | None]]:
    return {(row["username"], row["ip_address"]) for row in response.context["rows"]}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", TO_LOGIN),
        ("participant", TO_LOGIN),
        ("editor", REFUSED),
        ("auditor", REFUSED),
        ("curator", OK),
        ("superuser", OK),
    ],
)
def test_who_may_open_the_lockouts(client, role, expected):
    user = user_with_role(role)
    if user:
        client.force_login(user)

    assert outcome(client.get(URL)) == expected


def test_the_superuser_sees_account_address_failures_and_until(client):
    client.force_login(user_with_role("superuser"))
    attempt = lockout("robot-guess", failures=12)
    until = timezone.localtime(attempt.attempt_time + settings.AXES_COOLOFF_TIME)

    response = client.get(URL)

    assert listed(response) == {("robot-guess", SCHOOL)}
    row = response.context["rows"][0]
    assert row["failures"] == 12
    content = response.content.decode()
    assert SCHOOL in content and f"{until:%d.%m.%Y %H:%M}" in content


def test_failures_below_the_limit_and_ended_lockouts_are_not_listed(client):
    client.force_login(user_with_role("superuser"))
    lockout("typo", failures=settings.AXES_FAILURE_LIMIT - 1)
    lockout("yesterday", ago=settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1))

    assert listed(client.get(URL)) == set()


def test_rows_of_one_pair_from_several_browsers_add_up(client):
    client.force_login(user_with_role("superuser"))
    half = settings.AXES_FAILURE_LIMIT // 2
    lockout("pupil", failures=half)
    AccessAttempt.objects.create(
        username="pupil",
        ip_address=SCHOOL,
        user_agent="Another browser",
        failures_since_start=settings.AXES_FAILURE_LIMIT - half,
    )

    assert [row["failures"] for row in client.get(URL).context["rows"]] == [
        settings.AXES_FAILURE_LIMIT
    ]


def test_a_curator_sees_only_the_pupils_of_their_organisations(client, school, curator):
    pupil_of(school, "own-pupil")
    pupil_of(OrganisationFactory(), "other-school-pupil")
    colleague = user_with_role("auditor")
    school.members.add(colleague)
    for username in ("own-pupil", "other-school-pupil", colleague.username, "robot-guess"):
        lockout(username)
    client.force_login(curator)

    response = client.get(URL)

    assert listed(response) == {("own-pupil", SCHOOL)}
    assert "other-school-pupil" not in response.content.decode()


def test_unlocking_from_the_screen_restores_sign_in(client, school, curator):
    pupil = pupil_of(school, "pupil")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/accounts/login/", {"username": "pupil", "password": "wrong"}, REMOTE_ADDR=SCHOOL
        )
    locked = client.post(
        "/accounts/login/", {"username": "pupil", "password": "password"}, REMOTE_ADDR=SCHOOL
    )
    client.force_login(curator)

    with translation.override("ru"):
        unlocked = client.post(URL, {"username": "pupil", "ip_address": SCHOOL}, follow=True)
    client.logout()
    signed_in = client.post(
        "/accounts/login/", {"username": "pupil", "password": "password"}, REMOTE_ADDR=SCHOOL
    )

    assert locked.status_code == 429
    assert "разблокирован" in unlocked.content.decode()
    assert not AccessAttempt.objects.exists()
    assert signed_in.status_code == 302
    assert client.session[SESSION_KEY] == str(pupil.pk)


def test_a_curator_cannot_unlock_another_organisations_pupil(client, curator):
    pupil_of(OrganisationFactory(), "other-school-pupil")
    lockout("other-school-pupil")
    lockout("robot-guess")
    client.force_login(curator)

    for username in ("other-school-pupil", "robot-guess"):
        client.post(URL, {"username": username, "ip_address": SCHOOL})

    assert AccessAttempt.objects.count() == 2


def test_only_the_pair_unlocked_is_lifted(client):
    client.force_login(user_with_role("superuser"))
    lockout("pupil", SCHOOL)
    lockout("pupil", "198.51.100.20")
    lockout("classmate", SCHOOL)

    client.post(URL, {"username": "pupil", "ip_address": SCHOOL})

    assert set(AccessAttempt.objects.values_list("username", "ip_address")) == {
        ("pupil", "198.51.100.20"),
        ("classmate", SCHOOL),
    }


def test_a_lockout_of_no_known_address_can_be_lifted(client):
    client.force_login(user_with_role("superuser"))
    lockout("pupil", None)

    client.post(URL, {"username": "pupil", "ip_address": ""})

    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{}, {"username": ""}, {"username": "pupil", "ip_address": "not-an-address"}],
)
def test_a_garbled_unlock_changes_nothing_and_says_so(client, data):
    client.force_login(user_with_role("superuser"))
    lockout("pupil")

    with translation.override("ru"):
        response = client.post(URL, data, follow=True)

    assert response.status_code == 200
    assert "ничего не изменилось" in response.content.decode()
    assert AccessAttempt.objects.count() == 1


def test_the_menu_item_is_shown_to_whoever_may_unlock(client, curator):
    client.force_login(curator)
    assert URL in client.get("/admin/").content.decode()

    client.force_login(user_with_role("auditor"))
    assert URL not in client.get("/admin/").content.decode()


def test_the_lockouts_cost_the_same_queries_for_ten_rows_as_for_three_hundred(client, school):
    curator = user_with_role("curator")
    school.members.add(curator)
    client.force_login(curator)

    def queries_for(count: int) -> int:
        AccessAttempt.objects.all().delete()
        for number in range(count):
            lockout(pupil_of(school, f"pupil-{count}-{number}").username)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    assert queries_for(10) == queries_for(300)


def test_a_refusal_outside_the_sign_in_forms_gets_a_page_of_its_own():
    request = RequestFactory().post("/elsewhere/", REMOTE_ADDR=SCHOOL)
    lockout("pupil")

    with translation.override("ru"):
        response = lockout_response(request, None, {"username": "pupil"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Вход заблокирован" in response.content.decode()
