"""Staff sessions end after an idle time; participants keep the normal, long session.

Curators and editors work on shared computers in a staff room or a classroom, where the next
person at the keyboard should not find the programme's records open; pupils answer on their
own phones, and signing a child out in the middle of a questionnaire would only lose answers.
So whoever has admin access is signed out once `STAFF_SESSION_IDLE_MINUTES` pass without a
request of theirs, and everyone else keeps Django's session.

The session remembers, from the moment of signing in, whether its user has admin access, so
requests ask no permission queries; a session from before this rule learns it on its first
request. Wagtail's editor pings the server while a page is open, with nobody at the keyboard:
those pings do not count as use. «Remember me» on the admin login form then means «for the
idle time», not for two weeks.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import ngettext

STAFF = "_portal_staff"  # [user id, has admin access]
LAST_SEEN = "_portal_staff_last_seen"  # seconds since the epoch
BACKGROUND_NAMESPACES = {"wagtailadmin_editing_sessions"}


def idle_seconds() -> int:
    return settings.STAFF_SESSION_IDLE_MINUTES * 60


def has_admin_access(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin")


@receiver(user_logged_in, dispatch_uid="portal.signin.idle.remember_staff")
def remember_staff(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[STAFF] = [user.pk, has_admin_access(user)]


def _is_staff(request) -> bool:
    session = getattr(request, "session", None)
    # An empty session has no user; asking for one would load nothing but mark it accessed.
    if session is None or session.is_empty() or not request.user.is_authenticated:
        return False
    user = request.user
    remembered = session.get(STAFF)
    if not remembered or remembered[0] != user.pk:
        remembered = [user.pk, has_admin_access(user)]
        session[STAFF] = remembered
    return remembered[1]


def _is_background(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and BACKGROUND_NAMESPACES & set(match.namespaces))


class StaffSessionIdleMiddleware:
    """Placed after the authentication and messages middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_staff(request):
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and time.time() - last_seen > idle_seconds():
                minutes = settings.STAFF_SESSION_IDLE_MINUTES
                logout(request)
                messages.info(
                    request,
                    ngettext(
                        "You were signed out after %(minutes)d minute without activity.",
                        "You were signed out after %(minutes)d minutes without activity.",
                        minutes,
                    )
                    % {"minutes": minutes},
                )
        response = self.get_response(request)
        if _is_staff(request) and not _is_background(request):
            session = request.session
            session[LAST_SEEN] = int(time.time())
            if not session.get_expire_at_browser_close():
                session.set_expiry(idle_seconds())
        return response
