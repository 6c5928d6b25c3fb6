import logging
import sys

from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from wagtail.models import Collection, Page
from wagtail.search.utils import parse_query_string

from home.document_access import DocumentAccess
from portal.error_reports import error_notification_configured
from portal.redis_cache import cache_answers
from portal.unavailable import is_database_unavailable, unavailable_response

RESULTS_PER_PAGE = 20

logger = logging.getLogger(__name__)


def healthz(request):
    """Liveness for operators and load balancers: the process answers and the database too.

    The database is the one hard dependency: without it the answer is 503 «database
    unavailable». Without the cache the portal still serves every page, only slower, so the
    answer stays 200 and a second line says «cache: unavailable» for whoever reads it.

    Deliberately bare (no session, no template, one `SELECT 1`), so it is also the ceiling a
    page of the portal is measured against by `make bench`. The reason of a failure goes to
    the log, not to the anonymous caller.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database is unreachable")
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain; charset=utf-8"
        )
    body = "ok\n" if cache_answers() else "ok\ncache: unavailable\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


def search(request):
    """Search the published pages and the documents the visitor may open."""
    query = request.GET.get("q", "").strip()[:200]
    pages = Page.objects.none()
    documents = []
    if query:
        _filters, parsed = parse_query_string(query, operator="and")
        pages = Page.objects.live().public().specific().search(parsed)
        access = DocumentAccess(request=request, collection=Collection.get_first_root_node())
        documents = list(access.documents().search(parsed)[:10])
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "pages": Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page")),
            "documents": documents,
        },
    )


def not_found(request):
    raise Http404


def server_error(request):
    """handler500: a bare page that promises only what is configured.

    «The administrator knows» only when errors are mailed (ADMINS and a real mail server);
    otherwise the visitor is told whom to tell. The page reads neither the database nor the
    session: either may be what broke.

    A connection error raised by a middleware (see portal/unavailable.py) lands here too and
    gets the 503 page instead: Django calls this while it is handling the exception.
    """
    if is_database_unavailable(sys.exception()):
        return unavailable_response()
    context = {"notified": error_notification_configured()}
    return HttpResponseServerError(render_to_string("500.html", context))
