"""Redis down or hung: pages, questionnaires, sign-in and commands work without the cache."""

import logging
import time

import pytest
import redis
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import override_settings

from forms_app.models import QuestionnaireSubmission
from forms_app.tests.factories import answers, questionnaire_page
from home.services import mentoring_section_get_or_create
from portal import page_cache
from portal.redis_cache import PAUSE_SECONDS, FailSoftRedisCache
from portal.tests.factories import UserFactory
from portal.tests.silent_server import silent_server
from programmes.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REAL_REDIS = "redis://127.0.0.1:6379/7"


def redis_cache(location: str) -> dict:
    """CACHES as settings/base.py builds them from REDIS_URL."""
    return {
        "default": {
            "BACKEND": "portal.redis_cache.FailSoftRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


@pytest.fixture
def redis_down():
    with override_settings(CACHES=redis_cache("redis://127.0.0.1:1/0"), PAGE_CACHE_SECONDS=300):
        yield


@pytest.mark.usefixtures("redis_down")
def test_public_pages_are_served_without_redis(client):
    section_url = mentoring_section_get_or_create().url

    for url in ["/", section_url, "/", section_url]:
        response = client.get(url)
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"


@pytest.mark.usefixtures("redis_down")
def test_questionnaire_is_shown_and_its_answer_stored_without_redis(client):
    page = questionnaire_page(organisation=OrganisationFactory())

    shown = client.get(page.url)
    sent = client.post(page.url, answers(page))

    assert shown.status_code == 200
    assert sent.status_code == 302 and sent["Location"].endswith("?sent=1")
    assert QuestionnaireSubmission.objects.count() == 1


@pytest.mark.usefixtures("redis_down")
def test_form_rate_limit_lets_answers_through_without_its_store(client, settings):
    settings.FORMS_RATE_LIMIT_PER_IP = 1
    page = questionnaire_page(organisation=OrganisationFactory(), allow_several_answers=True)

    for _ in range(3):
        client.post(page.url, answers(page))

    assert QuestionnaireSubmission.objects.count() == 3


@pytest.mark.usefixtures("redis_down")
def test_sign_in_works_without_redis(client):
    UserFactory(username="curator1", password="a-long-password")

    assert client.get("/accounts/login/").status_code == 200
    response = client.post(
        "/accounts/login/", {"username": "curator1", "password": "a-long-password"}
    )

    assert response.status_code == 302
    assert client.get("/cabinet/").wsgi_request.user.username == "curator1"


@pytest.mark.usefixtures("redis_down")
def test_healthz_is_200_and_says_the_cache_is_unavailable(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\ncache: unavailable\n"


@pytest.mark.usefixtures("redis_down")
def test_page_cache_purge_does_not_raise_without_redis():
    page_cache.purge()


@pytest.mark.usefixtures("redis_down")
def test_load_demo_runs_without_redis():
    call_command("load_demo", force=True)


def test_a_hung_redis_holds_a_request_once_then_is_left_alone(client):
    with (
        silent_server() as server,
        override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{server.port}/0")),
    ):
        started = time.monotonic()
        first = client.get("/healthz")
        second = client.get("/healthz")
        elapsed = time.monotonic() - started

    assert first.content == second.content == b"ok\ncache: unavailable\n"
    assert elapsed < 10  # not forever: the socket timeout, then the pause
    assert len(server.connections) == 1


@override_settings(CACHES=redis_cache("redis://127.0.0.1:1/0"))
def test_unreachable_redis_is_reported_once_per_pause(caplog, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("portal.redis_cache.time.monotonic", lambda: clock[0])
    caplog.set_level(logging.WARNING, logger="portal.redis_cache")

    for _ in range(5):
        assert cache.get("key", "missed") == "missed"
    clock[0] += PAUSE_SECONDS + 1
    cache.set("key", "value")

    warnings = [r for r in caplog.records if r.name == "portal.redis_cache"]
    assert len(warnings) == 2


def real_redis_answers() -> bool:
    try:
        return redis.Redis.from_url(REAL_REDIS, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


@pytest.mark.skipif(not real_redis_answers(), reason="no Redis on 127.0.0.1:6379")
@override_settings(CACHES=redis_cache(REAL_REDIS))
def test_a_reachable_redis_is_an_ordinary_cache(client):
    assert isinstance(caches["default"], FailSoftRedisCache)
    try:
        cache.set("counter", 1)
        assert cache.incr("counter") == 2
        assert cache.get_many(["counter", "absent"]) == {"counter": 2}
        assert client.get("/healthz").content == b"ok\n"
    finally:
        cache.clear()
