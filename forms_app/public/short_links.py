"""The short invitation link, `/i/K7MQ-2PXA`: what a pupil types or scans from a printed slip.

Wired in portal/urls.py before Wagtail's pages. A code found leads (302) to the page's own
invitation link, `<page>?invitation=<token>`, so it is redeemed exactly as the long link is:
expiry, single use and the page's access rule are all checked there, and long links printed
before the short codes keep working. `/i/` alone, or a code that is not found, answers a page
with a field to type the code into (`?code=`), so a pupil can also open `/i/` and type only
the code.

Typing is forgiven (forms_app.models.invitations.normalise_code): any case, with or without
the dash or spaces, Cyrillic look-alike letters. A code that is not found says only that,
the same for a code never issued and one mistyped, and every look-up of a code is counted
against the client's address (forms_app/public/ratelimit.py), found or not.
"""

import datetime
import logging

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from forms_app.models import Invitation
from forms_app.models.invitations import CODE_LENGTH, normalise_code
from forms_app.public import ratelimit
from portal.client_address import client_address

logger = logging.getLogger(__name__)

TEMPLATE = "forms_app/short_link.html"


def _page(request, *, status: int, typed: str = "", title: str = "", message: str = ""):
    return render(
        request,
        TEMPLATE,
        {
            "title": title or _("Invitation code"),
            "message": message,
            "typed": typed[:40],
        },
        status=status,
    )


def _unlogged(response):
    """Keep Django from logging the refusal with its path: the path holds a typed code, and a
    refused one (429) may be valid, a key to a child's form like the long link's token."""
    response._has_been_logged = True
    return response


@never_cache
def redeem(request, code: str = ""):
    if request.method not in ("GET", "HEAD"):
        return _unlogged(HttpResponseNotAllowed(["GET", "HEAD"]))
    typed = (code or request.GET.get("code", "")).strip()
    if not typed:
        return _page(request, status=200)
    address = client_address(request)
    refusal = ratelimit.check_code_lookup(ip=address)
    if refusal is not None:
        logger.warning("Invitation code look-up refused by the per-address limit: %s", address)
        until = timezone.localtime() + datetime.timedelta(seconds=refusal.retry_after)
        response = _page(
            request,
            status=429,
            typed=typed,
            title=_("Too many attempts"),
            message=_(
                "Too many codes have been typed from your address in the last minutes. "
                "Try again after %(time)s."
            )
            % {"time": f"{until:%H:%M}"},
        )
        response["Retry-After"] = str(refusal.retry_after)
        return _unlogged(response)
    found = normalise_code(typed)
    invitation = (
        Invitation.objects.select_related("page").filter(code=found).first() if found else None
    )
    page_url = invitation.page.url if invitation is not None else None
    if not page_url:
        return _unlogged(
            _page(
                request,
                status=404,
                typed=typed,
                title=_("No such code"),
                message=_(
                    "Check the code on your slip: it has %(length)d Latin letters and digits. "
                    "The dash and the case of the letters do not matter. If it still does not "
                    "open, ask the curator for a new invitation."
                )
                % {"length": CODE_LENGTH},
            )
        )
    return HttpResponseRedirect(f"{page_url}?invitation={invitation.token}")
