"""The client's address is read in one function, and only there."""

from pathlib import Path

from django.test import RequestFactory

from portal.client_address import client_address

PROJECT = Path(__file__).resolve().parents[2]
APPS = ("portal", "home", "programmes", "forms_app")


def test_the_address_is_the_socket_peer_by_default():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "10.0.0.1"


def test_behind_a_trusted_proxy_the_address_the_proxy_added_is_taken(settings):
    settings.PORTAL_TRUST_X_FORWARDED_FOR = True
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1"
    )
    assert client_address(request) == "198.51.100.1"


def test_an_address_that_is_not_one_gives_none():
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="not-an-address")) is None
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="")) is None


def test_no_other_module_reads_the_address_from_the_request():
    readers = [
        path.relative_to(PROJECT)
        for app in APPS
        for path in (PROJECT / app).rglob("*.py")
        if "tests" not in path.parts
        and path.name != "client_address.py"
        and ("REMOTE_ADDR" in (text := path.read_text()) or "X_FORWARDED_FOR" in text)
    ]
    assert readers == []
