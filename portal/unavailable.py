"""While the database does not answer, the portal says so with a 503 instead of a server error.

A database that is down, restarting or refusing connections is an outage, not a bug: the
visitor should learn that the portal is temporarily unavailable, that whatever they sent was
not accepted (so nothing is half saved), and when to come back; a proxy or a browser learns
the same from `Retry-After`. The page comes from a bare template rendered without the
request: the usual context processors read the user, hence the session, hence the database.

Django turns an exception into a response at every middleware layer, so no middleware sees
what a layer below it raised. Two hooks cover a request therefore:

* `DatabaseUnavailableMiddleware.process_exception` catches what a view or its template
  raises, which is where the first query of nearly every request runs (the page lookup, the
  session read by `request.user`). It stands first in `MIDDLEWARE`, so it is the last to be
  asked and every other middleware has had its say;
* `portal.views.server_error` (the project's `handler500`) answers the same page for what a
  middleware raises: a session saved on the way out, a redirect looked up for a 404.

Only connection-level errors (OperationalError, InterfaceError) count: a broken query is a
bug and stays a 500. Outages are logged to the console, not mailed: a dead database would
send one mail per request, and `/healthz` is what monitoring watches.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

# How long a browser or a proxy should wait before asking again.
RETRY_AFTER_SECONDS = 120
CONNECTION_ERRORS = (OperationalError, InterfaceError)

logger = logging.getLogger(__name__)


def is_database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, CONNECTION_ERRORS)


def unavailable_response() -> HttpResponse:
    """The 503 page; touches neither the database nor the session."""
    response = HttpResponse(
        render_to_string("portal/unavailable.html"),
        status=503,
        content_type="text/html; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def database_unavailable(request: HttpRequest, error: BaseException) -> HttpResponse:
    logger.error("The database is unavailable, answered 503 to %s: %s", request.path, error)
    response = unavailable_response()
    # Django logs every 5xx again as «Service Unavailable»; the line above says it better.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    """First in MIDDLEWARE: a view's connection error becomes the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not is_database_unavailable(exception):
            return None
        return database_unavailable(request, exception)
