"""Refuse requests carrying a NUL character before any view sees them.

No field of the portal can hold one: PostgreSQL refuses it in a text value (the query fails
with ValueError, a server error), and SQLite would store a string that no screen shows right.
A NUL in the address, the query string or a form is a probe or a broken client, so the whole
request is answered «400: the request contains a character that cannot be accepted» and
nothing is read or written.
"""

from django.shortcuts import render

NUL = "\x00"


def _carries_nul(querydict) -> bool:
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in querydict.lists()
    )


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            NUL in request.path
            or _carries_nul(request.GET)
            or (request.method == "POST" and _carries_nul(request.POST))
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)
