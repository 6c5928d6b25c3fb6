"""The address of the client that sent a request: the one reading of it in the portal.

Consents keep it as evidence, answers keep it with the respondent, rate limits count by it.
Reading it in one place means a change of deployment (a reverse proxy in front of gunicorn)
is a change of one setting, not a hunt through the code.

Without `PORTAL_TRUST_X_FORWARDED_FOR` the address is REMOTE_ADDR, the peer of the socket.
With it (the portal runs behind a proxy that appends the client's address to
X-Forwarded-For) the last address of that header is taken: the one the proxy itself added,
which a client cannot forge.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    """The client's IP address in canonical form, or None when there is no valid one."""
    address = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "PORTAL_TRUST_X_FORWARDED_FOR", False):
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            address = forwarded[-1]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
