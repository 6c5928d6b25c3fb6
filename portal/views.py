from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Collection, Page
from wagtail.search.utils import parse_query_string

from home.document_access import DocumentAccess

RESULTS_PER_PAGE = 20


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
