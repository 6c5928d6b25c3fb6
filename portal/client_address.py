"""The address of the client that sent a request: the one reading of it in the portal.

Consents keep it as evidence, answers keep it with the respondent, the form rate limits and
the sign-in lockouts count by it, refusals are logged with it. Reading it in one place means
a change of deployment (a reverse proxy in front of gunicorn) is a change of one setting, not
a hunt through the code.

Behind a proxy every request's socket peer (REMOTE_ADDR) is the proxy, so counting by it would
put the whole site behind one limit and record the proxy as every consent's evidence. The
proxy appends the address it received the request from to X-Forwarded-For; whatever stands to
the left of that was written by the client and may be forged. So the header is read only when
REMOTE_ADDR is one of `TRUSTED_PROXIES`, and from the right: each trusted proxy vouches for
the hop before it, and the first address that is not a trusted proxy is the client. An entry
that is not an address stops the walk at the last hop a trusted proxy vouched for.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    # strict=False: "10.0.0.1" is the network of one address, "10.0.0.0/8" a whole one.
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def trusted_networks() -> tuple[Network, ...]:
    """`TRUSTED_PROXIES` as networks; a wrong entry fails the system check, not a request."""
    return _networks(tuple(entry for entry in settings.TRUSTED_PROXIES if entry.strip()))


def _address(text: str) -> Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client reaching an IPv6 socket shows as ::ffff:a.b.c.d; it is one client.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_address(request) -> str | None:
    """The client's IP address in canonical form, or None when there is no valid one."""
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    networks = trusted_networks()
    if peer is None or not _is_trusted(peer, networks):
        return None if peer is None else str(peer)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    client = peer
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)
