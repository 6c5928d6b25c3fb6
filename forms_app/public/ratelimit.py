"""Per-IP and per-link limits on form submissions, counted in the cache.

The per-IP limit is generous on purpose: a whole class often shares one school address, and
thirty pupils sending a questionnaire in the same minutes is normal use, not abuse.

The limits below are the defaults; the settings `FORMS_RATE_LIMIT_PER_IP`,
`FORMS_RATE_LIMIT_PER_LINK` and `FORMS_RATE_LIMIT_WINDOW` override them, so a load test
(benchmarks/settings.py) can send thousands of answers from one address. They are read on
every call, not at import, so `override_settings` and monkeypatching the constants both work.
"""

from django.conf import settings
from django.core.cache import cache

IP_LIMIT = 300
LINK_LIMIT = 10
WINDOW_SECONDS = 10 * 60


def _window() -> int:
    return getattr(settings, "FORMS_RATE_LIMIT_WINDOW", WINDOW_SECONDS)


def allow(key: str, limit: int) -> bool:
    """Count one attempt under `key`; False once the window holds more than `limit`."""
    cache_key = f"form-rate:{key}"
    window = _window()
    cache.add(cache_key, 0, window)
    try:
        attempts = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        attempts = 1
    return attempts <= limit


def submission_allowed(*, ip: str | None, invitation_token: str | None) -> bool:
    if ip and not allow(f"ip:{ip}", getattr(settings, "FORMS_RATE_LIMIT_PER_IP", IP_LIMIT)):
        return False
    link_limit = getattr(settings, "FORMS_RATE_LIMIT_PER_LINK", LINK_LIMIT)
    return not (invitation_token and not allow(f"link:{invitation_token}", link_limit))
