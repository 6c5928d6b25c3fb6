"""How an access test reads a response: shown, sent to sign in, or refused."""

OK, REFUSED, TO_LOGIN, NOT_FOUND = "ok", "refused", "login", "not found"


def outcome(response) -> str:
    """Wagtail's admin refuses with a redirect to its home page; Django with 403.

    A refusal that must not tell what exists (a private document) is a 404: NOT_FOUND.
    """
    if response.status_code == 200:
        return OK
    if response.status_code == 404:
        return NOT_FOUND
    if response.status_code == 302 and "login" in response["Location"]:
        return TO_LOGIN
    assert response.status_code in (302, 403), response.status_code
    return REFUSED
