from wagtail import hooks

from portal.page_cache import is_candidate, mark_cacheable


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Let the anonymous page cache store this page if its class opts in and nobody restricts it.

    A page opts in with `cache_for_anonymous = True` only when every anonymous visitor sees
    the same thing; form pages carry CSRF tokens and per-person state and never do. The
    restriction check costs two queries, so it runs only when the page could be stored.
    """
    if (
        is_candidate(request)
        and getattr(type(page), "cache_for_anonymous", False)
        and not page.get_view_restrictions().exists()
    ):
        mark_cacheable(request)
