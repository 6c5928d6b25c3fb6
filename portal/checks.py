"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

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
