"""Whom a participant would like to work with, as said after the group meeting."""

from django.contrib.auth.models import AbstractBaseUser

from programmes.models import MatchPreference, Participant
from programmes.models.history import attribute_change


def preference_state(
    *,
    participant: Participant,
    preferred: Participant,
    programme_id: int | None,
    user: AbstractBaseUser | None,
    reason: str | None = None,
) -> MatchPreference:
    """Record that `participant` would like to work with `preferred` in the programme."""
    preference = MatchPreference(
        participant=participant, preferred=preferred, programme_id=programme_id
    )
    preference.full_clean()
    attribute_change(preference, user=user, reason=reason, respondent=participant)
    preference.save()
    return preference
