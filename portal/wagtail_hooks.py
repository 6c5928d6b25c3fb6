from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from portal.page_cache import is_candidate, mark_cacheable
from portal.signin.admin import LockoutsMenuItem, lockout_urls


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


@hooks.register("register_admin_urls")
def register_signin_urls():
    return lockout_urls()


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(order=900)


@hooks.register("insert_global_admin_css")
def portal_admin_css():
    """The portal's layout fixes for Wagtail's admin: listings at 1366 px and on a phone."""
    return format_html('<link rel="stylesheet" href="{}">', static("portal/css/admin.css"))


@hooks.register("insert_global_admin_js")
def strict_date_pickers():
    """Every date picker of the admin keeps the typed text (static/portal/js/strict-dates.js)."""
    return format_html('<script src="{}"></script>', static("portal/js/strict-dates.js"))
