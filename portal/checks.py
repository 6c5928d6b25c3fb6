"""Checks of the portal's own settings: `manage.py check`, and `--deploy` for production."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from portal.error_reports import UNDELIVERING_BACKENDS

PROCESS_LOCAL_CACHES = {"django.core.cache.backends.locmem.LocMemCache"}


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Gunicorn runs several workers, and a cache in each worker's memory is not shared.

    A publish would then purge the stored pages of one worker only, the others serving the
    old page until it expires, and every worker would count the form rate limits apart.
    """
    if settings.CACHES["default"]["BACKEND"] not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            "The default cache lives in each worker process's memory: a publish purges the "
            "anonymous page cache of one worker only, and form rate limits are counted per "
            "worker.",
            hint="Set REDIS_URL (for example redis://127.0.0.1:6379/0) so the workers share "
            "one cache.",
            id="portal.W001",
        )
    ]


@register(Tags.security)
def check_trusted_proxies(app_configs, **kwargs):
    """A proxy named wrongly would make every request count as the proxy's, or fail each one."""
    errors = []
    for entry in settings.TRUSTED_PROXIES:
        if not entry.strip():
            continue
        try:
            ipaddress.ip_network(entry.strip(), strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"TRUSTED_PROXIES: {entry!r} is not an IP address or network.",
                    hint="List the reverse proxies' addresses or networks, comma-separated, "
                    "for example 127.0.0.1,10.0.0.0/24.",
                    id="portal.E001",
                )
            )
    return errors


MAX_SIGNIN_FAILURE_LIMIT = 30


@register(Tags.security)
def check_signin_settings(app_configs, **kwargs):
    """A limit above 30 lets a robot try too many passwords per cool-off; 0 minutes, endless;
    a staff session idle for 0 minutes would end on every click."""
    errors = []
    limit = settings.AXES_FAILURE_LIMIT
    if not isinstance(limit, int) or not 1 <= limit <= MAX_SIGNIN_FAILURE_LIMIT:
        errors.append(
            Error(
                f"SIGNIN_FAILURE_LIMIT is {limit!r}; it must be from 1 to "
                f"{MAX_SIGNIN_FAILURE_LIMIT}.",
                id="portal.E002",
            )
        )
    cool_off = settings.AXES_COOLOFF_TIME
    if not isinstance(cool_off, timedelta) or cool_off < timedelta(minutes=1):
        errors.append(Error("SIGNIN_COOLOFF_MINUTES must be at least 1.", id="portal.E003"))
    if settings.STAFF_SESSION_IDLE_MINUTES < 1:
        errors.append(Error("STAFF_SESSION_IDLE_MINUTES must be at least 1.", id="portal.E004"))
    return errors


@register(deploy=True)
def check_error_mail_delivered(app_configs, **kwargs):
    """ADMINS without a mail server: the reports would go to the console, and nobody knows."""
    if not settings.ADMINS or settings.EMAIL_BACKEND not in UNDELIVERING_BACKENDS:
        return []
    return [
        Warning(
            "ADMINS is set, but e-mail is not sent anywhere: server errors are not reported.",
            hint="Set EMAIL_URL (for example smtp+tls://user:password@smtp.school.ru:587).",
            id="portal.W002",
        )
    ]
