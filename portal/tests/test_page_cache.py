import datetime
import socket
import uuid

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Collection, PageViewRestriction

from forms_app.tests.factories import questionnaire_page
from home.models import MentoringDocument, MentoringSectionPage, RoadmapPage
from home.services import mentoring_section_get_or_create
from home.tests.factories import roadmap_page
from portal.page_cache import GENERATION_KEY, is_marked_cacheable, mark_candidate
from portal.tests.factories import user_with_role
from portal.wagtail_hooks import allow_page_cache

pytestmark = pytest.mark.django_db

REDIS = ("127.0.0.1", 6379)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """The test settings turn the page cache off for the rest of the suite."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def hit(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


def publish_title(page, title: str) -> None:
    page.title = title
    page.save_revision().publish()


def test_second_anonymous_read_is_a_hit_without_queries(client, django_assert_num_queries):
    page = roadmap_page(title="Дорожная карта")

    first = client.get(page.url)
    with django_assert_num_queries(0):
        second = client.get(page.url)

    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert hit(second)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def _count_cache_reads(monkeypatch) -> list[str]:
    """The middleware's reads of the cache; local memory's get_many calls get per key, Redis's
    is one MGET, so only the outermost call counts."""
    reads, depth = [], []
    for name in ("get", "get_many"):
        original = getattr(cache, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            if not depth:
                reads.append(_name)
            depth.append(_name)
            try:
                return _original(*args, **kwargs)
            finally:
                depth.pop()

        monkeypatch.setattr(cache, name, counted)
    return reads


def test_an_anonymous_read_costs_one_cache_round_trip(client, monkeypatch):
    page = roadmap_page(title="Дорожная карта")
    questionnaire = questionnaire_page()
    client.get(page.url)

    reads = _count_cache_reads(monkeypatch)
    stored = client.get(page.url)
    assert hit(stored) and reads == ["get_many"]

    reads.clear()
    never_stored = client.get(questionnaire.url)
    assert never_stored.status_code == 200 and reads.count("get_many") == 1


def test_every_public_page_kind_is_cached(client):
    page = roadmap_page()
    section = page.get_parent()

    for url in ("/", section.url, page.url):
        client.get(url)
        assert hit(client.get(url)), url


def test_a_publish_is_visible_at_once(client):
    page = roadmap_page(title="Дорожная карта")
    client.get(page.url)
    assert hit(client.get(page.url))

    publish_title(page, "Дорожная карта 2024")

    response = client.get(page.url)
    assert not hit(response)
    assert "Дорожная карта 2024" in response.content.decode()


def test_a_publish_also_refreshes_the_pages_that_list_it(client):
    page = roadmap_page(title="Дорожная карта")
    section_url = page.get_parent().url
    client.get(section_url)

    publish_title(page, "План на год")

    assert "План на год" in client.get(section_url).content.decode()


def test_an_unpublished_page_is_gone_at_once(client):
    page = roadmap_page()
    client.get(page.url)

    page.unpublish()

    response = client.get(page.url)
    assert response.status_code == 404
    assert not hit(response)


def test_a_deleted_page_disappears_from_its_section(client):
    page = roadmap_page(title="Удаляемая")
    section_url = page.get_parent().url
    assert "Удаляемая" in client.get(section_url).content.decode()

    page.delete()

    assert "Удаляемая" not in client.get(section_url).content.decode()


def test_a_moved_page_is_not_served_at_its_old_address(client):
    page = roadmap_page()
    old_url = page.url
    client.get(old_url)
    other_section = MentoringSectionPage(title="Архив", slug="arhiv")
    mentoring_section_get_or_create().get_parent().add_child(instance=other_section)

    page.move(other_section, pos="last-child")

    response = client.get(old_url)
    assert not hit(response)
    assert response.status_code != 200
    assert client.get(RoadmapPage.objects.get(pk=page.pk).url).status_code == 200


def test_signed_in_user_never_gets_the_anonymous_page(client):
    page = roadmap_page()
    client.get(page.url)
    assert hit(client.get(page.url))
    user = user_with_role("participant")

    client.force_login(user)
    response = client.get(page.url)

    assert "X-Page-Cache" not in response
    content = response.content.decode()
    assert user.get_full_name() in content
    assert "/accounts/logout/" in content


def test_signed_in_pages_are_never_stored(client):
    page = roadmap_page()
    mentor, curator = user_with_role("participant"), user_with_role("curator")

    client.force_login(mentor)
    client.get(page.url)
    client.force_login(curator)
    second = client.get(page.url)
    anonymous = Client().get(page.url)

    assert "X-Page-Cache" not in second
    assert curator.get_full_name() in second.content.decode()
    assert mentor.get_full_name() not in second.content.decode()
    assert anonymous["X-Page-Cache"] == "miss"
    assert mentor.get_full_name() not in anonymous.content.decode()
    assert curator.get_full_name() not in anonymous.content.decode()
    assert "/accounts/logout/" not in anonymous.content.decode()


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_visitor_with_a_session_or_messages_bypasses_the_cache(client, cookie):
    page = roadmap_page()
    client.get(page.url)

    client.cookies[cookie] = "something"
    response = client.get(page.url)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_questionnaires_are_never_cached(client):
    page = questionnaire_page()

    first = client.get(page.url)
    second = Client().get(page.url)

    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert "csrftoken" in second.cookies


@pytest.mark.parametrize("restricted", [False, True])
def test_the_hook_lets_only_unrestricted_opted_in_pages_be_stored(rf, restricted):
    page = roadmap_page()
    if restricted:
        PageViewRestriction.objects.create(
            page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
    request = rf.get(page.url)
    mark_candidate(request)

    allow_page_cache(page, request, [], {})

    assert is_marked_cacheable(request) is not restricted


def test_the_hook_ignores_pages_that_do_not_opt_in(rf):
    page = questionnaire_page()
    request = rf.get(page.url)
    mark_candidate(request)

    allow_page_cache(page, request, [], {})

    assert not is_marked_cacheable(request)


def test_a_restricted_page_is_never_cached(client):
    page = roadmap_page()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="секрет"
    )

    first = client.get(page.url)
    second = client.get(page.url)

    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert "Мероприятие 1.1" not in second.content.decode()


def test_restricting_a_cached_page_purges_it(client):
    page = roadmap_page()
    client.get(page.url)
    assert hit(client.get(page.url))

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_response_setting_a_cookie_is_not_stored(client):
    page = roadmap_page()

    def set_cookie(serve):
        def inner(page, request, args, kwargs):
            response = serve(page, request, args, kwargs)
            response.set_cookie("seen", "yes")
            return response

        return inner

    with hooks.register_temporarily("on_serve_page", set_cookie):
        first = client.get(page.url)
    second = client.get(page.url)

    assert first.cookies["seen"].value == "yes"
    assert "X-Page-Cache" not in first
    assert second["X-Page-Cache"] == "miss"


def test_a_stored_page_holds_no_nonce_and_every_answer_gets_the_policy(client):
    page = roadmap_page()

    first = client.get(page.url)
    second = client.get(page.url)

    assert first["X-Page-Cache"] == "miss" and hit(second)
    for response in (first, second):
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "'nonce-" not in response["Content-Security-Policy"]
        assert b"nonce=" not in response.content


def test_a_page_that_used_the_nonce_is_never_stored(client):
    page = roadmap_page()
    nonces = []

    def use_nonce(serve):
        def inner(page, request, args, kwargs):
            nonces.append(str(request.csp_nonce))
            return serve(page, request, args, kwargs)

        return inner

    with hooks.register_temporarily("on_serve_page", use_nonce):
        first = client.get(page.url)
        second = client.get(page.url)

    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert f"'nonce-{nonces[0]}'" in first["Content-Security-Policy"]
    assert f"'nonce-{nonces[1]}'" in second["Content-Security-Policy"]
    assert nonces[0] != nonces[1]


def test_the_local_date_is_part_of_the_key(client, monkeypatch):
    page = roadmap_page(deadline="март 2023")
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2023, 3, 31))
    client.get(page.url)
    before_midnight = client.get(page.url)

    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2023, 4, 1))
    after_midnight = client.get(page.url)

    assert hit(before_midnight)
    assert "roadmap-event--overdue" not in before_midnight.content.decode()
    assert not hit(after_midnight)
    assert "roadmap-event--overdue" in after_midnight.content.decode()


def test_a_new_document_purges_the_pages_that_list_documents(client):
    client.get("/")
    assert hit(client.get("/"))

    document = MentoringDocument(
        title="Приказ о наставничестве", collection=Collection.get_first_root_node()
    )
    document.file.save("order.txt", ContentFile(b"text"), save=True)

    response = client.get("/")
    assert not hit(response)
    assert "Приказ о наставничестве" in response.content.decode()


def test_the_query_string_is_part_of_the_key(client):
    page = roadmap_page()
    client.get(page.url)

    assert not hit(client.get(f"{page.url}?print=1"))
    assert hit(client.get(page.url))


@override_settings(PAGE_CACHE_SECONDS=0)
def test_zero_seconds_turns_the_cache_off(client):
    page = roadmap_page()

    client.get(page.url)
    response = client.get(page.url)

    assert "X-Page-Cache" not in response


def test_a_purge_works_before_the_counter_exists():
    cache.delete(GENERATION_KEY)
    page = roadmap_page()

    publish_title(page, "Новая")

    assert cache.get(GENERATION_KEY) is not None


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="Redis is not running on 127.0.0.1:6379")
def test_round_trip_through_redis(client):
    import redis

    prefix = f"portal-test-{uuid.uuid4().hex}"
    location = f"redis://{REDIS[0]}:{REDIS[1]}/0"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
        }
    }
    try:
        with override_settings(CACHES=caches):
            page = roadmap_page(title="Дорожная карта")
            client.get(page.url)
            second = client.get(page.url)
            publish_title(page, "Дорожная карта 2024")
            third = client.get(page.url)
    finally:
        connection = redis.Redis.from_url(location)
        keys = list(connection.scan_iter(match=f"{prefix}:*"))
        if keys:
            connection.delete(*keys)

    assert hit(second)
    assert not hit(third)
    assert "Дорожная карта 2024" in third.content.decode()
    assert keys, "nothing was stored in Redis"


def test_an_unreachable_cache_serves_the_sign_in_page_uncached(client):
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Port 1: nothing listens there, the connection is refused at once.
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    with override_settings(CACHES=unreachable):
        response = client.get("/accounts/login/")

    assert response.status_code == 200
    assert not hit(response)
