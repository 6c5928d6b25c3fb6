"""Who has a valid consent to the processing of their personal data."""

import datetime

from django.db.models import Q, QuerySet

from programmes.models import Consent, ConsentGiver, ConsentKind, Participant, ParticipantCategory
from programmes.models.participants import ADULT_AGE


def _adults_born_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - ADULT_AGE)
    except ValueError:  # 29 February
        return day.replace(year=day.year - ADULT_AGE, day=28)


def valid_processing_consents(day: datetime.date) -> QuerySet[Consent]:
    """Valid processing consents; a minor's counts only when given by a legal representative."""
    adult = Q(participant__birth_date__lte=_adults_born_before(day)) | (
        Q(participant__birth_date__isnull=True)
        & ~Q(participant__category=ParticipantCategory.STUDENT)
    )
    return (
        Consent.objects.valid_on(day)
        .filter(kind=ConsentKind.PROCESSING)
        .filter(adult | Q(given_by=ConsentGiver.REPRESENTATIVE))
    )


def participants_with_consent(day: datetime.date) -> QuerySet[Participant]:
    return Participant.objects.filter(
        pk__in=valid_processing_consents(day).values("participant_id")
    )


def participants_without_consent(
    queryset: QuerySet[Participant], day: datetime.date
) -> QuerySet[Participant]:
    return queryset.exclude(pk__in=valid_processing_consents(day).values("participant_id"))
