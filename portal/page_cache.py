"""A full-page cache for anonymous readers of the public section.

A class opening the regulations or the roadmap from one school address should not render the
same page thirty times. Only what every anonymous visitor would see alike is stored: requests
without a session or messages cookie, for pages whose class sets `cache_for_anonymous = True`
and that have no view restriction (see portal.wagtail_hooks). A signed-in person never gets a
stored page and their pages are never stored.

Every stored page is dropped at once by bumping a generation counter stored with every page:
a publish, an unpublish, a move, a deletion, a site or document change. One bump purges
everything because menus, section indexes and the home page show other pages' titles and the
latest documents, so "which pages does this change touch" has no cheap exact answer. The
counter and the page are read in one round trip (`get_many`): every anonymous request pays it,
the questionnaires and the login page included.

The Content-Security-Policy middleware sits outside this one: a stored page holds no policy
header, each answer, a hit included, gets its own, and a page that used a nonce is not stored.

Settings: `PAGE_CACHE_SECONDS` (0 turns the cache off) and the default cache, which must be
shared (Redis) when several worker processes serve the site, or a purge reaches only one.
When that cache cannot be reached, the request is served as if the page cache were off: the
sign-in page passes through here too, and signing in must keep working while Redis is down.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
_CANDIDATE = "_page_cache_candidate"
_CACHEABLE = "_page_cache_cacheable"
_UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}


def cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# --- Which requests and responses --------------------------------------------------------


def is_anonymous_read(request: HttpRequest) -> bool:
    """A read whose answer cannot depend on who is asking.

    Any session bypasses the cache, even an anonymous one: it may hold a page password the
    visitor has passed. Without a session cookie, asking for the user reads no session from
    the database, so a hit costs no query.
    """
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.user.is_authenticated
    )


def mark_candidate(request: HttpRequest) -> None:
    setattr(request, _CANDIDATE, True)


def is_candidate(request: HttpRequest) -> bool:
    """Whether the middleware would store this request's page; hooks skip their checks if not."""
    return getattr(request, _CANDIDATE, False)


def mark_cacheable(request: HttpRequest) -> None:
    """Called by the page serving hook once the page has agreed to be stored."""
    setattr(request, _CACHEABLE, True)


def is_marked_cacheable(request: HttpRequest) -> bool:
    return getattr(request, _CACHEABLE, False)


def used_csp_nonce(request: HttpRequest) -> bool:
    """Whether rendering asked for the nonce: django-csp's lazy nonce is true once evaluated."""
    return bool(getattr(request, "csp_nonce", False))


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if not is_marked_cacheable(request):
        return False
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    # The outer middlewares set their cookies after this one has seen the response: a page
    # holding a CSRF token, a changed session or a new message belongs to one visitor.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if getattr(get_messages(request), "added_new", False):
        return False
    # A page that used the Content-Security-Policy nonce would hand one visitor's nonce to all.
    # Public templates need none (portal/csp.py); should one ever ask, it is just not stored.
    if used_csp_nonce(request):
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in response.get("Cache-Control", "").split(",")
    }
    return not directives & _UNCACHEABLE_DIRECTIVES


# --- Keys and purging --------------------------------------------------------------------


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        _start_generation()
        generation = cache.get(GENERATION_KEY, 0)
    return generation


def _start_generation() -> None:
    # A counter lost with a restarted or evicting cache starts again from the clock, so it
    # can never come back to a number whose pages are still stored.
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def page_key(request: HttpRequest) -> str:
    """The key of a page: the local date is part of it, so «overdue» flips at midnight."""
    parts = [
        timezone.localdate().isoformat(),
        get_language() or "",
        request.build_absolute_uri(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page-cache:page:{digest}"


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet: a new one is a new generation too
        _start_generation()


def purge() -> None:
    """Drop every stored page, now and again when the surrounding transaction commits.

    The second bump closes a race: a reader rendering the page before the commit would
    otherwise store the old content under the new generation.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump, robust=True)


def _purge_receiver(**kwargs) -> None:
    purge()


def _purge_on_m2m(action: str, **kwargs) -> None:
    if action.startswith("post_"):
        purge()


def connect_purge_signals() -> None:
    """Purge on every change an anonymous reader can see; called from PortalConfig.ready()."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_purge_receiver, dispatch_uid="page_cache.published")
    page_unpublished.connect(_purge_receiver, dispatch_uid="page_cache.unpublished")
    post_page_move.connect(_purge_receiver, dispatch_uid="page_cache.moved")
    # Deleting a subtree sends post_delete for every page in it, the base Page included;
    # listening to Page alone catches each deletion once per page.
    post_delete.connect(_purge_receiver, sender=Page, dispatch_uid="page_cache.page_deleted")
    for model in (
        Site,
        get_document_model(),
        get_image_model(),
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
    ):
        label = model._meta.label_lower
        post_save.connect(_purge_receiver, sender=model, dispatch_uid=f"page_cache.save.{label}")
        post_delete.connect(
            _purge_receiver, sender=model, dispatch_uid=f"page_cache.delete.{label}"
        )
    for model in (CollectionViewRestriction, PageViewRestriction):
        m2m_changed.connect(
            _purge_on_m2m,
            sender=model.groups.through,
            dispatch_uid=f"page_cache.groups.{model._meta.label_lower}",
        )


# --- Middleware --------------------------------------------------------------------------


def _snapshot(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes]:
    return response.status_code, list(response.items()), response.content


def _restore(stored: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous readers' pages; placed after the auth and messages ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        seconds = cache_seconds()
        if seconds <= 0 or not is_anonymous_read(request):
            return self.get_response(request)
        key = page_key(request)
        try:
            found = cache.get_many([GENERATION_KEY, key])
            # The generation is taken before rendering: a purge during the render leaves this
            # page stored under the old generation, which no reader accepts.
            generation = found.get(GENERATION_KEY)
            if generation is None:
                generation = _generation()
        except Exception as error:  # the cache is an aid: a Redis outage must not stop reading
            logger.warning("Page cache unreachable (%s); serving uncached", type(error).__name__)
            return self.get_response(request)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return _restore(stored[1])

        mark_candidate(request)
        response = self.get_response(request)
        if _storable(request, response):
            try:
                cache.set(key, (generation, _snapshot(response)), seconds)
            except Exception as error:
                logger.warning("Page cache unreachable (%s); page not stored", type(error).__name__)
            else:
                response["X-Page-Cache"] = "miss"
        return response
