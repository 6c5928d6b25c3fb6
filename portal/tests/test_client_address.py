"""The client's address is read in one function, and only there."""

from pathlib import Path

import pytest
from django.test import RequestFactory

from portal.checks import check_trusted_proxies
from portal.client_address import client_address

PROJECT = Path(__file__).resolve().parents[2]
APPS = ("portal", "home", "programmes", "forms_app")


def request_from(peer: str, forwarded_for: str | None = None):
    extra = {} if forwarded_for is None else {"HTTP_X_FORWARDED_FOR": forwarded_for}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **extra)


def test_the_address_is_the_socket_peer_by_default():
    assert client_address(request_from("10.0.0.1", "1.2.3.4")) == "10.0.0.1"


def test_forwarded_for_from_a_peer_that_is_not_a_trusted_proxy_is_ignored(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]

    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_address_the_proxy_added_is_taken(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]

    assert client_address(request_from("10.0.0.1", "1.2.3.4, 198.51.100.1")) == "198.51.100.1"


def test_a_client_cannot_forge_its_address_by_sending_the_header_itself(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    # The client wrote "10.9.9.9"; the proxy appended the address it really came from.
    request = request_from("10.0.0.1", "10.9.9.9, 198.51.100.1")

    assert client_address(request) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.10"]
    request = request_from("10.0.0.1", "6.6.6.6, 198.51.100.1, 192.0.2.10, 10.1.2.3")

    assert client_address(request) == "198.51.100.1"


def test_behind_a_trusted_proxy_without_the_header_the_proxy_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]

    assert client_address(request_from("10.0.0.1")) == "10.0.0.1"


def test_a_garbled_hop_stops_at_the_last_address_a_trusted_proxy_vouched_for(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1", "10.0.0.2"]

    assert client_address(request_from("10.0.0.1", "198.51.100.1, junk, 10.0.0.2")) == "10.0.0.2"


def test_ipv6_proxies_and_ipv4_mapped_peers(settings):
    settings.TRUSTED_PROXIES = ["2001:db8::/32"]

    assert client_address(request_from("2001:db8::1", "198.51.100.1")) == "198.51.100.1"
    assert client_address(request_from("::ffff:203.0.113.9")) == "203.0.113.9"


def test_an_address_that_is_not_one_gives_none():
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="not-an-address")) is None
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="")) is None


@pytest.mark.parametrize("entry", ["proxy.example", "10.0.0.0/33"])
def test_a_trusted_proxy_that_is_not_an_address_or_network_fails_the_system_check(settings, entry):
    settings.TRUSTED_PROXIES = ["10.0.0.1", entry]

    assert [error.id for error in check_trusted_proxies(None)] == ["portal.E001"]


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
