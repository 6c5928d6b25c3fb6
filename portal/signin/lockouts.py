"""Which sign-in lockouts a staff member sees, and lifting one: the admin screen's rules.

A lockout is the pair of an account name and a client address whose failures within the
cool-off reached the limit; django-axes keeps a row per browser as well, so rows are summed
per pair, exactly as axes sums them when it refuses.

Superusers see every lockout, names that match no account included (a robot guessing).
Curators unlock their own pupils without waiting for the administrator, so they see the
lockouts of accounts linked to participants of their organisations, and nothing else: not
another organisation's participants, and not staff accounts, which stay the administrator's.
"""

import logging

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone

from programmes.selectors.access import organisation_ids_for

logger = logging.getLogger(__name__)

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def can_unlock(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(UNLOCK_PERMISSION))


def _visible(attempts: QuerySet, user) -> QuerySet:
    if user.is_superuser:
        return attempts
    if not can_unlock(user):
        return attempts.none()
    pupils = get_user_model().objects.filter(
        participant__organisation_id__in=organisation_ids_for(user)
    )
    return attempts.filter(username__in=pupils.values("username"))


def current_lockouts(user) -> QuerySet:
    """Rows of `username`, `ip_address`, `failures`, `last_failure`; the latest first."""
    cool_off = get_cool_off()
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off)
    return (
        _visible(recent, user)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_failure=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_failure", "username", "ip_address")
    )


def described(rows) -> list[dict]:
    """The rows with the time each lockout ends and the account holder's name, if any."""
    rows = list(rows)
    cool_off = get_cool_off()
    names = {
        user.get_username(): user.get_full_name()
        for user in get_user_model()
        .objects.filter(username__in={row["username"] for row in rows})
        .only("username", "first_name", "last_name")
    }
    return [
        {**row, "until": row["last_failure"] + cool_off, "name": names.get(row["username"], "")}
        for row in rows
    ]


def unlock(*, user, username: str, ip_address: str | None) -> int:
    """Lift the lockout of this pair if the user sees it; how many attempt rows went."""
    attempts = _visible(AccessAttempt.objects.filter(username=username), user)
    attempts = (
        attempts.filter(ip_address=ip_address)
        if ip_address
        else attempts.filter(ip_address__isnull=True)
    )
    deleted, _ = attempts.delete()
    if deleted:
        logger.warning("Sign-in unlocked for client %s by user #%s", ip_address or "-", user.pk)
    return deleted
