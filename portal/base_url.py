"""The portal's own address, for links that leave it: printed invitations, QR codes, mail.

One source, in this order:

1. `PORTAL_BASE_URL` (settings.WAGTAILADMIN_BASE_URL, declared in settings/base.py): what
   production sets, e.g. `https://portal.school.ru`;
2. else the default Wagtail Site (Settings → Sites), once it has been given a real host name:
   the `localhost` that Wagtail's first migration (and home/migrations/0002) puts there
   names no machine anyone else can reach, so it is passed over while a request can do
   better;
3. else the address the request came to (`request.build_absolute_uri`), checked against
   ALLOWED_HOSTS by Django;
4. with no request either (mail sent from a command), the default Site as it is, or nothing.

Used by forms_app (invitation links and their QR codes) and by the mail of programmes and
forms_app services.
"""

from django.conf import settings
from wagtail.models import Site

PLACEHOLDER_HOSTNAMES = {"localhost"}


def _default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first()


def portal_base_url(request=None) -> str:
    """The portal's address without a trailing slash, e.g. `https://portal.school.ru`."""
    declared = (getattr(settings, "WAGTAILADMIN_BASE_URL", None) or "").strip()
    if declared:
        return declared.rstrip("/")
    site = _default_site()
    if site is not None and site.hostname not in PLACEHOLDER_HOSTNAMES:
        return site.root_url.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return site.root_url.rstrip("/") if site is not None else ""
