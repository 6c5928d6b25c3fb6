"""Per-IP and per-link limits on form submissions, counted in the cache.

The per-IP limit is generous on purpose: a whole class often shares one school address, and
thirty pupils sending a questionnaire in the same minutes is normal use, not abuse.
"""

from django.core.cache import cache

IP_LIMIT = 300
LINK_LIMIT = 10
WINDOW_SECONDS = 10 * 60


def allow(key: str, limit: int) -> bool:
    """Count one attempt under `key`; False once the window holds more than `limit`."""
    cache_key = f"form-rate:{key}"
    cache.add(cache_key, 0, WINDOW_SECONDS)
    try:
        attempts = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, WINDOW_SECONDS)
        attempts = 1
    return attempts <= limit


def submission_allowed(*, ip: str | None, invitation_token: str | None) -> bool:
    if ip and not allow(f"ip:{ip}", IP_LIMIT):
        return False
    return not (invitation_token and not allow(f"link:{invitation_token}", LINK_LIMIT))
