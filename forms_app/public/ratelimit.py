"""Limits on sending questionnaires, per client address and per respondent, counted in the cache.

What a genuine answer costs. Only sending the form (a POST that reaches the form) is counted,
once against the client's address and once against the respondent: their invitation link or
their account. Opening the page, the trip to the consent page and back, and giving the consent
cost nothing; a link that is not valid, or an answer already given, is refused before counting.
A pupil whose form comes back with an error («fill in this question») pays again when sending
it again, so an answer costs one attempt, or two or three for a pupil who mistypes.
Consent pages have no limit of their own: a consent is given by one participant, signed in or
holding a single-use link, and a valid one is not given twice, so a robot has nothing to flood.

Sizing. A school often reaches the portal from one address (one NAT, or the proxy's address
when `TRUSTED_PROXIES` is not set), and the heaviest genuine use is five classes of 30 pupils
answering in the same 45-minute lesson, often within the same few minutes. That is 150 answers,
300 attempts at two each, 450 if every pupil needs three. The old limit of 300 per 10 minutes
refused 169 of 469 genuine answers in a load test. The address allows 600 attempts per
30-minute window: a whole lesson of three attempts per pupil fits in one window with room for
the start of the next lesson's classes. A link or an account allows 10 attempts per window,
more than any pupil needs. A robot is stopped at once on one link or account, and at 600 on an
address: at most 20 a minute over time, against the old limit's 30, while bursts of real
classes pass. A school with more classes behind one address raises `FORMS_RATE_LIMIT_PER_IP`.

Windows are fixed and aligned to the clock (`FORMS_RATE_LIMIT_WINDOW_MINUTES`), so the refusal
can say exactly when sending works again, and resending while refused does not push that time
back. The limits are read on every call, so settings overrides work in tests and in the
benchmark (benchmarks/settings.py), which sends thousands of answers from one address.

Short codes. Looking up a typed invitation code (forms_app/public/short_links.py) costs one
attempt against a counter of its own per address, with the same limit and window: a class
opening its slips, scanning the QR code or typing it, two or three tries each, fits as the
answers do, while a robot guessing codes gets 600 tries per half hour (the arithmetic of
what that buys is in forms_app/models/invitations.py). Opening a long link costs nothing:
its token cannot be guessed.

Without its store the limit fails open. When the cache (Redis) does not answer, the portal's
backend turns every count into a miss (portal/redis_cache.py), each attempt counts as the
first, and every answer goes through. A pupil's genuine answer during a Redis outage matters
more than a robot's extra ones: the honeypot field and the CSRF check still stop the robots
that do not run a browser, and the answers stay one per participant where the page says so.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

ADDRESS = "address"
RESPONDENT = "respondent"


@dataclass(frozen=True)
class Refusal:
    scope: str  # ADDRESS or RESPONDENT: which counter was full
    retry_after: int  # seconds until the window in which it filled ends


def _now() -> float:
    return time.time()


def _window_seconds() -> int:
    return settings.FORMS_RATE_LIMIT_WINDOW_MINUTES * 60


def _count(key: str, *, window: int, now: float) -> int:
    """Count one attempt under `key` in the current window; the attempts counted so far."""
    index = int(now // window)
    cache_key = f"form-rate:{key}:{index}"
    # Kept a little past the window's end, so a slow clock on another worker still finds it.
    timeout = math.ceil((index + 1) * window - now) + 60
    cache.add(cache_key, 0, timeout)
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr, or the cache is unavailable
        cache.set(cache_key, 1, timeout)
        return 1


def respondent_key(
    *, invitation_token: str | None = None, user_id: int | None = None
) -> str | None:
    """The respondent's counter: their link (hashed: a link is a key) or their account."""
    if invitation_token:
        return "link:" + hashlib.sha256(invitation_token.encode()).hexdigest()[:32]
    if user_id is not None:
        return f"user:{user_id}"
    return None


def _retry_after(window: int, now: float) -> int:
    return max(1, math.ceil(window - now % window))


def check_code_lookup(*, ip: str | None) -> Refusal | None:
    """Count one look-up of a typed invitation code from this address; a Refusal past the limit."""
    window = _window_seconds()
    now = _now()
    if _count(f"code:{ip or 'unknown'}", window=window, now=now) > settings.FORMS_RATE_LIMIT_PER_IP:
        return Refusal(ADDRESS, _retry_after(window, now))
    return None


def check(*, ip: str | None, respondent: str | None) -> Refusal | None:
    """Count one attempt to send a form; a Refusal once a counter is past its limit."""
    window = _window_seconds()
    now = _now()
    retry_after = _retry_after(window, now)
    # A request with no readable address still counts, together with all such requests.
    if _count(f"ip:{ip or 'unknown'}", window=window, now=now) > settings.FORMS_RATE_LIMIT_PER_IP:
        return Refusal(ADDRESS, retry_after)
    if (
        respondent
        and _count(respondent, window=window, now=now) > settings.FORMS_RATE_LIMIT_PER_RESPONDENT
    ):
        return Refusal(RESPONDENT, retry_after)
    return None
