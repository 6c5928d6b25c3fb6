"""Refusing sign-in after repeated failures, on both sign-in forms, with a message that helps.

django-axes counts failures per pair of account and client address (settings: `AXES_*`,
`SIGNIN_FAILURE_LIMIT`, `SIGNIN_COOLOFF_MINUTES`). Per pair, not per address: a class signs
in from one school address, and one pupil's typos must not lock out the others; per account
alone, a robot could lock anyone out from anywhere.

Axes refuses a locked pair inside `authenticate()`, so the form only learns that the
credentials did not pass. The forms below ask the request whether axes refused and then say
so, with the time sign-in opens again, instead of «wrong password»; `lockout_response` keeps
that rendered form (still usable for another account) and makes it a 429 with Retry-After.
"""

import logging
import math
from datetime import datetime, timedelta

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.dispatch import receiver
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from portal.client_address import client_address

logger = logging.getLogger(__name__)

_UNTIL = "_signin_locked_until"


def locked_until(request, username: str | None) -> datetime:
    """When the pair of this account and this request's address may sign in again."""
    cached = getattr(request, _UNTIL, None)
    if cached is not None:
        return cached
    cool_off = get_cool_off(request) or timedelta(0)
    now = timezone.now()
    last = AccessAttempt.objects.filter(
        username=username,
        ip_address=client_address(request),
        attempt_time__gte=now - cool_off,
    ).aggregate(last=Max("attempt_time"))["last"]
    until = (last or now) + cool_off
    setattr(request, _UNTIL, until)
    return until


def lockout_message(until: datetime) -> str:
    local = timezone.localtime(until)
    moment = f"{local:%H:%M}" if local.date() == timezone.localdate() else f"{local:%d.%m.%Y %H:%M}"
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return ngettext(
        "Too many failed attempts to sign in to this account from your address. Sign-in is "
        "blocked until %(time)s (%(minutes)d minute left). Other accounts can sign in; a "
        "curator or the administrator can unlock this one sooner.",
        "Too many failed attempts to sign in to this account from your address. Sign-in is "
        "blocked until %(time)s (%(minutes)d minutes left). Other accounts can sign in; a "
        "curator or the administrator can unlock this one sooner.",
        minutes,
    ) % {"time": moment, "minutes": minutes}


class SignInThrottleBackend(AxesStandaloneBackend):
    """Axes's backend, for sign-ins that come with a request.

    A password checked without one (a shell, a management command, a test) is no attempt
    from anywhere: there is no address to count it by, and axes would refuse it with an
    error instead of letting the next backend answer.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class ThrottledLoginMixin:
    """Says «locked until …» where axes refused, and «wrong password» only where it was."""

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            until = locked_until(self.request, self.cleaned_data.get("username"))
            return ValidationError(lockout_message(until), code="locked_out")
        return super().get_invalid_login_error()


class SiteLoginForm(ThrottledLoginMixin, AuthenticationForm):
    """The site's /accounts/login/."""


class AdminLoginForm(ThrottledLoginMixin, WagtailLoginForm):
    """Wagtail's /admin/login/ (WAGTAILADMIN_USER_LOGIN_FORM)."""


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the refused form as it was rendered, as 429 with Retry-After.

    Where axes refused a sign-in that did not come from one of the forms above (the page
    rendered is not a form page), a page of its own says the same.
    """
    until = locked_until(request, get_client_username(request, credentials))
    if original_response is not None and original_response.status_code == 200:
        response = original_response
        response.status_code = 429
    else:
        response = TemplateResponse(
            request, "portal/signin_locked.html", {"message": lockout_message(until)}, status=429
        ).render()
    response["Retry-After"] = str(max(1, math.ceil((until - timezone.now()).total_seconds())))
    return response


@receiver(user_locked_out, dispatch_uid="portal.signin.log_lockout")
def log_lockout(sender, request, ip_address, **kwargs):
    # The account is not named: it is often a child's, and the address finds it on the screen.
    logger.warning(
        "Sign-in refused: too many failures for one account from client %s (%s)",
        ip_address,
        request.path if request is not None else "-",
    )
